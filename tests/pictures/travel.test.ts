import { describe, expect, it } from 'vitest';
import { ORIGIN, request } from '../worker/helpers';

/**
 * The lead image travels with the article (issue 18): the feeds, oEmbed, the embed card, the
 * Markdown representation and the sitemap name it, each as its format asks.
 */

const SLUG = 'river-rises';

async function text(path: string): Promise<string> {
  const response = await request(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

const data = JSON.parse(await text(`/api/articles/${SLUG}`)).data as { image: { url: string } };
const key = /\/images\/([^/]+)\//.exec(data.image.url)![1]!;
const jpeg = (width: number) => `${ORIGIN}/images/${key}/${width}.jpeg`;
const ALT = 'Water up to the doors of the shops on Main Street';

describe('the lead image beyond the page', () => {
  it('is the RSS item\'s enclosure (its length unknown: 0) and its Media RSS content, with alt text and credit', async () => {
    const rss = await text('/rss.xml');
    expect(rss).toContain('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">');
    expect(rss).toContain(
      `      <enclosure url="${jpeg(1200)}" length="0" type="image/jpeg"/>\n      <media:content url="${jpeg(1200)}" medium="image" type="image/jpeg" width="1200" height="675">\n        <media:description type="plain">${ALT}</media:description>\n        <media:credit>Photo: Ana Ruiz/The Riverside Ledger</media:credit>\n      </media:content>\n`,
    );
  });

  it('is the Atom entry\'s enclosure link and the JSON Feed item\'s image', async () => {
    expect(await text('/atom.xml')).toContain(`<link rel="alternate" type="text/html" href="${ORIGIN}/articles/${SLUG}"/>\n    <link rel="enclosure" type="image/jpeg" href="${jpeg(1200)}"/>\n`);
    const feed = JSON.parse(await text('/feed.json')) as { items: { image?: string }[] };
    expect(feed.items.map(({ image }) => image)).toEqual([jpeg(1200)]);
  });

  it('is the oEmbed thumbnail: its widest JPEG within maxwidth and maxheight, none when nothing fits', async () => {
    const oembed = async (query: string) => JSON.parse(await text(`/api/oembed?url=${ORIGIN}/articles/${SLUG}${query}`)) as Record<string, unknown>;
    const thumbnail = ({ thumbnail_url, thumbnail_width, thumbnail_height }: Record<string, unknown>) => ({ thumbnail_url, thumbnail_width, thumbnail_height });
    expect(thumbnail(await oembed(''))).toEqual({ thumbnail_url: jpeg(1200), thumbnail_width: 1200, thumbnail_height: 675 });
    expect(thumbnail(await oembed('&maxwidth=1000'))).toEqual({ thumbnail_url: jpeg(800), thumbnail_width: 800, thumbnail_height: 450 });
    expect(thumbnail(await oembed('&maxheight=300'))).toEqual({ thumbnail_url: jpeg(480), thumbnail_width: 480, thumbnail_height: 270 });
    expect(thumbnail(await oembed('&maxwidth=400'))).toEqual({ thumbnail_url: undefined, thumbnail_width: undefined, thumbnail_height: undefined });
  });

  it('carries the body\'s pictures into every feed with absolute URLs (a reader resolves no path against the site)', async () => {
    const feed = JSON.parse(await text('/feed.json')) as { items: { content_html: string }[] };
    const [map, rule] = [...feed.items[0]!.content_html.matchAll(/<img src="[^"]*\/images\/([^/]+)\//g)].map(([, found]) => found!);
    const at = (picture: string, width: number, format = 'jpeg') => `${ORIGIN}/images/${picture}/${width}.${format}`;
    expect(feed.items[0]!.content_html).toContain(
      `<source type="image/avif" srcset="${at(map!, 480, 'avif')} 480w, ${at(map!, 640, 'avif')} 640w" sizes="(min-width: 64rem) 42rem, (min-width: 46.5rem) 44rem, calc(100vw - 2.5rem)"><img src="${at(map!, 640)}" srcset="${at(map!, 480)} 480w, ${at(map!, 640)} 640w"`,
    );
    expect(feed.items[0]!.content_html).toContain(`<img src="${at(rule!, 600)}" srcset="${at(rule!, 480)} 480w, ${at(rule!, 600)} 600w"`);
    // RSS and Atom carry the same HTML, escaped: no picture path is left relative.
    for (const path of ['/rss.xml', '/atom.xml']) {
      const xml = await text(path);
      expect(xml, path).toContain(`src=&quot;${at(map!, 640)}&quot;`);
      expect(xml, path).not.toMatch(/(src|srcset)=&quot;\/images\/|, \/images\//);
    }
  });

  it('is small beside the embed card\'s headline', async () => {
    const response = await request(`/articles/${SLUG}/embed`);
    expect(response.headers.get('Content-Security-Policy')).toContain("img-src 'self'");
    expect(await response.text()).toContain(
      `<article>\n<img class="thumb" src="/images/${key}/480.jpeg" srcset="/images/${key}/480.jpeg 480w, /images/${key}/800.jpeg 800w" sizes="8rem" width="480" height="270" alt="${ALT}" loading="lazy" decoding="async">\n<h1>`,
    );
  });

  it('is in the Markdown representation\'s front matter, and the body\'s pictures point at their URLs here', async () => {
    const markdown = await text(`/articles/${SLUG}.md`);
    expect(markdown).toContain(`image:\n  url: ${jpeg(1200)}\n  width: 1200\n  height: 675\n  alt: ${ALT}\n`);
    const map = /\/images\/([^/]+)\/640\.jpeg/.exec(markdown)![1]!;
    expect(markdown).toContain(`![A map of the flooded blocks between the bridge and the station](${ORIGIN}/images/${map}/640.jpeg "The flooded blocks")`);
    expect(markdown).toMatch(new RegExp(`!\\[""\\]\\(${ORIGIN}/images/[0-9a-f]{16}-600x8-50-50/600\\.jpeg\\)`));
  });

  it('is the article\'s image:image in the sitemap', async () => {
    const sitemap = await text('/sitemap.xml');
    expect(sitemap).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">');
    expect(sitemap).toContain(`<url>\n  <loc>${ORIGIN}/articles/${SLUG}</loc>\n  <lastmod>2026-12-01T06:00:00Z</lastmod>\n  <image:image>\n    <image:loc>${jpeg(1200)}</image:loc>\n  </image:image>\n</url>\n`);
  });
});
