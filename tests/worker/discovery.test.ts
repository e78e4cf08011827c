import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { index, ORIGIN, originETag, request } from './helpers';

/** Feeds, sitemaps and crawler files, as pre-rendered documents served by the Worker. */

const LIST_CACHE = 'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800';
const ARTICLE = `${ORIGIN}/articles/${seed.slug}`;

/** Each document, its media type, and a part of its body that names the real origin. */
const DOCUMENTS = [
  { path: '/rss.xml', contentType: 'application/rss+xml; charset=utf-8', names: `<link>${ARTICLE}</link>` },
  { path: '/atom.xml', contentType: 'application/atom+xml; charset=utf-8', names: `<link rel="self" type="application/atom+xml" href="${ORIGIN}/atom.xml"/>` },
  { path: '/feed.json', contentType: 'application/feed+json; charset=utf-8', names: `"feed_url":"${ORIGIN}/feed.json"` },
  { path: '/sitemap.xml', contentType: 'application/xml; charset=utf-8', names: `<loc>${ARTICLE}</loc>` },
  { path: '/news-sitemap.xml', contentType: 'application/xml; charset=utf-8', names: `<loc>${ARTICLE}</loc>` },
  { path: '/robots.txt', contentType: 'text/plain; charset=utf-8', names: `Sitemap: ${ORIGIN}/sitemap.xml\n` },
  { path: '/llms.txt', contentType: 'text/markdown; charset=utf-8', names: `](${ARTICLE}.md): ` },
] as const;

const etagOf = (path: string) => originETag(index.documents[path]!.pages[0]!.hash);

describe('feeds, sitemaps, robots.txt and llms.txt', () => {
  it.each(DOCUMENTS)('GET $path: 200, its media type, list caching, strong ETag, the real origin in the body', async ({ path, contentType, names }) => {
    const response = await request(path);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(contentType);
    expect(response.headers.get('Cache-Control')).toBe(LIST_CACHE);
    expect(response.headers.get('Cache-Tag')).toBe(`articles,build:${index.build}`);
    expect(response.headers.get('ETag')).toBe(await etagOf(path));
    expect(response.headers.get('Content-Length')).toBe(String(new TextEncoder().encode(body).byteLength));
    expect(body).toContain(names);
    expect(body).not.toContain('\uE000');
  });

  it.each(DOCUMENTS)('GET $path with its ETag in If-None-Match: 304 with the validators, no body', async ({ path }) => {
    const etag = await etagOf(path);
    const response = await request(path, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(etag);
    expect(response.headers.get('Cache-Control')).toBe(LIST_CACHE);
    expect(response.headers.get('Content-Type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  it.each(DOCUMENTS)('HEAD $path: the GET headers, no body', async ({ path, contentType }) => {
    const length = (await (await request(path)).arrayBuffer()).byteLength;
    const response = await request(path, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(contentType);
    expect(response.headers.get('ETag')).toBe(await etagOf(path));
    expect(response.headers.get('Content-Length')).toBe(String(length));
    expect(await response.text()).toBe('');
  });

  it('robots.txt and the JSON Feed, whole', async () => {
    expect(await (await request('/robots.txt')).text()).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\nSitemap: ${ORIGIN}/news-sitemap.xml\n`);
    const feed = (await (await request('/feed.json')).json()) as { home_page_url: string; items: { url: string; title: string; date_published: string }[] };
    expect(feed.home_page_url).toBe(`${ORIGIN}/`);
    expect(feed.items.map(({ url, title, date_published }) => ({ url, title, date_published }))).toEqual([{ url: ARTICLE, title: seed.title, date_published: '2026-11-27T00:00:00Z' }]);
  });

  it('no feed for a tag the archive does not have: the HTML 404', async () => {
    const response = await request('/tags/no-such-tag/rss.xml');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });
});
