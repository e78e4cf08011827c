import { beforeAll, describe, expect, it } from 'vitest';
import { articleText, buildAt, buildFixture, documentText, jsonLdOf, mainOf, problemLines, SITE, type Built } from './documents';
import { article, contentRoot } from './helpers';

/** content/authors/<id>.md: author pages, their feeds and API documents, and bylines that name them. */

let built: Built;
beforeAll(async () => {
  built = await buildFixture('newsroom');
});

const AMINA = {
  id: 'amina-diallo',
  url: `${SITE}/authors/amina-diallo`,
  name: 'Amina Diallo',
  role: 'Security correspondent',
  website: 'https://amina.example',
  sameAs: ['https://social.example/@amina'],
  // Her withdrawn article is not counted.
  articleCount: 2,
};
const KOFI = { id: 'kofi-mensah', url: `${SITE}/authors/kofi-mensah`, name: 'Kofi Mensah', role: 'Data editor', website: null, sameAs: [], articleCount: 0 };
const SAM = { id: 'sam-roe', url: `${SITE}/authors/sam-roe`, name: 'Sam Roe', role: null, website: null, sameAs: [], articleCount: 1 };

/** The slugs a page or feed links to, in order. */
const articlesIn = (text: string) => [...text.matchAll(/\/articles\/([a-z0-9-]+)(?=["<])/g)].map(([, slug]) => slug);

describe('authors', () => {
  it('/api/authors: every author by id, with their page, links and published article count', () => {
    expect(JSON.parse(documentText(built, '/api/authors'))).toEqual({ data: [AMINA, KOFI, SAM] });
    expect(built.index.documents['/api/authors']).toMatchObject({ contentType: 'application/json', kind: 'list' });
  });

  it('/api/authors/<id>: the summary and the bio as HTML and text (a bio may be empty)', () => {
    expect(JSON.parse(documentText(built, '/api/authors/amina-diallo'))).toEqual({
      data: { ...AMINA, html: '<p>Amina Diallo covers security from <em>Niamey</em>.</p>\n', text: 'Amina Diallo covers security from Niamey.' },
    });
    expect(JSON.parse(documentText(built, '/api/authors/sam-roe'))).toEqual({ data: { ...SAM, html: '', text: '' } });
  });

  it('/authors lists every author with role and count', () => {
    expect(mainOf(documentText(built, '/authors'))).toBe(`<main id="main">
<h1>Authors</h1>
<ul class="author-index">
<li><a href="/authors/amina-diallo">Amina Diallo</a>, Security correspondent · 2 articles</li>
<li><a href="/authors/kofi-mensah">Kofi Mensah</a>, Data editor · 0 articles</li>
<li><a href="/authors/sam-roe">Sam Roe</a> · 1 article</li>
</ul>
</main>`);
  });

  it('/authors/<id>: bio, links, then their published articles, newest first; ProfilePage JSON-LD; their feeds discovered', () => {
    const page = documentText(built, '/authors/amina-diallo');
    expect(page).toContain('<title>Amina Diallo · The Sahel Ledger</title>');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="The Sahel Ledger — Amina Diallo — Atom" href="/authors/amina-diallo/atom.xml">');
    const main = mainOf(page);
    expect(main).toContain(`<main id="main">
<h1>Amina Diallo</h1>
<div class="profile">
<p class="role">Security correspondent</p>
<div class="bio"><p>Amina Diallo covers security from <em>Niamey</em>.</p>
</div>
<ul class="profiles" aria-label="Elsewhere"><li><a href="https://amina.example" rel="me">Website</a></li><li><a href="https://social.example/@amina" rel="me">social.example</a></li></ul>
</div>
<h2 class="list-heading">Articles</h2>
<ol class="articles">`);
    expect(articlesIn(main)).toEqual(['curfew-lifted', 'market-prices']);
    expect(jsonLdOf(page)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Amina Diallo', url: `${SITE}/authors/amina-diallo`, jobTitle: 'Security correspondent', sameAs: ['https://amina.example', 'https://social.example/@amina'] },
    });
    expect(mainOf(documentText(built, '/authors/kofi-mensah'))).toContain('<h2 class="list-heading">Articles</h2>\n<p>No articles yet.</p>\n</main>');
  });

  it('each author with articles has RSS, Atom and JSON Feed of them; one without has none', () => {
    const feeds = Object.keys(built.index.documents).filter((path) => /^\/authors\/.+\/(rss\.xml|atom\.xml|feed\.json)$/.test(path));
    expect(feeds).toEqual(['/authors/amina-diallo/rss.xml', '/authors/amina-diallo/atom.xml', '/authors/amina-diallo/feed.json', '/authors/sam-roe/rss.xml', '/authors/sam-roe/atom.xml', '/authors/sam-roe/feed.json']);
    const atom = documentText(built, '/authors/amina-diallo/atom.xml');
    expect(atom).toContain('<id>urn:uuid:3f2e8e75-624e-5c6d-9d6e-49f000bad343</id>\n  <title type="text">The Sahel Ledger: Amina Diallo</title>\n  <subtitle type="text">The newest articles by Amina Diallo on The Sahel Ledger.</subtitle>\n  <updated>2026-12-08T09:00:00Z</updated>');
    expect(atom).toContain(`<link rel="alternate" type="text/html" href="${SITE}/authors/amina-diallo"/>`);
    expect([...atom.matchAll(/<link rel="alternate" type="text\/html" href="[^"]*\/articles\/([\w-]+)"\/>/g)].map(([, slug]) => slug)).toEqual(['curfew-lifted', 'market-prices']);
    const json = JSON.parse(documentText(built, '/authors/sam-roe/feed.json'));
    expect(json).toMatchObject({ title: 'The Sahel Ledger: Sam Roe', home_page_url: `${SITE}/authors/sam-roe`, feed_url: `${SITE}/authors/sam-roe/feed.json` });
    expect(json.items.map((item: { url: string; authors: unknown }) => [item.url, item.authors])).toEqual([[`${SITE}/articles/army-statement`, [{ name: 'Sam Roe', url: `${SITE}/authors/sam-roe` }]]]);
    expect(articlesIn(documentText(built, '/authors/sam-roe/rss.xml'))).toEqual(['army-statement']);
  });

  it('a byline naming an author links their page; an inline one keeps its own link; JSON-LD says the same', () => {
    expect(JSON.parse(articleText(built, 'market-prices', 'json')).data.authors).toEqual([
      { id: 'amina-diallo', name: 'Amina Diallo', url: `${SITE}/authors/amina-diallo` },
      { name: 'Wire Writer', url: 'https://wire.example/writer' },
    ]);
    const page = articleText(built, 'market-prices', 'html');
    expect(page).toContain(`<p class="byline">By <a href="${SITE}/authors/amina-diallo">Amina Diallo</a>, <a href="https://wire.example/writer">Wire Writer</a></p>`);
    expect((jsonLdOf(page) as { author: unknown }).author).toEqual([
      { '@type': 'Person', name: 'Amina Diallo', url: `${SITE}/authors/amina-diallo` },
      { '@type': 'Person', name: 'Wire Writer', url: 'https://wire.example/writer' },
    ]);
  });

  it('wire copy with a source and no byline: JSON-LD names the source as the author, an Organization', async () => {
    const wire = await buildAt(await contentRoot({ 'site.yml': 'name: X\n', 'articles/wire.md': article('title: W\ndatePublished: 2026-11-20\nsource: { name: Ap news, url: "https://apnews.example" }') }));
    const data = jsonLdOf(articleText(wire, 'wire', 'html')) as Record<string, unknown>;
    expect([data.author, data.sourceOrganization]).toEqual([[{ '@type': 'Organization', name: 'Ap news', url: 'https://apnews.example' }], { '@type': 'Organization', name: 'Ap news', url: 'https://apnews.example' }]);
  });

  it('a site without content/authors/ has an empty author list and no author pages', async () => {
    const feeds = await buildFixture('feeds');
    expect(JSON.parse(documentText(feeds, '/api/authors'))).toEqual({ data: [] });
    expect(mainOf(documentText(feeds, '/authors'))).toBe('<main id="main">\n<h1>Authors</h1>\n<p>No authors yet.</p>\n</main>');
    expect(Object.keys(feeds.index.documents).filter((path) => path.startsWith('/authors/'))).toEqual([]);
  });
});

describe('bad authors', () => {
  it('an id with no author file, and a name where an id belongs', async () => {
    expect(await problemLines(await contentRoot({ 'site.yml': 'name: X\n', 'articles/a.md': article('title: A\ndatePublished: 2026-11-20\nauthors: [x, { name: Wire Writer }]') }))).toEqual([
      'content/articles/a.md: authors.0: unknown author "x": there is no content/authors/x.md',
    ]);
    expect(await problemLines(await contentRoot({ 'site.yml': 'name: X\n', 'articles/a.md': article('title: A\ndatePublished: 2026-11-20\nauthors: [Jane Doe]') }))).toEqual([
      'content/articles/a.md: authors.0: "Jane Doe" is not an author id (lowercase a-z, 0-9 and single hyphens: the name of a file in content/authors/); a byline without an author page is { name: Jane Doe }',
    ]);
  });

  it('author files: every problem, by file', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/a.md': article('title: A\ndatePublished: 2026-11-20'),
      'authors/no-name.md': '---\nrole: Editor\n---\n',
      'authors/bad-links.md': '---\nname: B\nurl: "javascript:alert(1)"\nsameAs: ["ftp://files.example"]\nphone: 1\n---\n',
      'authors/Bad_Id.md': '---\nname: C\n---\n',
      'authors/notes.txt': 'not an author',
      'authors/link-in-bio.md': '---\nname: D\n---\n\nSee [me](javascript:alert(1)).\n',
      'authors/desk/twin.md': '---\nname: Twin One\n---\n',
      'authors/wire/twin.md': '---\nname: Twin Two\n---\n',
    });
    expect(await problemLines(root)).toEqual([
      'content/authors/notes.txt: file: not an author: authors are Markdown files ending in .md',
      'content/authors/Bad_Id.md: file name: must be lowercase a-z, 0-9 and single hyphens (it is the file name)',
      'content/authors/bad-links.md: url: must be an absolute http: or https: URL',
      'content/authors/bad-links.md: sameAs.0: must be an absolute http: or https: URL',
      'content/authors/bad-links.md: phone: unknown field',
      'content/authors/link-in-bio.md: body: link to "javascript:alert(1)" is not allowed: links must be http:, https:, mailto: or tel: URLs, or paths on this site',
      'content/authors/no-name.md: name: is required',
      'content/authors/wire/twin.md: file name: duplicate author id "twin": already used by content/authors/desk/twin.md',
    ]);
  });
});
