import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../../scripts/build/index';
import { HOME_PAGE_SIZE } from '../../scripts/build/represent';
import { ORIGIN, type Representation } from '../../src/store/bundle';
import { trustedJsonLd } from '../../src/views/trusted';
import { hostile } from './fixtures/hostile';
import { fixture, tempDir, writeSiteFile } from './helpers';

type Built = Extract<BuildResult, { ok: true }>;
const SITE = 'https://news.example';

async function build(root: string): Promise<Built> {
  const result = await buildContent({ root });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result;
}

/** A body as the Worker serves it on SITE. */
function bodyOf(result: Built, { file, start, end }: Pick<Representation, 'file' | 'start' | 'end'>): string {
  return result.files.find(({ path }) => path === file)!.text.slice(start, end).split(ORIGIN).join(SITE);
}

function articlePage(result: Built, slug: string): string {
  const line = result.articles[result.index.slugs.indexOf(slug)]!;
  return bodyOf(result, { file: line.file, start: line.html[0], end: line.html[1] });
}

/** The JSON text of the page's one script element, which must be its one JSON-LD block. */
function jsonLdText(page: string): string {
  expect(page.match(/<script/gi)).toHaveLength(1);
  expect(page.match(/<\/script/gi)).toHaveLength(1);
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return blocks[0]![1]!;
}

/** A content folder holding `articles` (file name → text). */
async function contentFolder(articles: Readonly<Record<string, string>>): Promise<string> {
  const root = await tempDir();
  await writeSiteFile(root);
  await mkdir(join(root, 'content/articles'), { recursive: true });
  for (const [name, text] of Object.entries(articles)) await writeFile(join(root, 'content/articles', name), text);
  return root;
}

describe('article page', () => {
  it('links authors to their page (or their URL) and the source, shows the dates in the site locale and zone, and its tags', async () => {
    const page = articlePage(await build(fixture('good')), 'first-story');
    // Written with a time of day, published shows it (site.yml: en, UTC by default); the update was a date alone.
    expect(page).toContain(`<header>
<h1>First story</h1>
<p class="byline">By <a href="${SITE}/authors/jane-doe">Jane Doe</a>, <a href="https://example.com/sam">Sam Roe</a> · Source: <a href="https://example.com/wire">Wire</a></p>
<p class="dateline"><time datetime="2026-11-20T07:30:00Z">November 20, 2026 at 7:30 AM UTC</time> · Updated <time datetime="2026-11-21T00:00:00Z">November 21, 2026</time> · 1 min read</p>
</header>`);
    expect(page).toContain(`<footer><ul class="tags" aria-label="Tags"><li><a href="/tags/sahel">sahel</a></li><li><a href="/tags/security">security</a></li></ul></footer>
</article>`);
    expect(page).toContain('<meta property="og:locale" content="fr_FR">\n<meta property="article:published_time" content="2026-11-20T07:30:00Z">\n<meta property="article:modified_time" content="2026-11-21T00:00:00Z">');
    expect(JSON.parse(jsonLdText(page))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'First story',
      description: 'Un premier paragraphe avec <script>alert(1)</script> dedans.',
      datePublished: '2026-11-20T07:30:00Z',
      dateModified: '2026-11-21T00:00:00Z',
      author: [
        { '@type': 'Person', name: 'Jane Doe', url: `${SITE}/authors/jane-doe` },
        { '@type': 'Person', name: 'Sam Roe', url: 'https://example.com/sam' },
      ],
      publisher: { '@type': 'Organization', name: 'edgewire', url: `${SITE}/` },
      sourceOrganization: { '@type': 'Organization', name: 'Wire', url: 'https://example.com/wire' },
      inLanguage: 'fr',
      wordCount: 14,
      keywords: ['sahel', 'security'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/articles/first-story` },
      url: `${SITE}/articles/first-story`,
      isAccessibleForFree: true,
    });
  });

  it('keeps JSON-LD inside its element whatever the title and body hold', async () => {
    const page = articlePage(await build(hostile.root), hostile.slug);
    const json = jsonLdText(page);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('"headline":"Breaking \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\"news\\" \\u2028 \\u0026 \'more\' \\u2029 here"');
    const data = JSON.parse(json) as { headline: string; alternativeHeadline: string; description: string };
    expect(data.headline).toBe(hostile.title);
    expect(data.alternativeHeadline).toBe(hostile.alternativeHeadline);
    expect(data.description).toBe(hostile.description);
  });

  it('escapes <, >, &, U+2028 and U+2029 in a JSON-LD block and nothing else', () => {
    const block = trustedJsonLd({ text: '</script><!--&\u2028\u2029é\u00a0"' }).toString();
    expect(block).toBe('<script type="application/ld+json">{"text":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029é\u00a0\\""}</script>');
  });
});

describe('tag pages', () => {
  it('pages a tag like the home page: its newest HOME_PAGE_SIZE at its own URL, archive pages numbered from the oldest', async () => {
    const count = HOME_PAGE_SIZE + 1;
    const articles = Object.fromEntries(
      Array.from({ length: count }, (_, at) => [`story-${String(at).padStart(2, '0')}.md`, `---\ntitle: Story ${at}\ndatePublished: 2026-10-${String(at + 1).padStart(2, '0')}\ntags: [wide]\n---\n\nBody ${at}.\n`]),
    );
    const result = await build(await contentFolder(articles));
    const stored = result.index.documents['/tags/wide']!;
    expect(stored).toMatchObject({ contentType: 'text/html; charset=utf-8', kind: 'list' });
    // The tag page itself, then archive pages 1 (the 30 oldest) and 2 (the newest), in one pack.
    expect(stored.pages).toHaveLength(3);
    expect(new Set(stored.pages.map(({ file }) => file)).size).toBe(1);
    const [front, first, second] = stored.pages.map((page) => bodyOf(result, page)) as [string, string, string];
    expect(front.match(/<li lang="en">/g)).toHaveLength(HOME_PAGE_SIZE);
    expect(front).toContain('<h1>Tagged “wide”</h1>');
    expect(front).toContain('<h2><a href="/articles/story-30">Story 30</a></h2>');
    expect(front).not.toContain('story-00');
    expect(front).toContain('<nav class="pages" aria-label="More articles"><a rel="next" href="/tags/wide?page=1">Older articles</a></nav>');
    expect(first.match(/<li lang="en">/g)).toHaveLength(HOME_PAGE_SIZE);
    expect(first.indexOf('story-29')).toBeLessThan(first.indexOf('story-00'));
    expect(first).not.toContain('story-30');
    expect(first).toContain(`<title>wide, page 1 · edgewire</title>`);
    expect(first).toContain(`<link rel="canonical" href="${SITE}/tags/wide?page=1">`);
    expect(first).toContain('<h1>Tagged “wide”, page 1</h1>');
    expect(first).toContain('<nav class="pages" aria-label="More articles"><a rel="prev" href="/tags/wide?page=2">Newer articles</a></nav>');
    expect(second.match(/<li lang="en">/g)).toHaveLength(1);
    expect(second).toContain('<h2><a href="/articles/story-30">Story 30</a></h2>');
    expect(second).toContain(`<link rel="canonical" href="${SITE}/tags/wide?page=2">`);
    expect(second).toContain('<h1>Tagged “wide”, page 2</h1>');
    expect(second).toContain('<nav class="pages" aria-label="More articles"><a rel="prev" href="/tags/wide">Newer articles</a> <a rel="next" href="/tags/wide?page=1">Older articles</a></nav>');
    expect(bodyOf(result, result.index.documents['/tags']!.pages[0]!)).toContain('<li><a href="/tags/wide">wide</a> · 31 articles</li>');
  });
});

describe('embed card', () => {
  function card(result: Built, slug: string): string {
    const line = result.articles[result.index.slugs.indexOf(slug)]!;
    return bodyOf(result, { file: line.file, start: line.embed[0], end: line.embed[1] });
  }

  it('is the fourth body of the article file: headline, dek, credits and date as text, one link that opens a new tab', async () => {
    const result = await build(fixture('good'));
    const line = result.articles[result.index.slugs.indexOf('first-story')]!;
    expect(line.embed[0]).toBe(line.markdown[1]);
    // The last of the article's bodies in its pack: the next article's JSON starts where the card ends, or the pack does.
    const next = result.articles.filter((other) => other.file === line.file && other.json[0] === line.embed[1]);
    const ends = result.files.find(({ path }) => path === line.file)!.text.length === line.embed[1];
    expect(next.length + (ends ? 1 : 0)).toBe(1);
    const page = card(result, 'first-story');
    expect(page).toContain(`<main>
<article>
<h1>First story</h1>
<p>Un premier paragraphe avec &lt;script&gt;alert(1)&lt;/script&gt; dedans.</p>
<p class="credit">By Jane Doe, Sam Roe · Source: Wire · <time datetime="2026-11-20T07:30:00Z">November 20, 2026 at 7:30 AM UTC</time></p>
<p class="read"><a href="${SITE}/articles/first-story" target="_blank" rel="noopener">Read on edgewire</a></p>
</article>
</main>`);
    expect(page.match(/<a /g)).toHaveLength(1);
    // Nothing but its own origin: every URL is the site's, or a path on it.
    expect([...page.matchAll(/(?:href|src)="([^"]*)"/g)].map(([, url]) => url!).filter((url) => !url.startsWith('/') && !url.startsWith(`${SITE}/`))).toEqual([]);
  });

  it('keeps hostile text escaped, and the discovery link names the article whatever its title', async () => {
    const result = await build(hostile.root);
    const page = card(result, hostile.slug);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('<h1>Breaking &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &quot;news&quot; \u2028 &amp; &#39;more&#39; \u2029 here</h1>');
    expect(articlePage(result, hostile.slug)).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${SITE}/api/oembed?url=${SITE}/articles/hostile&amp;format=json" title="Breaking &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &quot;news&quot; \u2028 &amp; &#39;more&#39; \u2029 here">`,
    );
  });

  it('ships its stylesheet, its script and the resizer as content-hashed assets; the index names the resizer', async () => {
    const { index } = await build(fixture('good'));
    expect(index.assets.map(({ name, contentType }) => [name.replace(/\.[\w-]{12}\./, '.#.'), contentType])).toEqual([
      ['site.#.css', 'text/css; charset=utf-8'],
      ['favicon.#.svg', 'image/svg+xml'],
      ['card.#.css', 'text/css; charset=utf-8'],
      ['card.#.js', 'text/javascript; charset=utf-8'],
      ['embed.#.js', 'text/javascript; charset=utf-8'],
    ]);
    expect(index.embed).toEqual({ siteName: 'edgewire', resizer: index.assets[4]!.name });
  });

  it('ships stylesheets and scripts minified: no comments, no indentation, the rules kept', async () => {
    const { index } = await build(fixture('good'));
    const body = (stem: string) => index.assets.find(({ name }) => name.startsWith(`${stem}.`))!.body;
    for (const stem of ['site', 'card', 'embed']) {
      expect(body(stem)).not.toMatch(/\/\*|^\/\/|\n\s/m);
    }
    expect(body('site')).toContain('.skip{position:absolute;');
    expect(body('embed')).toContain('edgewire:embed-height');
  });
});
