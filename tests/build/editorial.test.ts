import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleText, buildFixture, builtArticles, documentText, homeText, jsonLdOf, mainOf, problemLines, servedText, SITE, type Built } from './documents';
import { article, contentRoot } from './helpers';

/** Static pages, corrections, withdrawn articles and aliases, on the newsroom fixture. */

let built: Built;
beforeAll(async () => {
  built = await buildFixture('newsroom');
});

const LIVE = ['curfew-lifted', 'market-prices', 'army-statement'];
const data = (slug: string) => JSON.parse(articleText(built, slug, 'json')).data;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['url', 'entry', 'item'].includes(name) });
/** A site whose one article is `text`. */
const bare = (text: string) => ({ 'site.yml': 'name: X\n', 'articles/a.md': text });

describe('static pages', () => {
  it('are served at /<slug>: title, description (or first paragraph), canonical, the body', () => {
    const about = documentText(built, '/about');
    expect(about).toContain('<title>About us · The Sahel Ledger</title>\n<meta name="description" content="Who we are and how we work.">\n<link rel="canonical" href="https://news.example/about">');
    expect(mainOf(about)).toBe('<main id="main">\n<article class="page">\n<h1>About us</h1>\n<p>The Sahel Ledger is an independent newsroom.</p>\n</article>\n</main>');
    expect(built.index.documents['/about']).toMatchObject({ contentType: 'text/html; charset=utf-8', kind: 'list' });
    const policy = documentText(built, '/corrections-policy');
    expect(policy).toContain('<meta name="description" content="We correct our errors in the article, dated, and list every correction on one page.">');
    expect(mainOf(policy)).toContain('<h1>Corrections policy</h1>\n<p>We correct our errors in the article, dated, and list every correction on <a href="/corrections">one page</a>.</p>');
  });

  it('a page may not take a path the site uses itself, and needs a title and a body', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/a.md': article('title: A\ndatePublished: 2026-11-20'),
      'pages/api.md': article('title: Our API'),
      'pages/tags.md': article('title: Tags'),
      'pages/no-title.md': article('description: D'),
      'pages/empty.md': '---\ntitle: Empty\n---\n',
      'pages/desk/contact.md': article('title: Contact'),
      'pages/wire/contact.md': article('title: Contact again'),
      'pages/links.md': article('title: Links', '![x](data:image/svg+xml;base64,PHN2Zz4=)'),
    });
    const reserved = '(/admin, /api, /articles, /assets, /authors, /corrections, /search, /sections, /sitemaps, /tags); rename the file';
    expect(await problemLines(root)).toEqual([
      `content/pages/api.md: file name: "api" is a path the site uses itself ${reserved}`,
      'content/pages/empty.md: body: must not be empty',
      'content/pages/links.md: body: link to "data:image/svg+xml;base64,PHN2Zz4=" is not allowed: links must be http:, https:, mailto: or tel: URLs, or paths on this site',
      'content/pages/no-title.md: title: is required',
      `content/pages/tags.md: file name: "tags" is a path the site uses itself ${reserved}`,
      'content/pages/wire/contact.md: file name: duplicate page "contact": already used by content/pages/desk/contact.md',
    ]);
  });
});

describe('corrections', () => {
  it('are in the JSON newest first, however written; dateModified is the latest of dateModified and the corrections', () => {
    expect(data('curfew-lifted')).toMatchObject({
      datePublished: '2026-12-06T03:30:00Z',
      // dateModified 2026-12-06T12:00:00Z, a correction later.
      dateModified: '2026-12-07T15:00:00Z',
      corrections: [
        { date: '2026-12-07T15:00:00Z', text: 'An earlier version misspelled the governor\'s name.' },
        { date: '2026-12-06T16:00:00Z', text: 'The curfew ended at 6 a.m., not 5 a.m.' },
      ],
    });
    // dateModified later than its correction.
    expect(data('market-prices')).toMatchObject({ dateModified: '2026-12-08T09:00:00Z', corrections: [{ date: '2026-12-06T00:00:00Z', text: 'The price of millet was per sack, not per kilogram.' }] });
    // No dateModified: the correction's date.
    expect(data('army-statement')).toMatchObject({ dateModified: '2026-12-09T11:00:00Z', corrections: [{ date: '2026-12-09T11:00:00Z', text: 'The statement was issued on Friday.' }] });
    expect(built.articles[LIVE.indexOf('army-statement')]!.lastModified).toBe('Wed, 09 Dec 2026 11:00:00 GMT');
  });

  it('are on the page above the body, newest first, dated in the site’s zone; in JSON-LD as CorrectionComment', () => {
    const page = articleText(built, 'curfew-lifted', 'html');
    expect(page).toContain(`</header>
<section class="corrections" id="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">Corrections</h2>
<ul>
<li><time datetime="2026-12-07T15:00:00Z">December 7, 2026 at 9:00 AM CST</time>: An earlier version misspelled the governor&#39;s name.</li>
<li><time datetime="2026-12-06T16:00:00Z">December 6, 2026 at 10:00 AM CST</time>: The curfew ended at 6 a.m., not 5 a.m.</li>
</ul>
</section>
<p>The night curfew in Niamey was lifted on Saturday.</p>`);
    expect(jsonLdOf(page)).toMatchObject({
      dateModified: '2026-12-07T15:00:00Z',
      correction: [
        { '@type': 'CorrectionComment', datePublished: '2026-12-07T15:00:00Z', text: 'An earlier version misspelled the governor\'s name.' },
        { '@type': 'CorrectionComment', datePublished: '2026-12-06T16:00:00Z', text: 'The curfew ended at 6 a.m., not 5 a.m.' },
      ],
    });
    expect(articleText(built, 'market-prices', 'html')).toContain('<h2 id="corrections-title">Correction</h2>\n<ul>\n<li><time datetime="2026-12-06T00:00:00Z">December 6, 2026</time>: The price of millet was per sack, not per kilogram.</li>');
  });

  it('/corrections lists every correction of the published articles, newest first', () => {
    expect(mainOf(documentText(built, '/corrections'))).toBe(`<main id="main">
<h1>Corrections</h1>
<ol class="corrections-index">
<li><p><a href="/articles/army-statement#corrections">Army statement on the border</a></p>
<p><time datetime="2026-12-09T11:00:00Z">December 9, 2026 at 5:00 AM CST</time>: The statement was issued on Friday.</p></li>
<li><p><a href="/articles/curfew-lifted#corrections">Curfew lifted in Niamey</a></p>
<p><time datetime="2026-12-07T15:00:00Z">December 7, 2026 at 9:00 AM CST</time>: An earlier version misspelled the governor&#39;s name.</p></li>
<li><p><a href="/articles/curfew-lifted#corrections">Curfew lifted in Niamey</a></p>
<p><time datetime="2026-12-06T16:00:00Z">December 6, 2026 at 10:00 AM CST</time>: The curfew ended at 6 a.m., not 5 a.m.</p></li>
<li><p><a href="/articles/market-prices#corrections">Grain prices at the Petit Marché</a></p>
<p><time datetime="2026-12-06T00:00:00Z">December 6, 2026</time>: The price of millet was per sack, not per kilogram.</p></li>
</ol>
</main>`);
  });

  it('move the feeds’ updated dates', () => {
    const atom = xml.parse(documentText(built, '/atom.xml')).feed;
    expect(atom.updated).toBe('2026-12-09T11:00:00Z');
    expect(atom.entry.map((entry: { published: string; updated: string }) => [entry.published, entry.updated])).toEqual([
      ['2026-12-06T03:30:00Z', '2026-12-07T15:00:00Z'],
      ['2026-12-05T00:00:00Z', '2026-12-08T09:00:00Z'],
      ['2026-12-04T16:00:00Z', '2026-12-09T11:00:00Z'],
    ]);
    expect(xml.parse(documentText(built, '/rss.xml')).rss.channel.lastBuildDate).toBe('Wed, 09 Dec 2026 11:00:00 GMT');
    expect(JSON.parse(documentText(built, '/feed.json')).items.map((item: { date_modified: string }) => item.date_modified)).toEqual(['2026-12-07T15:00:00Z', '2026-12-08T09:00:00Z', '2026-12-09T11:00:00Z']);
    expect(xml.parse(documentText(built, '/tags/security/atom.xml')).feed.updated).toBe('2026-12-07T15:00:00Z');
  });

  it('move the sitemap’s lastmod of the article and of every page listing it', () => {
    const urls = xml.parse(documentText(built, '/sitemap.xml')).urlset.url.map(({ loc, lastmod }: { loc: string; lastmod?: string }) => [loc.slice(SITE.length), lastmod]);
    expect(urls).toEqual([
      ['/', '2026-12-09T11:00:00Z'],
      ['/sections/security', '2026-12-09T11:00:00Z'],
      ['/sections/economy', '2026-12-08T09:00:00Z'],
      ['/tags', '2026-12-09T11:00:00Z'],
      ['/tags/economy', '2026-12-09T11:00:00Z'],
      ['/tags/military', '2026-12-09T11:00:00Z'],
      ['/tags/security', '2026-12-07T15:00:00Z'],
      ['/authors', '2026-12-09T11:00:00Z'],
      ['/authors/amina-diallo', '2026-12-08T09:00:00Z'],
      ['/authors/kofi-mensah', undefined],
      ['/authors/sam-roe', '2026-12-09T11:00:00Z'],
      ['/about', undefined],
      ['/corrections-policy', undefined],
      ['/corrections', '2026-12-09T11:00:00Z'],
      ['/articles/curfew-lifted', '2026-12-07T15:00:00Z'],
      ['/articles/market-prices', '2026-12-08T09:00:00Z'],
      ['/articles/army-statement', '2026-12-09T11:00:00Z'],
    ]);
  });

  it('may not be dated before the article was published', async () => {
    const early = article('title: A\ndatePublished: 2026-11-20T10:00:00Z\ndateModified: 2026-11-19\ncorrections:\n  - { date: 2026-11-21, text: Fine. }\n  - { date: 2026-11-20, text: Too early. }');
    expect(await problemLines(await contentRoot(bare(early)))).toEqual([
      'content/articles/a.md: dateModified: must not be earlier than datePublished',
      'content/articles/a.md: corrections.1.date: must not be earlier than datePublished',
    ]);
    const malformed = article('title: A\ndatePublished: 2026-11-20\ncorrections:\n  - { date: 2026-11-21, text: "" }\n  - { date: yesterday, text: X }\n  - { text: X, by: me }');
    expect(await problemLines(await contentRoot(bare(malformed)))).toEqual([
      'content/articles/a.md: corrections.0.text: must not be empty',
      'content/articles/a.md: corrections.1.date: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)',
      'content/articles/a.md: corrections.2.date: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)',
      'content/articles/a.md: corrections.2.by: unknown field',
    ]);
  });
});

describe('a withdrawn article', () => {
  const SLUG = 'withdrawn-story';
  const mentions = (text: string) => text.includes(SLUG) || text.includes('Unverified report');

  it('is in index.gone with its reason and its 410 page, in the site’s zone', () => {
    const { page, ...gone } = built.index.gone[SLUG]!;
    expect(gone).toEqual({ title: 'Unverified report of a coup', date: '2026-12-06T02:15:00Z', reason: 'The report relied on a source we could not verify.' });
    expect(Object.keys(built.index.gone)).toEqual([SLUG]);
    const html = servedText(built, page);
    expect(html).toContain('<title>Withdrawn · The Sahel Ledger</title>\n<meta name="description" content="This article was withdrawn: The report relied on a source we could not verify.">\n<link rel="alternate"');
    expect(html).not.toContain('rel="canonical"');
    expect(mainOf(html)).toBe(`<main id="main">
<h1>This article was withdrawn</h1>
<p class="withdrawn">“Unverified report of a coup” was withdrawn on <time datetime="2026-12-06T02:15:00Z">December 5, 2026 at 8:15 PM CST</time>.</p>
<p>The report relied on a source we could not verify.</p>
<p><a href="/">See the latest articles</a>.</p>
</main>`);
  });

  it('leaves the article list, tags, feeds, sitemaps, llms.txt, sections, authors and corrections', () => {
    expect(built.index.slugs).toEqual(LIVE);
    expect(builtArticles(built).map(({ slug }) => slug)).toEqual(LIVE);
    // rumours was its tag alone: no tag, no tag page, no tag feed.
    expect(Object.keys(built.index.tags)).toEqual(['economy', 'military', 'security']);
    expect(Object.keys(built.index.documents).filter((path) => path.includes('rumours'))).toEqual([]);
    const documents = Object.keys(built.index.documents).filter((path) => path !== '/api/openapi.json');
    expect(documents.filter((path) => mentions(documentText(built, path)))).toEqual([]);
    expect(built.index.pages.home.map((page) => servedText(built, page)).filter(mentions)).toEqual([]);
    expect(LIVE.filter((slug) => mentions(articleText(built, slug, 'html')))).toEqual([]);
    // It was published within 48 hours of the newest: the news sitemap would have listed it.
    expect(xml.parse(documentText(built, '/news-sitemap.xml')).urlset.url.map(({ loc }: { loc: string }) => loc.slice(SITE.length))).toEqual(LIVE.map((slug) => `/articles/${slug}`));
    expect(JSON.parse(documentText(built, '/api/authors')).data[0]).toMatchObject({ id: 'amina-diallo', articleCount: 2 });
    expect(homeText(built)).not.toContain('A second source was added.');
  });
});

describe('aliases', () => {
  it('map each former slug to the article’s slug', () => {
    expect(built.index.aliases).toEqual({ 'curfew-extended': 'curfew-lifted' });
  });

  it('may not be a live slug, nor belong to two articles', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/a.md': article('title: A\ndatePublished: 2026-11-20\naliases: [b, old-a]'),
      'articles/b.md': article('title: B\ndatePublished: 2026-11-20\naliases: [old-a]'),
      'articles/c.md': article('title: C\ndatePublished: 2026-11-20\naliases: [c]'),
    });
    expect(await problemLines(root)).toEqual([
      'content/articles/a.md: aliases.0: "b" is the slug of a live article (content/articles/b.md); an alias must be a former slug',
      'content/articles/b.md: aliases.0: "old-a" is already an alias of content/articles/a.md',
      'content/articles/c.md: aliases.0: "c" is the slug of a live article (content/articles/c.md); an alias must be a former slug',
    ]);
    expect(await problemLines(await contentRoot(bare(article('title: A\ndatePublished: 2026-11-20\naliases: [Old_Slug]'))))).toEqual([
      'content/articles/a.md: aliases.0: must be a former slug: lowercase a-z, 0-9 and single hyphens',
    ]);
  });
});
