import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostile } from '../build/fixtures/hostile';
import { serveFixture, type Served } from './served';

// Issue 9: the hostile fixture built, bundled and served by workerd, read over HTTP as a browser
// or feed reader would read it.

const SITE = 'https://news.example';
const CSP = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self' https:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const JSON_LD_OPEN = '<script type="application/ld+json">';

/** The title as HTML text: hono's escapes, U+2028 and U+2029 left as they are. */
const TITLE_HTML = 'Breaking &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &quot;news&quot; \u2028 &amp; &#39;more&#39; \u2029 here';

let served: Served;

beforeAll(async () => {
  served = await serveFixture('hostile', { SITE_URL: SITE });
});

afterAll(async () => {
  await served?.stop();
});

async function get(path: string): Promise<{ response: Response; text: string }> {
  const response = await fetch(`${served.origin}${path}`);
  return { response, text: await response.text() };
}

/**
 * The text of the page's JSON-LD block as an HTML parser reads it: from the end of the open tag to
 * the first `</script` after it, whatever the JSON means there.
 */
function jsonLdText(page: string): string {
  const start = page.indexOf(JSON_LD_OPEN);
  expect(start).toBeGreaterThan(-1);
  const from = start + JSON_LD_OPEN.length;
  const end = page.slice(from).search(/<\/script/i);
  expect(end).toBeGreaterThan(-1);
  return page.slice(from, from + end);
}

describe('a hostile article served by workerd', () => {
  it('article page: one JSON-LD block, parsing to the article’s own title, headline and description', async () => {
    const { response, text: page } = await get(`/articles/${hostile.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP);
    // The data block is the page's only script element: nothing in the content opened another.
    expect(page.match(/<script/gi)).toEqual(['<script']);
    expect(page.match(/<\/script/gi)).toEqual(['</script']);
    expect(page).not.toContain('<!--');
    const json = jsonLdText(page);
    // JSON allows U+2028 and U+2029 raw; a consumer evaluating the block as JavaScript may not.
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: hostile.title,
      alternativeHeadline: hostile.alternativeHeadline,
      description: hostile.description,
      datePublished: '2026-11-27T00:00:00Z',
      dateModified: '2026-11-27T00:00:00Z',
      publisher: { '@type': 'Organization', name: 'edgewire', url: `${SITE}/` },
      inLanguage: 'en',
      wordCount: 12,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/articles/hostile` },
      url: `${SITE}/articles/hostile`,
      isAccessibleForFree: true,
    });
  });

  it('oEmbed: the title intact in JSON, escaped in the iframe title; the card shows it as text', async () => {
    const { response, text } = await get(`/api/oembed?url=${encodeURIComponent(`${SITE}/articles/${hostile.slug}`)}`);
    expect(response.status).toBe(200);
    const object = JSON.parse(text) as { title: string; html: string };
    expect(object.title).toBe(hostile.title);
    expect(object.html).toContain(` title="${TITLE_HTML}" sandbox=`);
    expect(object.html.match(/<script/g)).toHaveLength(1);
    const { text: card } = await get(`/articles/${hostile.slug}/embed`);
    expect(card).toContain(`<h1>${TITLE_HTML}</h1>\n`);
    expect(card.match(/<script/g)).toHaveLength(1);
  });

  it('article page: the title, headline and body as escaped text', async () => {
    const { text: page } = await get(`/articles/${hostile.slug}`);
    expect(page).toContain(`<title>${TITLE_HTML}</title>\n`);
    expect(page).toContain(`<h1>${TITLE_HTML}</h1>\n`);
    expect(page).toContain('<p class="dek">Also &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; &lt;!-- \u2028 &amp; &quot;quotes&quot; \u2029 end</p>\n');
    expect(page).toContain('<p>Body &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- with line\u2028 and paragraph\u2029 &amp; &quot;quotes&quot; \'too\'.</p>\n');
  });

  it('JSON Feed: the item’s title and summary parse back to the article’s', async () => {
    const { response, text } = await get('/feed.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(text) as { items: { title: string; summary: string }[] };
    expect(feed.items.map(({ title, summary }) => ({ title, summary }))).toEqual([{ title: hostile.title, summary: hostile.description }]);
  });

  it('Atom: the entry’s title and summary parse back to the article’s', async () => {
    const { response, text } = await get('/atom.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false });
    const { feed } = parser.parse(text, true) as { feed: { entry: Record<'title' | 'summary', unknown> } };
    expect(feed.entry.title).toEqual({ '@type': 'text', '#text': hostile.title });
    expect(feed.entry.summary).toEqual({ '@type': 'text', '#text': hostile.description });
  });
});
