import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageText, type DocumentSource, type SiteInput } from '../../scripts/build/documents';
import { sitemaps, SITEMAP_LIMITS } from '../../scripts/build/sitemaps';
import { paths } from '../../src/content/paths';
import { ORIGIN } from '../../src/store/bundle';
import { buildFixture, builtArticles, documentText, SITE, siteInput, validate, type Built } from './documents';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });
const parse = (text: string) => parser.parse(text) as Record<string, unknown>;

/** Every URL the fixture's sitemap lists, in order, with its lastmod (the fixture has no authors, pages or sections). */
const LOCATIONS = [
  { loc: `${SITE}/`, lastmod: '2026-11-28T09:00:00Z' },
  { loc: `${SITE}/tags`, lastmod: '2026-11-28T09:00:00Z' },
  { loc: `${SITE}/tags/economy`, lastmod: '2026-11-28T09:00:00Z' },
  { loc: `${SITE}/tags/markets`, lastmod: '2026-11-27T12:00:00Z' },
  // No correction yet: nothing to date the page by.
  { loc: `${SITE}/corrections` },
  { loc: `${SITE}/articles/markets-open`, lastmod: '2026-11-27T12:00:00Z' },
  { loc: `${SITE}/articles/first-look`, lastmod: '2026-11-28T09:00:00Z' },
  { loc: `${SITE}/articles/old-news`, lastmod: '2026-11-25T11:59:59Z' },
];
const URLSET = 'http://www.sitemaps.org/schemas/sitemap/0.9';

let built: Built;
let site: SiteInput;
beforeAll(async () => {
  built = await buildFixture('feeds');
  site = siteInput(builtArticles(built));
});

/** The documents a sitemap producer made, by path, with SITE for the origin. */
function produced(limits: typeof SITEMAP_LIMITS): Map<string, string> {
  const documents = sitemaps(limits)(site).flat();
  return new Map(documents.map(({ path, pages }: DocumentSource) => [path, pageText(pages, 0).split(ORIGIN).join(SITE)]));
}

describe('/sitemap.xml', () => {
  it('lists the home page, /tags, each tag page and every article with its lastmod; valid against sitemap.xsd', async () => {
    const text = documentText(built, paths.sitemap);
    expect(parse(text)).toEqual({ '?xml': { '@version': '1.0', '@encoding': 'UTF-8' }, urlset: { '@xmlns': URLSET, '@xmlns:image': 'http://www.google.com/schemas/sitemap-image/1.1', url: LOCATIONS } });
    expect(built.index.documents[paths.sitemap]).toMatchObject({ contentType: 'application/xml; charset=utf-8', kind: 'list' });
    expect(await validate(text, 'sitemap.xsd')).toEqual({ valid: true, errors: [] });
    // The schema can fail: a lastmod that is no W3C date.
    expect((await validate(text.replace('2026-11-25T11:59:59Z', '25 Nov 2026'), 'sitemap.xsd')).valid).toBe(false);
  });

  it('stays one urlset up to the URL limit, exactly', () => {
    expect([...produced({ ...SITEMAP_LIMITS, urls: LOCATIONS.length }).keys()]).toEqual([paths.sitemap]);
  });

  it('past the URL limit, becomes a sitemap index of parts, each within it; all valid', async () => {
    const documents = produced({ ...SITEMAP_LIMITS, urls: 3 });
    expect([...documents.keys()]).toEqual([paths.sitemap, '/sitemaps/1.xml', '/sitemaps/2.xml', '/sitemaps/3.xml']);
    const index = documents.get(paths.sitemap)!;
    expect(parse(index)).toEqual({
      '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
      sitemapindex: {
        '@xmlns': URLSET,
        sitemap: [
          { loc: `${SITE}/sitemaps/1.xml`, lastmod: '2026-11-28T09:00:00Z' },
          { loc: `${SITE}/sitemaps/2.xml`, lastmod: '2026-11-27T12:00:00Z' },
          { loc: `${SITE}/sitemaps/3.xml`, lastmod: '2026-11-28T09:00:00Z' },
        ],
      },
    });
    expect(await validate(index, 'siteindex.xsd')).toEqual({ valid: true, errors: [] });
    const parts = [1, 2, 3].map((part) => documents.get(paths.sitemapPart(part))!);
    expect(parts.map((part) => (parse(part).urlset as { url: unknown[] }).url)).toEqual([LOCATIONS.slice(0, 3), LOCATIONS.slice(3, 6), LOCATIONS.slice(6)]);
    for (const part of parts) expect(await validate(part, 'sitemap.xsd')).toEqual({ valid: true, errors: [] });
  });

  it('past the size limit, splits so that each part, served with the longest origin, is within it', () => {
    const limit = 700;
    const longest = `https://${'a'.repeat(253)}:65535`;
    const documents = sitemaps({ urls: 50_000, bytes: limit })(site).flat();
    const parts = documents.slice(1).map(({ pages }) => pageText(pages, 0));
    expect(parts.length).toBeGreaterThan(1);
    const served = (text: string) => Buffer.byteLength(text.split(ORIGIN).join(longest));
    for (const part of parts) expect(served(part)).toBeLessThanOrEqual(limit);
    // Greedy: no part could have taken the next part's first URL.
    const urls = parts.map((part) => part.match(/<url>[\s\S]*?<\/url>\n/g)!);
    for (let at = 0; at + 1 < parts.length; at++) {
      expect(served(parts[at]!) + served(urls[at + 1]![0]!)).toBeGreaterThan(limit);
    }
    expect(urls.flat().map((url) => url.match(/<loc>(.*)<\/loc>/)![1]!.split(ORIGIN).join(SITE))).toEqual(LOCATIONS.map(({ loc }) => loc));
  });
});

describe('/news-sitemap.xml', () => {
  it('lists the articles published within 48 hours before the newest, with publication, date and title; valid against the news schema', async () => {
    const text = documentText(built, paths.newsSitemap);
    const news = (slug: string, language: string, date: string, title: string) => ({
      loc: `${SITE}/articles/${slug}`,
      'news:news': { 'news:publication': { 'news:name': 'edgewire', 'news:language': language }, 'news:publication_date': date, 'news:title': title },
    });
    expect(parse(text)).toEqual({
      '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
      urlset: {
        '@xmlns': URLSET,
        '@xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
        // old-news was published 48 hours and one second before markets-open: out.
        url: [news('markets-open', 'en', '2026-11-27T12:00:00Z', `Markets & "tariffs" <up> 'today'`), news('first-look', 'zh-tw', '2026-11-25T12:00:00Z', '初看市場')],
      },
    });
    expect(built.index.documents[paths.newsSitemap]).toMatchObject({ contentType: 'application/xml; charset=utf-8', kind: 'list' });
    expect(await validate(text, 'news-sitemap.xsd', ['sitemap.xsd', 'sitemap-news.xsd'])).toEqual({ valid: true, errors: [] });
    expect((await validate(text.replace('<news:language>zh-tw', '<news:language>zh-Hant'), 'news-sitemap.xsd', ['sitemap.xsd', 'sitemap-news.xsd'])).valid).toBe(false);
  });
});
