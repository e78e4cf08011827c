import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/build/index';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus';
import { contentHash, HOME_PAGE_SIZE } from '../../scripts/build/represent';
import { indexFiles } from '../../scripts/build/index-files';
import { PACK_BYTES } from '../../scripts/build/packs';
import { deployable, writeOutput } from '../../scripts/build/writer';
import { ORIGIN, type ArticleLine, type BodyFile, type ContentIndex, type Span } from '../../src/store/bundle';
import { readWholeIndex } from '../../src/store/shards';
import { fixture, runBuild, tempDir, writeSiteFile } from './helpers';

describe('content build', () => {
  it('fails on bad content, listing every problem as file: field: message', async () => {
    const result = await runBuild(['--root', fixture('bad'), '--out', join(await tempDir(), 'content.txt')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'Content build failed: 9 problems',
        'content/articles/notes.txt: file: not an article: articles are Markdown files ending in .md',
        'content/articles/Bad_Slug.md: slug: must be lowercase a-z, 0-9 and single hyphens (it is the file name)',
        'content/articles/Bad_Slug.md: lang: must be a BCP 47 language tag, such as en or fr-CA',
        'content/articles/bad-date.md: datePublished: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)',
        'content/articles/empty-body.md: body: must not be empty',
        'content/articles/invalid-yaml.md: front matter: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        'content/articles/no-front-matter.md: front matter: must start the file, between two lines of ---',
        'content/articles/no-title.md: title: is required',
        'content/articles/unknown-key.md: categry: unknown field',
        '',
      ].join('\n'),
    );
  });

  it('reports a slug used twice across subfolders', async () => {
    const result = await buildContent({ root: fixture('duplicate') });
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'content/articles/b/twin.md', field: 'slug', message: 'duplicate slug "twin": already used by content/articles/a/twin.md' }],
    });
  });

  it('validates, renders and derives good content; drafts stay out', async () => {
    const result = await buildContent({ root: fixture('good') });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const { articles, index } = result;
    expect(index.slugs).toEqual(['second-story', 'first-story']);
    const template = (line: ArticleLine, [start, end]: Span) => result.files.find((file) => file.path === line.file)!.text.slice(start, end);
    const first = JSON.parse(template(articles[1]!, articles[1]!.json).split(ORIGIN).join('https://news.example')).data;
    expect(first).toEqual({
      slug: 'first-story',
      url: 'https://news.example/articles/first-story',
      title: 'First story',
      alternativeHeadline: null,
      description: 'Un premier paragraphe avec <script>alert(1)</script> dedans.',
      image: null,
      datePublished: '2026-11-20T07:30:00Z',
      dateModified: '2026-11-21T00:00:00Z',
      authors: [
        { id: 'jane-doe', name: 'Jane Doe', url: 'https://news.example/authors/jane-doe' },
        { name: 'Sam Roe', url: 'https://example.com/sam' },
      ],
      source: { name: 'Wire', url: 'https://example.com/wire' },
      section: null,
      tags: ['sahel', 'security'],
      lang: 'fr',
      wordCount: 14,
      readingTimeMinutes: 1,
      corrections: [],
      html: '<p>Un <em>premier</em> paragraphe avec &lt;script&gt;alert(1)&lt;/script&gt; dedans.</p>\n<h2>Sous-titre</h2>\n<p><a href="/articles/second-story">lien</a> et <code>code</code>.</p>\n',
      text: 'Un premier paragraphe avec <script>alert(1)</script> dedans.\n\nSous-titre\n\nlien et code.',
      images: [],
    });
    expect(articles[1]!.lastModified).toBe('Sat, 21 Nov 2026 00:00:00 GMT');
    expect(JSON.parse(template(articles[0]!, articles[0]!.json)).data.description).toBe('Given by the author.');
    expect(index.tags).toEqual({ sahel: [1], security: [1] });
  });

  it('includes drafts only when asked', async () => {
    const result = await buildContent({ root: fixture('good'), includeDrafts: true });
    expect(result.ok && result.index.slugs).toEqual(['a-draft', 'second-story', 'first-story']);
  });

  it('writes the same bytes for the same content', async () => {
    const [a, b] = await Promise.all([buildContent({ root: fixture('good') }), buildContent({ root: fixture('good') })]);
    if (!a.ok || !b.ok) throw new Error('build failed');
    expect(deployable(a)).toEqual(deployable(b));
    expect(a.files).toEqual(b.files);
    expect(deployable(a).moduleText).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
  });

  it('builds the seed fixture without problems', async () => {
    const seed = join(import.meta.dirname, '../fixtures/seed');
    const result = await buildContent({ root: seed });
    expect(result.ok).toBe(true);
    expect(await readFile(join(seed, 'content/articles/niger-embraces-russian-military-trainers.md'), 'utf8')).toContain('datePublished: 2026-11-27');
  });

  it('pages the home page from the oldest, packs the articles oldest first, and each group of documents in packs of its own', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'edgewire-'));
    await writeSiteFile(tmp);
    await writeCorpus(join(tmp, 'content/articles'), generateCorpus(2 * HOME_PAGE_SIZE + 1));
    const result = await buildContent({ root: tmp });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const { index, files, articles } = result;
    expect(index.slugs).toHaveLength(61);
    // The front page, then archive pages 1 (the 30 oldest), 2 and 3 (the newest).
    expect(index.pages.home).toHaveLength(4);
    expect(Object.keys(index.tags)).toHaveLength(58);
    // Packs hold consecutive articles, oldest first; one holding more than one article is within PACK_BYTES.
    const packs = [...new Set(articles.map(({ file }) => file).reverse())];
    const runs = articles.map(({ file }) => file).reverse().filter((file, at, all) => at === 0 || all[at - 1] !== file);
    expect(runs).toEqual(packs);
    expect(packs.length).toBeGreaterThan(1);
    for (const pack of packs) {
      const held = articles.filter(({ file }) => file === pack).length;
      if (held > 1) expect(files.find(({ path }) => path === pack)!.bytes).toBeLessThanOrEqual(PACK_BYTES);
    }
    // Documents: /favicon.ico, the tag index, one pack of pages per tag, 3 feeds for the site and
    // for each tag, the sitemap, the news sitemap, robots.txt with llms.txt, the OpenAPI document,
    // /authors with /api/authors (no authors: no author pages or feeds), /corrections.
    const documentFiles = new Set(Object.values(index.documents).flatMap(({ pages }) => pages.map(({ file }) => file)));
    expect(documentFiles.size).toBe(1 + 1 + 58 + 3 * (1 + 58) + 4 + 2);
    // The home page's 4 pages in one pack, and the 404 page.
    expect(new Set(index.pages.home.map(({ file }) => file)).size).toBe(1);
    expect(files).toHaveLength(packs.length + 1 + 1 + documentFiles.size);
    const page = (n: number) => files.find((file) => file.path === index.pages.home[n]!.file)!.text.slice(index.pages.home[n]!.start, index.pages.home[n]!.end);
    expect(page(0)).toContain('<nav class="pages" aria-label="More articles"><a rel="next" href="/?page=2">Older articles</a></nav>');
    expect(page(1)).toContain('<nav class="pages" aria-label="More articles"><a rel="prev" href="/?page=2">Newer articles</a></nav>');
    expect(page(2)).toContain('<nav class="pages" aria-label="More articles"><a rel="prev" href="/?page=3">Newer articles</a> <a rel="next" href="/?page=1">Older articles</a></nav>');
    expect(page(3)).toContain('<nav class="pages" aria-label="More articles"><a rel="prev" href="/">Newer articles</a> <a rel="next" href="/?page=2">Older articles</a></nav>');
    expect(page(3)).toContain('<h1>Archive, page 3</h1>');
    expect(page(3).match(/<li /g)).toHaveLength(1);
    // Archive page 1 holds the 30 oldest (newest-first places 31 to 60), newest first; page 2 the next 30.
    expect(page(1).indexOf(`<h2><a href="/articles/${index.slugs[31]}">`)).toBeLessThan(page(1).indexOf(`<h2><a href="/articles/${index.slugs[60]}">`));
    expect(page(1)).not.toContain(`/articles/${index.slugs[30]}"`);
    expect(page(2)).toContain(`<h2><a href="/articles/${index.slugs[30]}">`);
    // The front page: the newest article leads, the latest list goes on from the next.
    expect(page(0)).toContain(`<section class="lead" aria-label="Lead story" lang="en">\n<article>\n<h2><a href="/articles/${index.slugs[0]}">`);
    expect(page(0)).toContain(`<h2 id="latest-title">Latest</h2>\n<ol class="headlines">\n<li lang="en"><article>\n<h3><a href="/articles/${index.slugs[1]}">`);
    expect(page(0).match(/<li lang="en">/g)).toHaveLength(HOME_PAGE_SIZE - 1);
  });

  it('writes the content module as one ASCII line, the index header; every record comes back from the index files', async () => {
    const result = await buildContent({ root: fixture('good') });
    if (!result.ok) throw new Error('build failed');
    const { moduleText, files } = deployable(result);
    expect(moduleText).toMatch(/^[\x00-\x7f]*$/);
    expect(moduleText).not.toContain('\n');
    const header = JSON.parse(moduleText);
    expect(Object.keys(header)).toEqual(['build', 'directory', 'shards', 'notFound', 'assets', 'embed']);
    expect(header).toMatchObject({ build: result.index.build, shards: 1, notFound: result.index.pages.notFound, embed: result.index.embed });
    const text = new Map(files.flatMap((file) => ('text' in file ? [[file.path, file.text] as const] : [])));
    const whole = await readWholeIndex(header, async (path) => text.get(path)!);
    expect(whole.slugs).toEqual(['second-story', 'first-story']);
    expect(whole.articles).toEqual(result.articles);
    expect(whole.home).toEqual(result.index.pages.home);
    expect(whole.documents).toEqual(result.index.documents);
    expect(whole.tags).toEqual(Object.fromEntries(Object.entries(result.index.tags).map(([tag, lines]) => [tag, lines.map((line) => result.index.slugs[line])])));
    expect(whole.indexFiles).toEqual([header.directory, ...JSON.parse(text.get(header.directory)!)]);
    expect(files.filter((file) => file.path.startsWith('/i/'))).toHaveLength(2);
  });

  it('makes the assets folder hold exactly the body files, writing only new ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edgewire-assets-'));
    const paths = { module: join(dir, 'content.txt'), assets: join(dir, 'assets') };
    // Each write adds the index's two files (its directory and one shard), which change with the body files they name.
    const write = (files: BodyFile[]) => {
      const { moduleText, files: all } = withIndex(files);
      return writeOutput(paths, moduleText, all);
    };
    expect(await write([body('1'), body('2')])).toEqual({ moduleChanged: true, written: 4, removed: 0 });
    const two = join(paths.assets, body('2').path);
    // A rewrite (temp file, then rename) would give the file a new inode.
    const inode = (await stat(two)).ino;
    expect(await write([body('2'), body('3')])).toEqual({ moduleChanged: true, written: 3, removed: 3 });
    expect((await readdir(join(paths.assets, 'b'))).sort()).toEqual([body('2'), body('3')].map((file) => file.path.slice(3)).sort());
    expect((await stat(two)).ino).toBe(inode);
    expect(await write([body('2'), body('3')])).toEqual({ moduleChanged: false, written: 0, removed: 0 });
  });
});

/** A body file as the build names it: by the hash of its text. */
function body(text: string): BodyFile {
  return { path: `/b/${contentHash(text)}.txt`, text };
}

/** The smallest index that names `files` (as home pages), written as the build writes it, for the writer's check. */
function withIndex(files: readonly BodyFile[]): { moduleText: string; files: BodyFile[] } {
  const page = ({ path, text }: BodyFile) => ({ file: path, start: 0, end: text.length, hash: '' });
  const index: ContentIndex = { build: '', slugs: [], tags: {}, pages: { home: files.map(page), notFound: page(files[0]!) }, documents: {}, aliases: {}, gone: {}, assets: [], embed: { siteName: '', resizer: '' } };
  const { header, files: indexed } = indexFiles({ index, articles: [] });
  return { moduleText: JSON.stringify(header), files: [...files, ...indexed] };
}
