import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { findArticle, ORIGIN, originETag, request } from './helpers';

const PAGE = `${ORIGIN}/articles/${seed.slug}`;
const CANONICAL = `<${PAGE}>; rel="canonical"`;
const HTML = `<${PAGE}.html>; rel="alternate"; type="text/html"`;
const JSON_API = `<${ORIGIN}/api/articles/${seed.slug}>; rel="alternate"; type="application/json"`;
const MARKDOWN = `<${PAGE}.md>; rel="alternate"; type="text/markdown"`;
const SERVICE_DESC = '</api/openapi.json>; rel="service-desc"';
/** oEmbed discovery (oembed.com §4), on every representation, as in the page's head. */
const OEMBED = `<${ORIGIN}/api/oembed?url=${PAGE}&format=json>; rel="alternate"; type="application/json+oembed"`;

describe('Link header on article representations (RFC 8288)', () => {
  it.each([
    [`/articles/${seed.slug}`, {}, `${CANONICAL}, ${JSON_API}, ${MARKDOWN}, ${OEMBED}`],
    [`/articles/${seed.slug}.html`, {}, `${CANONICAL}, ${JSON_API}, ${MARKDOWN}, ${OEMBED}`],
    [`/articles/${seed.slug}`, { Accept: 'application/json' }, `${CANONICAL}, ${HTML}, ${MARKDOWN}, ${OEMBED}`],
    [`/api/articles/${seed.slug}`, {}, `${CANONICAL}, ${HTML}, ${MARKDOWN}, ${OEMBED}, ${SERVICE_DESC}`],
    [`/articles/${seed.slug}`, { Accept: 'text/markdown' }, `${CANONICAL}, ${HTML}, ${JSON_API}, ${OEMBED}`],
    [`/articles/${seed.slug}.md`, {}, `${CANONICAL}, ${HTML}, ${JSON_API}, ${OEMBED}`],
  ])('%s %j links the page and the other representations', async (path, headers, link) => {
    const response = await request(path, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('Link')).toBe(link);
  });

  it('takes the origin from SITE_URL, not from the Host the request was sent to', async () => {
    const response = await exports.default.fetch(new Request(`https://news.example/articles/${seed.slug}.md`));
    expect(response.headers.get('Link')).toBe(`${CANONICAL}, ${HTML}, ${JSON_API}, ${OEMBED}`);
  });

  it('repeats the Link field on a 304', async () => {
    const etag = await originETag(findArticle(seed.slug)!.html.hash);
    const response = await request(`/articles/${seed.slug}`, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('Link')).toBe(`${CANONICAL}, ${JSON_API}, ${MARKDOWN}, ${OEMBED}`);
  });
});

describe('Link to the OpenAPI description (RFC 8631 service-desc)', () => {
  it.each([
    ['/api/articles?limit=1', {}, 200, `<${ORIGIN}/api/articles?limit=1>; rel="first", <${ORIGIN}/api/articles?limit=1>; rel="last", ${SERVICE_DESC}`],
    ['/api/articles/no-such-article', {}, 404, SERVICE_DESC],
    ['/api/articles?page=0', {}, 400, SERVICE_DESC],
    ['/api/articles', { method: 'DELETE' }, 405, SERVICE_DESC],
    ['/api/openapi.json', {}, 200, SERVICE_DESC],
  ])('%s %j: %i carries service-desc after the route\'s own links', async (path, init, status, link) => {
    const response = await request(path, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('Link')).toBe(link);
  });

  it('repeats it on a 304 from the API', async () => {
    const etag = await originETag(findArticle(seed.slug)!.json.hash);
    const response = await request(`/api/articles/${seed.slug}`, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('Link')).toBe(`${CANONICAL}, ${HTML}, ${MARKDOWN}, ${OEMBED}, ${SERVICE_DESC}`);
  });

  it.each(['/', `/articles/${seed.slug}.md`, '/feed.json'])('is not sent outside /api/: %s', async (path) => {
    expect((await request(path)).headers.get('Link') ?? '').not.toContain('service-desc');
  });
});
