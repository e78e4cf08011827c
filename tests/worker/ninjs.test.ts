import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { expectProblem, findArticle, index, ORIGIN, originETag, request } from './helpers';

const ARTICLE_CACHE = 'public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800';
const seedArticle = findArticle(seed.slug)!;
const PATH = `/api/articles/${seed.slug}/ninjs`;
const ETAG = async () => (await originETag(seedArticle.json.hash)).replace(/"$/, '-n1"');

/** The seed article as ninjs 3.1, member by member, in the order the Worker writes them. */
const seedNinjs = {
  uri: `${ORIGIN}/articles/${seed.slug}`,
  standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
  type: 'text',
  representationType: 'full',
  firstCreated: '2026-11-27T00:00:00Z',
  versionCreated: '2026-11-27T00:00:00Z',
  pubStatus: 'usable',
  language: 'en',
  slugline: seed.slug,
  headlines: [
    { role: 'main', value: seed.title },
    { role: 'sub', value: seed.alternativeHeadline },
  ],
  descriptions: [{ role: 'summary', contentType: 'text/plain', value: seed.paragraphs[0] }],
  bodies: [
    { role: 'main', contentType: 'text/html', wordCount: 306, value: seed.paragraphs.map((paragraph) => `<p>${paragraph}</p>\n`).join('') },
    { role: 'main', contentType: 'text/plain', wordCount: 306, value: seed.paragraphs.join('\n\n') },
  ],
  infoSources: [{ name: seed.source, role: 'source' }],
  subjects: seed.tags.map((tag) => ({ name: tag, rel: 'tag', literal: tag })),
  renditions: [
    { name: 'html', href: `${ORIGIN}/articles/${seed.slug}`, contentType: 'text/html' },
    { name: 'markdown', href: `${ORIGIN}/articles/${seed.slug}.md`, contentType: 'text/markdown' },
    { name: 'json', href: `${ORIGIN}/api/articles/${seed.slug}`, contentType: 'application/json' },
  ],
};

describe('GET /api/articles/:slug/ninjs', () => {
  it('serves the article as IPTC ninjs 3.1, every paragraph verbatim, cached as the article is (request() checks it against the OpenAPI document)', async () => {
    const response = await request(PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe(ARTICLE_CACHE);
    expect(response.headers.get('ETag')).toBe(await ETAG());
    expect(response.headers.get('Last-Modified')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    expect(response.headers.get('Cache-Tag')).toBe(`article:${seed.slug},build:${index.build}`);
    expect(response.headers.get('Link')).toBe(
      `<${ORIGIN}/articles/${seed.slug}>; rel="canonical", <http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json>; rel="describedby"; type="application/schema+json", </api/openapi.json>; rel="service-desc"`,
    );
    const body = await response.text();
    expect(response.headers.get('Content-Length')).toBe(String(new TextEncoder().encode(body).byteLength));
    expect(body).toBe(JSON.stringify(seedNinjs));
  });

  it('answers If-None-Match with its ETag by a 304 without a body, and its ETag is not the JSON\'s', async () => {
    const etag = await ETAG();
    expect(etag).not.toBe(await originETag(seedArticle.json.hash));
    const response = await request(PATH, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(etag);
    expect(response.headers.get('Cache-Control')).toBe(ARTICLE_CACHE);
    expect(response.headers.get('Content-Type')).toBeNull();
    expect(await response.text()).toBe('');
    const json = await request(PATH, { headers: { 'If-None-Match': await originETag(seedArticle.json.hash) } });
    expect(json.status).toBe(200);
  });

  it('redirects another letter case to the canonical slug', async () => {
    const response = await request(`/api/articles/${seed.slug.toUpperCase()}/ninjs`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(PATH);
  });

  it('answers an unknown slug with a problem document', async () => {
    const response = await request('/api/articles/no-such-article/ninjs');
    await expectProblem(response, { title: 'Not Found', status: 404, detail: 'There is no article with this slug.', instance: '/api/articles/no-such-article/ninjs' });
  });
});
