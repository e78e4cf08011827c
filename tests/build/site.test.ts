import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { siteSchema } from '../../src/content/site';
import { articleText, buildAt, buildFixture, documentText, homeText, jsonLdOf, mainOf, problemLines, SITE, type Built } from './documents';
import { article, contentRoot, fixture, fixtureCopy, tempDir } from './helpers';

/** content/site.yml: every setting, its default, its effect on what the build writes, and each bad value's message. */

const ARTICLE = article('title: A story\ndatePublished: 2026-11-20');
/** A content folder with `site` as site.yml and one article, plus `files`. */
const siteWith = (site: string, files: Record<string, string | Uint8Array> = {}) => contentRoot({ 'site.yml': site, 'articles/a-story.md': ARTICLE, ...files });

/** The masthead's search form (a GET to /search), on every page. */
const SEARCH_FORM = '<form class="site-search" role="search" action="/search" method="get" aria-label="Search the site"><label class="visually-hidden" for="site-q">Search articles</label><input type="search" id="site-q" name="q" maxlength="200" enterkeyhint="search"><button type="submit">Search</button></form>';

/** The `<header class="site">` of a page. */
const mastheadOf = (page: string) => /<header class="site">\n[\s\S]*?\n<\/header>/.exec(page)![0];
/** The `<footer class="site">` of a page. */
const footerOf = (page: string) => /<footer class="site">\n[\s\S]*?\n<\/footer>/.exec(page)![0];
const assetNames = (built: Built) => built.index.assets.map(({ name, contentType }) => [name.replace(/\.[\w-]{12}\./, '.#.'), contentType]);
/** Every urn:uuid id in a feed, in document order (the feed's own first in Atom). */
const idsIn = (text: string) => [...text.matchAll(/urn:uuid:[0-9a-f-]{36}/g)].map(([id]) => id);

const BASE_ASSETS = [
  ['site.#.css', 'text/css; charset=utf-8'],
  ['favicon.#.svg', 'image/svg+xml'],
  ['card.#.css', 'text/css; charset=utf-8'],
  ['card.#.js', 'text/javascript; charset=utf-8'],
  ['embed.#.js', 'text/javascript; charset=utf-8'],
];

describe('site.yml with only a name', () => {
  it('gives every other setting its default', () => {
    expect(siteSchema.parse({ name: 'edgewire' })).toEqual({ name: 'edgewire', id: 'edgewire', language: 'en', timeZone: 'UTC', sections: [], sameAs: [] });
  });

  it('builds English pages in UTC with no tagline, logo or sections, and the default footer', async () => {
    // The good fixture's site.yml is `name: edgewire`, and it has no static pages.
    const built = await buildFixture('good');
    const home = homeText(built);
    expect(home.split('\n', 2)[1]).toBe('<html lang="en">');
    expect(mastheadOf(home)).toBe(`<header class="site">\n<p class="brand"><a href="/">edgewire</a></p>\n${SEARCH_FORM}\n</header>`);
    expect(footerOf(home)).toBe(`<footer class="site">
<p class="name">edgewire</p>
<ul aria-label="About this site and its feeds">
<li><a href="/corrections">Corrections</a></li>
<li><a href="/rss.xml">RSS</a></li>
<li><a href="/atom.xml">Atom</a></li>
<li><a href="/feed.json">JSON Feed</a></li>
</ul>
<p class="developers">For developers: <a href="/api/articles">JSON API</a> · <a href="/api/openapi.json">OpenAPI</a></p>
</footer>`);
    expect(jsonLdOf(home)).toEqual({ '@context': 'https://schema.org', '@type': 'WebSite', name: 'edgewire', url: `${SITE}/`, inLanguage: 'en', description: 'Latest articles from edgewire.' });
    expect((jsonLdOf(articleText(built, 'first-story', 'html')) as { publisher: unknown }).publisher).toEqual({ '@type': 'Organization', name: 'edgewire', url: `${SITE}/` });
    expect(assetNames(built)).toEqual(BASE_ASSETS);
    expect(Object.keys(built.index.documents).filter((path) => path.startsWith('/sections'))).toEqual([]);
    expect(articleText(built, 'first-story', 'html')).toContain('<time datetime="2026-11-20T07:30:00Z">November 20, 2026 at 7:30 AM UTC</time>');
    expect(documentText(built, '/rss.xml')).toContain('<language>en</language>');
    expect(idsIn(documentText(built, '/atom.xml'))[0]).toBe('urn:uuid:265101dd-88c4-5ef6-b6f1-c9a9a5067fd3');
  });

  it('with static pages: the footer lists them by title, then Corrections; no logo, tagline or sections', async () => {
    const root = await fixtureCopy('newsroom');
    await writeFile(join(root, 'content/site.yml'), 'name: The Sahel Ledger\n');
    const built = await buildAt(root);
    const home = homeText(built);
    expect(mastheadOf(home)).toBe(`<header class="site">\n<p class="brand"><a href="/">The Sahel Ledger</a></p>\n${SEARCH_FORM}\n</header>`);
    expect(footerOf(home)).toContain(`<ul aria-label="About this site and its feeds">
<li><a href="/about">About us</a></li>
<li><a href="/corrections-policy">Corrections policy</a></li>
<li><a href="/corrections">Corrections</a></li>
<li><a href="/rss.xml">RSS</a></li>`);
    expect(assetNames(built)).toEqual(BASE_ASSETS);
    expect(JSON.parse(articleText(built, 'market-prices', 'json')).data.section).toBeNull();
  });
});

describe('each setting of site.yml', () => {
  // The newsroom fixture sets every one, each to something other than its default.
  let built: Built;
  const newsroom = async () => (built ??= await buildFixture('newsroom'));

  it('name: the title, masthead, footer, feeds, news sitemap, llms.txt, JSON-LD and embeds name the site', async () => {
    const { index } = await newsroom();
    const home = homeText(built);
    expect(home).toContain('<title>The Sahel Ledger</title>');
    expect(home).toContain('<p class="name">The Sahel Ledger</p>');
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" title="The Sahel Ledger — RSS" href="/rss.xml">');
    expect(articleText(built, 'curfew-lifted', 'html')).toContain('<meta property="og:site_name" content="The Sahel Ledger">');
    expect(documentText(built, '/atom.xml')).toContain('<title type="text">The Sahel Ledger</title>');
    expect(documentText(built, '/news-sitemap.xml')).toContain('<news:name>The Sahel Ledger</news:name>');
    expect(documentText(built, '/llms.txt').split('\n', 1)[0]).toBe('# The Sahel Ledger');
    expect(index.embed.siteName).toBe('The Sahel Ledger');
    expect(articleText(built, 'curfew-lifted', 'embed')).toContain('>Read on The Sahel Ledger</a>');
  });

  it('tagline, logo and sections: the masthead, the front page description and the publisher', async () => {
    const { index } = await newsroom();
    const logo = index.assets.find(({ name }) => name.startsWith('logo.'))!;
    expect(logo).toMatchObject({ name: expect.stringMatching(/^logo\.[\w-]{12}\.svg$/), contentType: 'image/svg+xml' });
    expect(logo.body).toBe(await readFile(join(fixture('newsroom'), 'content/images/logo.svg'), 'utf8'));
    expect(assetNames(built)).toEqual([...BASE_ASSETS, ['logo.#.svg', 'image/svg+xml']]);
    const home = homeText(built);
    // The viewBox gives the size: 240 × 48.
    expect(mastheadOf(home)).toBe(`<header class="site">
<p class="brand"><a href="/"><img src="/assets/${logo.name}" width="240" height="48" alt="The Sahel Ledger"></a></p>
<p class="tagline">News from the Sahel, checked twice.</p>
${SEARCH_FORM}
<nav aria-label="Sections"><ul>
<li><a href="/sections/security">Security</a></li>
<li><a href="/sections/economy">Economy</a></li>
</ul></nav>
</header>`);
    expect(mastheadOf(documentText(built, '/authors'))).toBe(mastheadOf(home));
    expect(home).toContain('<meta name="description" content="News from the Sahel, checked twice.">');
    expect((jsonLdOf(articleText(built, 'curfew-lifted', 'html')) as { publisher: unknown }).publisher).toEqual({
      '@type': 'Organization',
      name: 'The Sahel Ledger',
      url: `${SITE}/`,
      logo: { '@type': 'ImageObject', url: `${SITE}/assets/${logo.name}`, width: 240, height: 48 },
      sameAs: ['https://social.example/@ledger'],
    });
  });

  it('language: the lang of the site’s own pages and of its feeds (an article keeps its own)', async () => {
    await newsroom();
    for (const path of ['/authors', '/corrections', '/about', '/sections/security', '/tags']) expect(documentText(built, path).split('\n', 2)[1]).toBe('<html lang="en-GB">');
    expect(homeText(built).split('\n', 2)[1]).toBe('<html lang="en-GB">');
    expect(articleText(built, 'curfew-lifted', 'html').split('\n', 2)[1]).toBe('<html lang="en">');
    expect((jsonLdOf(homeText(built)) as { inLanguage: string }).inLanguage).toBe('en-GB');
    expect(documentText(built, '/rss.xml')).toContain('<language>en-GB</language>');
    expect(documentText(built, '/atom.xml')).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">');
    expect(JSON.parse(documentText(built, '/feed.json')).language).toBe('en-GB');
  });

  it('locale and timeZone: dates as the locale writes them, in the zone, with the time when written with one', async () => {
    await newsroom();
    // language en-GB, locale en: "December 5", not "5 December"; 2026-12-05T21:30:00-06:00 in America/Chicago.
    expect(articleText(built, 'curfew-lifted', 'html')).toContain(
      '<p class="dateline"><time datetime="2026-12-06T03:30:00Z">December 5, 2026 at 9:30 PM CST</time> · Updated <time datetime="2026-12-07T15:00:00Z">December 7, 2026 at 9:00 AM CST</time> · 1 min read</p>',
    );
    // Published as a date alone: that day, with no time (in Chicago, midnight UTC would be the evening before).
    expect(articleText(built, 'market-prices', 'html')).toContain(
      '<p class="dateline"><time datetime="2026-12-05T00:00:00Z">December 5, 2026</time> · Updated <time datetime="2026-12-08T09:00:00Z">December 8, 2026 at 3:00 AM CST</time> · 1 min read</p>',
    );
    expect(articleText(built, 'curfew-lifted', 'embed')).toContain('<time datetime="2026-12-06T03:30:00Z">December 5, 2026 at 9:30 PM CST</time>');
  });

  it('locale: the language’s own when absent; a zone of its own', async () => {
    const built = await buildAt(await siteWith('name: X\nlanguage: fr\ntimeZone: Europe/Paris\n', { 'articles/b.md': article('title: B\ndatePublished: 2026-12-05T21:30:00-06:00') }));
    expect(articleText(built, 'a-story', 'html')).toContain('<time datetime="2026-11-20T00:00:00Z">20 novembre 2026</time>');
    expect(articleText(built, 'b', 'html')).toContain('<time datetime="2026-12-06T03:30:00Z">6 décembre 2026 à 04:30 UTC+1</time>');
  });

  it('sections: each a page of its articles (by the first section collecting a tag, or named), a kicker and a front-page block', async () => {
    await newsroom();
    const section = (slug: string) => JSON.parse(articleText(built, slug, 'json')).data.section;
    expect(['curfew-lifted', 'market-prices', 'army-statement'].map(section)).toEqual([
      { slug: 'security', title: 'Security' },
      { slug: 'economy', title: 'Economy' },
      // Tagged military and economy: security comes first in site.yml and collects military.
      { slug: 'security', title: 'Security' },
    ]);
    const linked = (page: string) => [...mainOf(page).matchAll(/<h2><a href="\/articles\/([\w-]+)">/g)].map(([, slug]) => slug);
    expect(linked(documentText(built, '/sections/security'))).toEqual(['curfew-lifted', 'army-statement']);
    expect(linked(documentText(built, '/sections/economy'))).toEqual(['market-prices']);
    expect(documentText(built, '/sections/economy')).toContain('<title>Economy · The Sahel Ledger</title>');
    expect(articleText(built, 'market-prices', 'html')).toContain('<header>\n<p class="kicker"><a href="/sections/economy">Economy</a></p>\n<h1>Grain prices at the Petit Marché</h1>');
    // The lead is the newest featured article (army-statement); each section block shows its others.
    const front = mainOf(homeText(built));
    expect(front).toContain('<section class="lead" aria-label="Lead story" lang="en">\n<article>\n<p class="kicker"><a href="/sections/security">Security</a></p>\n<h2><a href="/articles/army-statement">');
    expect(front).toContain('<section class="section-block" aria-labelledby="section-security">\n<h2 id="section-security"><a href="/sections/security">Security</a></h2>\n<ol class="teasers">\n<li lang="en"><article>\n<h3><a href="/articles/curfew-lifted">');
  });

  it('an article’s own section: field wins over its tags; an unknown one is an error naming the sections', async () => {
    const sections = 'name: X\nsections:\n  - { slug: world, title: World, tags: [world] }\n  - { slug: sport, title: Sport, tags: [football] }\n';
    const built = await buildAt(await siteWith(sections, { 'articles/b.md': article('title: B\ndatePublished: 2026-11-21\ntags: [world]\nsection: sport') }));
    expect(JSON.parse(articleText(built, 'b', 'json')).data.section).toEqual({ slug: 'sport', title: 'Sport' });
    expect(JSON.parse(articleText(built, 'a-story', 'json')).data.section).toBeNull();
    expect(await problemLines(await siteWith(sections, { 'articles/b.md': article('title: B\ndatePublished: 2026-11-21\nsection: arts') }))).toEqual([
      'content/articles/b.md: section: unknown section "arts": site.yml\'s sections are world, sport',
    ]);
    expect(await problemLines(await siteWith('name: X\n', { 'articles/b.md': article('title: B\ndatePublished: 2026-11-21\nsection: arts') }))).toEqual([
      'content/articles/b.md: section: unknown section "arts": site.yml\'s sections are none',
    ]);
  });

  it('footer: replaces the default links, before the feeds', async () => {
    await newsroom();
    expect(footerOf(homeText(built))).toBe(`<footer class="site">
<p class="name">The Sahel Ledger</p>
<ul aria-label="About this site and its feeds">
<li><a href="/about">About us</a></li>
<li><a href="https://council.example/members">Press council</a></li>
<li><a href="/rss.xml">RSS</a></li>
<li><a href="/atom.xml">Atom</a></li>
<li><a href="/feed.json">JSON Feed</a></li>
</ul>
<p class="developers">For developers: <a href="/api/articles">JSON API</a> · <a href="/api/openapi.json">OpenAPI</a></p>
</footer>`);
  });

  it('id: names every feed and entry id (not the name)', async () => {
    await newsroom();
    // Python's uuid.uuid5(UUID('3f6d9c52-…'), 'sahel-ledger/feed'), '…/articles/curfew-lifted', …
    expect(idsIn(documentText(built, '/atom.xml'))).toEqual([
      'urn:uuid:73439eda-ef99-5c0b-9836-a8be62c7d2ea',
      'urn:uuid:320d9cf0-f61a-5dcf-9a9e-1fb1b526f4e4',
      'urn:uuid:72c6b535-8238-5d9b-ad48-6d90753c054b',
      'urn:uuid:66b6ce20-1623-5f75-b77a-562b4e5add70',
    ]);
  });
});

describe('a PNG logo', () => {
  it('is served as image/png from base64, at the size its IHDR chunk gives', async () => {
    const built = await buildFixture('png-logo');
    const bytes = await readFile(join(fixture('png-logo'), 'content/logo.png'));
    const logo = built.index.assets.find(({ name }) => name.startsWith('logo.'))!;
    expect(logo).toMatchObject({ name: expect.stringMatching(/^logo\.[\w-]{12}\.png$/), contentType: 'image/png', base64: true, body: bytes.toString('base64') });
    expect(mastheadOf(homeText(built))).toBe(`<header class="site">\n<p class="brand"><a href="/"><img src="/assets/${logo.name}" width="96" height="32" alt="Wire Desk"></a></p>\n${SEARCH_FORM}\n</header>`);
  });

  it.each([
    ['webp', 'image/webp'],
    ['jpg', 'image/jpeg'],
  ] as const)('a %s logo too, typed by its bytes (named .png), at the size its header gives', async (extension, contentType) => {
    const picture = sharp({ create: { width: 120, height: 40, channels: 3, background: '#9a1419' } });
    const bytes = await (extension === 'jpg' ? picture.jpeg() : picture.webp()).toBuffer();
    const built = await buildAt(await siteWith('name: X\nlogo: brand/logo.png\n', { 'brand/logo.png': bytes }));
    const logo = built.index.assets.find(({ name }) => name.startsWith('logo.'))!;
    expect(logo).toMatchObject({ name: expect.stringMatching(new RegExp(`^logo\\.[\\w-]{12}\\.${extension}$`)), contentType, base64: true, body: bytes.toString('base64') });
    expect(mastheadOf(homeText(built))).toContain(`<img src="/assets/${logo.name}" width="120" height="40" alt="X">`);
  });
});

describe('feed and entry ids after a rename', () => {
  // The seed article and its tags. Its ids as the build wrote them before site.yml existed
  // (commit a299e1b, from the name "edgewire"): renaming the site must not change one of them.
  const SEED = 'niger-embraces-russian-military-trainers';
  const seed = (site: string) => contentRoot({ 'site.yml': site, [`articles/${SEED}.md`]: article('title: Niger\ndatePublished: 2026-11-27\nsource: Ap news\ntags: [niger, russia, sahel]') });
  const SEED_ENTRY = 'urn:uuid:fdd4e7e4-1b56-51dc-9d3e-4b84ad6e8aff';
  const SEED_FEEDS = {
    '/atom.xml': 'urn:uuid:265101dd-88c4-5ef6-b6f1-c9a9a5067fd3',
    '/tags/niger/atom.xml': 'urn:uuid:0bce8d2d-cbf2-54a3-b68e-cdc7ef8f65fd',
    '/tags/russia/atom.xml': 'urn:uuid:02e84687-d233-5e70-ae02-e4ae473267d9',
    '/tags/sahel/atom.xml': 'urn:uuid:0d0ffe1c-adf0-5e1e-bd4b-141e65ef1c7f',
  };

  it.each([
    ['the seed’s site.yml', 'name: edgewire\nid: edgewire\nlanguage: en\ntimeZone: UTC\n'],
    ['renamed, id kept', 'name: The Niamey Ledger\nid: edgewire\n'],
    ['renamed, no id (the default)', 'name: The Niamey Ledger\n'],
  ])('%s: every feed and entry id is the one it was', async (_, site) => {
    const built = await buildAt(await seed(site));
    for (const [path, feedId] of Object.entries(SEED_FEEDS)) expect(idsIn(documentText(built, path))).toEqual([feedId, SEED_ENTRY]);
    expect(idsIn(documentText(built, '/rss.xml'))).toEqual([SEED_ENTRY]);
    expect(idsIn(documentText(built, '/feed.json'))).toEqual([SEED_ENTRY]);
  });

  it('another id gives other ids (the name still changes none)', async () => {
    const [a, b] = await Promise.all([buildAt(await seed('name: One\nid: ledger\n')), buildAt(await seed('name: Two\nid: ledger\n'))]);
    expect(idsIn(documentText(a, '/atom.xml'))).toEqual(['urn:uuid:e0647436-c199-5a6a-9a50-0433ccbc2779', 'urn:uuid:8ad5d5ef-c767-57ab-b261-12ba3355cd59']);
    expect(idsIn(documentText(b, '/atom.xml'))).toEqual(idsIn(documentText(a, '/atom.xml')));
  });
});

describe('bad site settings', () => {
  it.each([
    ['an unknown time zone', 'name: X\ntimeZone: Mars/Olympus_Mons\n', ['content/site.yml: timeZone: must be an IANA time zone, such as America/Chicago or UTC']],
    ['a bad language and locale', 'name: X\nlanguage: english!\nlocale: "en_US@"\n', ['content/site.yml: language: must be a BCP 47 language tag, such as en or fr-CA', 'content/site.yml: locale: must be a BCP 47 language tag, such as en or fr-CA']],
    [
      'a section twice, and a bad one',
      'name: X\nsections:\n  - { slug: world, title: World, tags: [world] }\n  - { slug: world, title: Again, tags: [africa] }\n  - { slug: Bad Slug, title: " ", tags: [] }\n',
      [
        'content/site.yml: sections.2.slug: must be lowercase a-z, 0-9 and single hyphens',
        'content/site.yml: sections.2.title: must not be empty',
        'content/site.yml: sections.2.tags: must name at least one tag',
        'content/site.yml: sections.1.slug: duplicate section "world"',
      ],
    ],
    [
      'footer links that are neither a path here nor http(s)',
      'name: X\nfooter:\n  - { title: A, url: "javascript:alert(1)" }\n  - { title: B, url: //elsewhere.example/x }\n  - { title: C, url: about }\n  - { title: "", url: /about }\n  - { title: E, url: "https://example.org/e" }\n',
      [
        'content/site.yml: footer.0.url: must be a path on this site (/about) or an absolute http: or https: URL',
        'content/site.yml: footer.1.url: must be a path on this site (/about) or an absolute http: or https: URL',
        'content/site.yml: footer.2.url: must be a path on this site (/about) or an absolute http: or https: URL',
        'content/site.yml: footer.3.title: must not be empty',
      ],
    ],
    ['profiles that are not http(s) URLs', 'name: X\nsameAs: ["ftp://files.example/x", "social.example/@x", "https://ok.example/@x"]\n', ['content/site.yml: sameAs.0: must be an absolute http: or https: URL', 'content/site.yml: sameAs.1: must be an absolute http: or https: URL']],
    ['unknown fields, at any depth', 'name: X\ncolour: red\nsections: [{ slug: a, title: A, tags: [a], colour: red }]\n', ['content/site.yml: sections.0.colour: unknown field', 'content/site.yml: colour: unknown field']],
    ['no name', 'tagline: Hello\n', ['content/site.yml: name: is required']],
    ['an empty file', '', ['content/site.yml: name: is required']],
    ['an empty name, an empty id', 'name: "  "\nid: ""\n', ['content/site.yml: name: must not be empty', 'content/site.yml: id: must not be empty']],
    ['a name that is no string', 'name: [a, b]\n', ['content/site.yml: name: must be a string']],
    ['invalid YAML', 'name: [unclosed\n', ['content/site.yml: settings: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['a key twice', 'name: A\nname: B\n', ['content/site.yml: settings: invalid YAML: Map keys must be unique']],
    ['a list, not a mapping', '- name\n- X\n', ['content/site.yml: settings: must be a YAML mapping of setting: value']],
  ])('%s', async (_, site, expected) => {
    expect(await problemLines(await siteWith(site))).toEqual(expected);
  });

  it('a missing site.yml, reported before the articles are read further (only the folder’s problems come with it)', async () => {
    const root = await contentRoot({ 'articles/no-title.md': article('datePublished: 2026-11-20') });
    expect(await problemLines(root)).toEqual(['content/site.yml: file: not found: the site\'s settings, at least "name: <the site\'s name>"']);
    expect(await problemLines(await contentRoot({ 'articles/.keep': '' }))).toEqual([
      'content/site.yml: file: not found: the site\'s settings, at least "name: <the site\'s name>"',
      'content/articles: folder: no articles (build with --allow-empty for an empty site)',
    ]);
  });
});

describe('a bad logo', () => {
  const SVG = (inside: string, attributes = 'width="10" height="10"') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${inside}</svg>`;
  const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const logoLines = async (logo: string, files: Record<string, string | Uint8Array>) => problemLines(await siteWith(`name: X\nlogo: ${logo}\n`, files));

  it.each([
    ['a missing file', 'images/none.svg', {}, 'images/none.svg: no such file in the content folder'],
    ['a path out of content/', '../logo.svg', {}, 'must be a path relative to the content folder, such as images/logo.svg'],
    ['an absolute path', '/etc/passwd', {}, 'must be a path relative to the content folder, such as images/logo.svg'],
    ['a folder', 'images', { 'images/x.svg': SVG('') }, 'images is not a regular file (symbolic links are not followed)'],
    ['no image at all (text named .png)', 'logo.png', { 'logo.png': 'a logo' }, 'logo.png is not a JPEG, PNG, WebP, AVIF, GIF or SVG image'],
    ['a GIF cut inside its size (named .png: the bytes say GIF)', 'logo.png', { 'logo.png': 'GIF89a\x01\x00' }, 'logo.png is not a valid GIF file'],
    ['a PNG cut before its IHDR', 'logo.png', { 'logo.png': Buffer.concat([PNG_SIGNATURE, Buffer.from('trunc')]) }, 'logo.png is not a valid PNG file'],
    ['an SVG with a script', 'l.svg', { 'l.svg': SVG('<script>alert(1)</script>') }, 'l.svg holds a script; an SVG logo must be a plain drawing'],
    ['an SVG with an event handler', 'l.svg', { 'l.svg': SVG('<rect width="5" height="5" onclick="alert(1)"/>') }, 'l.svg holds an event handler attribute; an SVG logo must be a plain drawing'],
    ['an SVG with an external href', 'l.svg', { 'l.svg': SVG('<image xlink:href="https://tracker.example/x.png"/>') }, 'l.svg holds a reference to another file; an SVG logo must be a plain drawing'],
    ['an SVG using another file', 'l.svg', { 'l.svg': SVG('<use href= "other.svg#shape"/>') }, 'l.svg holds a reference to another file; an SVG logo must be a plain drawing'],
    ['an SVG with an external url()', 'l.svg', { 'l.svg': SVG('<rect style="fill: url( https://tracker.example/p)"/>') }, 'l.svg holds a reference to another file; an SVG logo must be a plain drawing'],
    ['an SVG with foreign content', 'l.svg', { 'l.svg': SVG('<foreignObject><p>x</p></foreignObject>') }, 'l.svg holds foreignObject; an SVG logo must be a plain drawing'],
    ['an SVG with no size', 'l.svg', { 'l.svg': SVG('<rect/>', '') }, 'l.svg has no width and height (or viewBox) on its <svg> element'],
  ])('%s', async (_, logo, files, message) => {
    expect(await logoLines(logo, files)).toEqual([`content/site.yml: logo: ${message}`]);
  });

  it('is no SVG through a linked folder that leads out of content/', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'logo.svg'), SVG(''));
    const root = await siteWith('name: X\nlogo: images/logo.svg\n');
    await symlink(outside, join(root, 'content/images'));
    expect(await problemLines(root)).toEqual(['content/site.yml: logo: images/logo.svg is outside the content folder (through a symbolic link)']);
  });

  it('an SVG may refer to its own parts (href="#…", url(#…)) and be sized by its viewBox', async () => {
    const drawing = SVG('<defs><linearGradient id="g"/><path id="p" d="M0 0h4"/></defs><use href="#p" fill="url(#g)"/><use xlink:href = "#p" style="fill: url( \'#g\')"/>', 'viewBox="0 0 120.4 30"');
    const built = await buildAt(await siteWith('name: X\nlogo: brand/logo.svg\n', { 'brand/logo.svg': drawing }));
    expect(mastheadOf(homeText(built))).toMatch(/<img src="\/assets\/logo\.[\w-]{12}\.svg" width="120" height="30" alt="X">/);
  });
});
