import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { seed } from '../fixtures/seed';
import { contractErrors, documentedResponse, expectContract } from './contract';
import { findArticle, index, ORIGIN, originETag, request } from './helpers';

/**
 * Every kind of JSON response, and which schema of the OpenAPI document it is checked against.
 * `request()` checks each response it returns (helpers.ts); here each kind is named once, and the
 * checks are shown to fail on a response that drifts from the document.
 */

const ARTICLE = `/api/articles/${seed.slug}`;

/** The `$ref` of the schema a documented response gives its media type. */
async function schemaNameOf(method: string, path: string, status: number, mediaType: string): Promise<string> {
  const documented = await documentedResponse(method, `${ORIGIN}${path}`, status);
  return String(documented?.content?.[mediaType]?.schema?.$ref ?? 'none').replace('#/components/schemas/', '');
}

describe('the contract covers every JSON response kind', () => {
  it.each([
    ['an article', ARTICLE, {}, 200, 'application/json', 'ArticleResponse'],
    ['an article by negotiation', `/articles/${seed.slug}`, { headers: { Accept: 'application/json' } }, 200, 'application/json', 'ArticleResponse'],
    ['a list page', '/api/articles?limit=1', {}, 200, 'application/json', 'ArticleList'],
    ['an empty list page', '/api/articles?tag=sport', {}, 200, 'application/json', 'ArticleList'],
    ['the JSON Feed', '/tags/sahel/feed.json', {}, 200, 'application/feed+json', 'JsonFeed'],
    ['a 400 on the API', '/api/articles?page=0&limit=x', {}, 400, 'application/problem+json', 'BadRequestProblem'],
    ['a 400 on a page', '/tags?page=x', {}, 400, 'application/problem+json', 'BadRequestProblem'],
    ['a 404 for a slug', '/api/articles/no-such-article', {}, 404, 'application/problem+json', 'NotFoundProblem'],
    ['a 404 past the last page', '/api/articles?page=2', {}, 404, 'application/problem+json', 'NotFoundProblem'],
    ['a 404 for an unknown API route', '/api/writers', {}, 404, 'application/problem+json', 'NotFoundProblem'],
    ['a 406', `/articles/${seed.slug}`, { headers: { Accept: 'image/png' } }, 406, 'application/problem+json', 'NotAcceptableProblem'],
  ])('%s: %s', async (_, path, init: RequestInit, status, mediaType, schema) => {
    const response = await request(path, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')?.split(';')[0]).toBe(mediaType);
    expect(await schemaNameOf(init.method ?? 'GET', path, status, mediaType)).toBe(schema);
  });

  it('a 405 is checked against the answer info.description states for every other method', async () => {
    const response = await request('/api/articles', { method: 'PUT' });
    expect(response.status).toBe(405);
    const documented = (await documentedResponse('PUT', `${ORIGIN}/api/articles`, 405))!;
    expect(documented.headers.Allow.schema).toEqual({ type: 'string', const: 'GET, HEAD, OPTIONS' });
    const problem = { type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'PUT is not allowed: this API is read-only.', instance: '/api/articles' };
    expect(await contractErrors(documented, 'application/problem+json', problem)).toBeNull();
    expect(await contractErrors(documented, 'application/problem+json', { ...problem, status: 400 })).toBe('data/status must be equal to constant');
  });

  it('a 412 has no body, as documented', async () => {
    const response = await request(ARTICLE, { headers: { 'If-Match': '"other"' } });
    expect(response.status).toBe(412);
    expect((await documentedResponse('GET', `${ORIGIN}${ARTICLE}`, 412))?.content).toBeUndefined();
  });

  it.each([
    ['a bad SITE_URL', { SITE_URL: 'ftp://news.example' }, 503, 'ServiceUnavailableProblem'],
    ['a missing body file', { ASSETS: { fetch: async () => new Response('', { status: 404 }) }, BODY_CACHE_BYTES: '0' }, 503, 'ServiceUnavailableProblem'],
    ['an unexpected error', { ASSETS: { fetch: async () => Promise.reject(new TypeError('lost')) }, BODY_CACHE_BYTES: '0' }, 500, 'InternalServerErrorProblem'],
  ])('%s: a %i problem', async (_, bindings, status, schema) => {
    const silenced = console.error;
    console.error = () => {};
    try {
      const response = await app.fetch(new Request(`${ORIGIN}${ARTICLE}`), { ...env, ...bindings });
      expect(response.status).toBe(status);
      await expectContract('GET', `${ORIGIN}${ARTICLE}`, response);
      expect(await schemaNameOf('GET', ARTICLE, status, 'application/problem+json')).toBe(schema);
    } finally {
      console.error = silenced;
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('serves the document as application/json, cached as a list, naming SITE_URL as its server', async () => {
    const response = await request('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800');
    expect(response.headers.get('ETag')).toBe(await originETag(index.documents['/api/openapi.json']!.pages[0]!.hash));
    const document = await response.json<{ openapi: string; servers: unknown; paths: Record<string, unknown> }>();
    expect(document.openapi).toBe('3.1.1');
    expect(document.servers).toEqual([{ url: ORIGIN, description: 'The configured SITE_URL.' }]);
    expect(Object.keys(document.paths)).toContain('/api/articles/{slug}');
  });

  it('names another SITE_URL when configured with it', async () => {
    const response = await app.fetch(new Request(`${ORIGIN}/api/openapi.json`), { ...env, SITE_URL: 'https://news.example' });
    expect((await response.json<{ servers: unknown }>()).servers).toEqual([{ url: 'https://news.example', description: 'The configured SITE_URL.' }]);
  });
});

describe('the contract catches drift', () => {
  it('fails an article whose readingTimeMinutes is renamed', async () => {
    const { data } = await (await request(ARTICLE)).json<{ data: Record<string, unknown> }>();
    const { readingTimeMinutes, ...rest } = data;
    const documented = (await documentedResponse('GET', `${ORIGIN}${ARTICLE}`, 200))!;
    expect(await contractErrors(documented, 'application/json', { data })).toBeNull();
    expect(await contractErrors(documented, 'application/json', { data: { ...rest, readingTime: readingTimeMinutes } })).toBe(
      "data/data must have required property 'readingTimeMinutes', data/data must NOT have additional properties",
    );
  });

  it('fails a problem document without its extension member, or with one it does not have', async () => {
    const badRequest = (await documentedResponse('GET', `${ORIGIN}/api/articles`, 400))!;
    const problem = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'x', instance: '/api/articles?page=0' };
    expect(await contractErrors(badRequest, 'application/problem+json', problem)).toBe("data must have required property 'errors'");
    const notFound = (await documentedResponse('GET', `${ORIGIN}/api/articles`, 404))!;
    expect(await contractErrors(notFound, 'application/problem+json', { ...problem, title: 'Not Found', status: 404, errors: [] })).toBe('data must NOT have additional properties');
  });

  it('fails a status, a header or a media type the document does not give', async () => {
    expect(await documentedResponse('GET', `${ORIGIN}${ARTICLE}`, 418)).toBeUndefined();
    const etag = await originETag(findArticle(seed.slug)!.json.hash);
    const wrongCache = new Response('{}', { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', ETag: etag } });
    await expect(expectContract('GET', `${ORIGIN}${ARTICLE}`, wrongCache)).rejects.toThrow(`GET ${ORIGIN}${ARTICLE} 200: Cache-Control: no-cache`);
    const html = new Response('<p>', { headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' } });
    await expect(expectContract('GET', `${ORIGIN}/api/articles?page=0`, new Response(html.body, { status: 400, headers: html.headers }))).rejects.toThrow('media type');
  });
});
