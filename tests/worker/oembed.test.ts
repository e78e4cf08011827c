import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { bodyETag, expectProblem, index, ORIGIN, request } from './helpers';

/** The oEmbed provider (oembed.com §2): `GET /api/oembed?url=<article URL>`. */

const PAGE = `${ORIGIN}/articles/${seed.slug}`;
const ARTICLE_CACHE = 'public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800';
const resizer = index.assets.find((asset) => asset.name === index.embed.resizer)!;
const oembed = (query: string) => request(`/api/oembed?${query}`);

/** The oEmbed object for the seed at a size (and the data-max-height a maxheight adds). */
function seedObject(width: number, height: number, maxHeight?: number) {
  const limit = maxHeight === undefined ? '' : ` data-max-height="${maxHeight}"`;
  return {
    version: '1.0',
    type: 'rich',
    title: seed.title,
    author_name: 'Ap news',
    provider_name: 'edgewire',
    provider_url: `${ORIGIN}/`,
    cache_age: 86400,
    width,
    height,
    html:
      `<iframe src="${PAGE}/embed" width="${width}" height="${height}" frameborder="0"${limit} title="${seed.title}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>` +
      `<script src="${ORIGIN}/assets/${resizer.name}" async></script>`,
  };
}

describe('GET /api/oembed', () => {
  it("answers the seed's URL with its rich oEmbed object, cached like the article", async () => {
    const response = await oembed(`url=${encodeURIComponent(PAGE)}&format=json`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe(ARTICLE_CACHE);
    expect(response.headers.get('Cache-Tag')).toBe(`article:${seed.slug},build:${index.build}`);
    expect(response.headers.get('ETag')).toBe(await bodyETag(body));
    expect(response.headers.get('Content-Length')).toBe(String(new TextEncoder().encode(body).byteLength));
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Content-Security-Policy')).toBeNull();
    expect(JSON.parse(body)).toStrictEqual(seedObject(600, 180));
    expect(Object.keys(JSON.parse(body))).toEqual(['version', 'type', 'title', 'author_name', 'provider_name', 'provider_url', 'cache_age', 'width', 'height', 'html']);
  });

  it('answers the discovery URL as the page writes it (url unencoded), and with no format', async () => {
    for (const query of [`url=${PAGE}&format=json`, `url=${PAGE}`]) expect(await (await oembed(query)).json()).toStrictEqual(seedObject(600, 180));
  });

  it('obeys maxwidth and maxheight (§2.3.4.4), and the resizer is told the height limit', async () => {
    expect(await (await oembed(`url=${PAGE}&maxwidth=320&maxheight=150`)).json()).toStrictEqual(seedObject(320, 150, 150));
    expect(await (await oembed(`url=${PAGE}&maxwidth=2000&maxheight=2000`)).json()).toStrictEqual(seedObject(600, 180, 2000));
  });

  it('takes the article page in any spelling the site answers: .html, query and fragment, letter case', async () => {
    const expected = JSON.stringify(seedObject(600, 180));
    for (const url of [`${PAGE}.html`, `${PAGE}?utm_source=feed#top`, `${ORIGIN}/articles/Niger-Embraces-Russian-Military-Trainers`]) {
      expect(await (await oembed(`url=${encodeURIComponent(url)}`)).text()).toBe(expected);
    }
  });

  it('answers If-None-Match with its ETag by 304', async () => {
    const etag = (await oembed(`url=${PAGE}`)).headers.get('ETag')!;
    const response = await request(`/api/oembed?url=${PAGE}`, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(etag);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['another origin', `https://news.example/articles/${seed.slug}`],
    ['an unknown slug', `${ORIGIN}/articles/no-such-article`],
    ['a page that is not an article', `${ORIGIN}/tags/sahel`],
    ['the embed card itself', `${PAGE}/embed`],
  ])('answers %s with 404', async (_, url) => {
    const query = `url=${encodeURIComponent(url)}&format=json`;
    const response = await oembed(query);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=300');
    await expectProblem(response, { title: 'Not Found', status: 404, detail: `The url is not an article of ${ORIGIN}.`, instance: `/api/oembed?${query}` });
  });

  it('answers format=xml (or any format but json) with 501', async () => {
    for (const format of ['xml', 'yaml']) {
      const response = await oembed(`url=${PAGE}&format=${format}`);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      await expectProblem(response, { title: 'Not Implemented', status: 501, detail: 'Only format=json is available.', instance: `/api/oembed?url=${PAGE}&format=${format}` });
    }
  });

  it.each([
    ['', [{ parameter: 'url', detail: 'is required' }]],
    ['url=not%20a%20url', [{ parameter: 'url', detail: 'must be an absolute http: or https: URL' }]],
    ['url=javascript:alert(1)', [{ parameter: 'url', detail: 'must be an absolute http: or https: URL' }]],
    [`url=${PAGE}&url=${PAGE}`, [{ parameter: 'url', detail: 'must be given at most once' }]],
    [
      `url=${PAGE}&maxwidth=0&maxheight=tall`,
      [
        { parameter: 'maxwidth', detail: 'must be a whole number from 1 (pixels)' },
        { parameter: 'maxheight', detail: 'must be a whole number from 1 (pixels)' },
      ],
    ],
    ['format=xml&maxwidth=-1', [{ parameter: 'maxwidth', detail: 'must be a whole number from 1 (pixels)' }, { parameter: 'url', detail: 'is required' }]],
  ])('answers ?%s with 400 and every bad parameter', async (query, errors) => {
    const response = await oembed(query);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    await expectProblem(response, { title: 'Bad Request', status: 400, detail: 'The oEmbed query is not valid.', instance: `/api/oembed${query === '' ? '' : `?${query}`}`, errors });
  });
});

describe('the resizer script', () => {
  it('is served under its content-hashed name, immutable, as JavaScript', async () => {
    expect(index.embed.resizer).toMatch(/^embed\.[A-Za-z0-9_-]{12}\.js$/);
    const response = await request(`/assets/${index.embed.resizer}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('ETag')).toBe(`"${resizer.hash}"`);
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(await response.text()).toBe(resizer.body);
  });
});
