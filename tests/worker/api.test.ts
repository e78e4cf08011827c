import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { bodyETag, expectProblem, findArticle, index, ORIGIN, originETag, request } from './helpers';

const ARTICLE_CACHE = 'public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800';
const LIST_CACHE = 'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800';
const seedArticle = findArticle(seed.slug)!;
/** RFC 8631: every response under /api/ names the OpenAPI document, after the route's own links. */
const SERVICE_DESC = '</api/openapi.json>; rel="service-desc"';

const seedSummary = {
  slug: seed.slug,
  url: `${ORIGIN}/articles/${seed.slug}`,
  title: seed.title,
  alternativeHeadline: seed.alternativeHeadline,
  description: seed.paragraphs[0],
  image: null,
  datePublished: '2026-11-27T00:00:00Z',
  dateModified: null,
  authors: [],
  source: { name: seed.source },
  section: null,
  tags: seed.tags,
  lang: 'en',
  wordCount: 306,
  readingTimeMinutes: 2,
};

describe('GET /api/articles/:slug', () => {
  it('serves the seed article with every paragraph verbatim', async () => {
    const response = await request(`/api/articles/${seed.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe(ARTICLE_CACHE);
    expect(response.headers.get('ETag')).toBe(await originETag(seedArticle.json.hash));
    expect(response.headers.get('Last-Modified')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    expect(response.headers.get('Cache-Tag')).toBe(`article:${seed.slug},build:${index.build}`);
    const body = await response.json<{ data: Record<string, unknown> }>();
    expect(body).toEqual({
      data: {
        ...seedSummary,
        corrections: [],
        html: seed.paragraphs.map((paragraph) => `<p>${paragraph}</p>\n`).join(''),
        text: seed.paragraphs.join('\n\n'),
        images: [],
      },
    });
    expect(Object.keys(body.data)).toEqual([...Object.keys(seedSummary), 'corrections', 'html', 'text', 'images']);
  });

  it('answers If-None-Match with the current ETag by a 304 without a body', async () => {
    const etag = await originETag(seedArticle.json.hash);
    const response = await request(`/api/articles/${seed.slug}`, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(etag);
    expect(response.headers.get('Cache-Control')).toBe(ARTICLE_CACHE);
    expect(response.headers.get('Content-Type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('sends the full article when If-None-Match names another version', async () => {
    const response = await request(`/api/articles/${seed.slug}`, { headers: { 'If-None-Match': '"stale"' } });
    expect(response.status).toBe(200);
    expect((await response.json<{ data: { slug: string } }>()).data.slug).toBe(seed.slug);
  });

  it('answers an unknown slug with a problem document', async () => {
    const response = await request('/api/articles/no-such-article');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=300');
    await expectProblem(response, {
      title: 'Not Found',
      status: 404,
      detail: 'There is no article with this slug.',
      instance: '/api/articles/no-such-article',
    });
  });

  it('answers an unknown API route with a problem document', async () => {
    const response = await request('/api/writers');
    await expectProblem(response, { title: 'Not Found', status: 404, detail: 'There is nothing at this URL.', instance: '/api/writers' });
  });
});

describe('GET /api/articles', () => {
  it('lists summaries newest first with paging metadata and links', async () => {
    const response = await request('/api/articles');
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe(LIST_CACHE);
    expect(response.headers.get('Cache-Tag')).toBe(`articles,build:${index.build}`);
    expect(response.headers.get('ETag')).toBe(await bodyETag(body));
    expect(response.headers.get('Link')).toBe(`<${ORIGIN}/api/articles>; rel="first", <${ORIGIN}/api/articles>; rel="last", ${SERVICE_DESC}`);
    expect(JSON.parse(body)).toEqual({ data: [seedSummary], meta: { page: 1, limit: 20, pages: 1, total: 1 } });
  });

  it('answers a repeat with the list ETag by a 304', async () => {
    const first = await request('/api/articles?limit=5');
    const etag = first.headers.get('ETag')!;
    const again = await request('/api/articles?limit=5', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
  });

  it('pages with limit and keeps limit and tag in the links', async () => {
    const response = await request('/api/articles?limit=1&page=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('Link')).toBe(`<${ORIGIN}/api/articles?limit=1>; rel="first", <${ORIGIN}/api/articles?limit=1>; rel="last", ${SERVICE_DESC}`);
    expect((await response.json<{ meta: unknown }>()).meta).toEqual({ page: 1, limit: 1, pages: 1, total: 1 });
  });

  it('returns an empty page for a tag no article has', async () => {
    const response = await request('/api/articles?tag=sport');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [], meta: { page: 1, limit: 20, pages: 1, total: 0 } });
    expect(response.headers.get('Link')).toBe(`<${ORIGIN}/api/articles?tag=sport>; rel="first", <${ORIGIN}/api/articles?tag=sport>; rel="last", ${SERVICE_DESC}`);
  });

  it.each([
    ['page=0', [{ parameter: 'page', detail: 'must be a whole number from 1' }]],
    ['page=abc', [{ parameter: 'page', detail: 'must be a whole number from 1' }]],
    ['page=1.5', [{ parameter: 'page', detail: 'must be a whole number from 1' }]],
    ['limit=0', [{ parameter: 'limit', detail: 'must be a whole number from 1 to 100' }]],
    ['limit=101', [{ parameter: 'limit', detail: 'must be a whole number from 1 to 100' }]],
    ['limit=-5', [{ parameter: 'limit', detail: 'must be a whole number from 1 to 100' }]],
    ['tag=Sahel', [{ parameter: 'tag', detail: 'must be a tag: lowercase a-z, 0-9 and single hyphens' }]],
    ['page=1&page=2', [{ parameter: 'page', detail: 'must be given at most once' }]],
    [
      'page=x&limit=y',
      [
        { parameter: 'page', detail: 'must be a whole number from 1' },
        { parameter: 'limit', detail: 'must be a whole number from 1 to 100' },
      ],
    ],
  ])('rejects ?%s with a 400 naming every bad parameter', async (search, errors) => {
    const response = await request(`/api/articles?${search}`);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    await expectProblem(response, {
      title: 'Bad Request',
      status: 400,
      detail: 'The list query is not valid.',
      instance: `/api/articles?${search}`,
      errors,
    });
  });

  it('answers a page past the last with a 404', async () => {
    const response = await request('/api/articles?page=2');
    await expectProblem(response, {
      title: 'Not Found',
      status: 404,
      detail: 'Page 2 does not exist: there is 1 page.',
      instance: '/api/articles?page=2',
    });
  });
});
