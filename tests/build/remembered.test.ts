import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneMemories } from '../../scripts/build/cache/memory';
import { buildContent } from '../../scripts/build/index';
import { buildStreamed } from '../../scripts/build/writer';
import { corpusProject, tempDir, writeSiteFile } from './helpers';

/**
 * A build that remembers (.edgewire/cache: what it listed and packed) renders only what changed,
 * and its output is byte for byte the output of a build from nothing: after each kind of edit, the
 * remembered build's index module and asset files are compared with a fresh build's.
 */

const ARTICLES = 300;

async function project() {
  // Settled files (not just written): the listing is taken from memory while a file's stamp is unchanged.
  const { root, articles } = await corpusProject(ARTICLES);
  const build = async (out: string, cache?: string) => {
    const paths = { module: join(root, out, 'content.txt'), assets: join(root, out, 'assets') };
    const { result, written } = await buildStreamed(paths, (sink) => buildContent({ root, sink, ...(cache === undefined ? {} : { cache }) }));
    if (!result.ok || written === null) throw new Error(`build failed: ${JSON.stringify(result.problems)}`);
    const files = (await readdir(paths.assets, { recursive: true })).filter((name) => name.includes('.')).sort();
    /** The slugs an article's page links to as related articles. */
    const relatedOf = async (slug: string) => {
      const line = result.articles.find(({ summary }) => summary.slug === slug)!;
      const page = (await readFile(join(paths.assets, line.file), 'utf8')).slice(...line.html);
      const aside = /<aside class="related"[\s\S]*?<\/aside>/.exec(page)?.[0] ?? '';
      return [...aside.matchAll(/\/articles\/([a-z0-9-]+)/g)].map((match) => match[1]!);
    };
    return { rendered: result.rendered, articles: result.articles, module: await readFile(paths.module, 'utf8'), files, relatedOf };
  };
  /** The remembered build, and a build from nothing of the same content. */
  const both = async () => {
    await rm(join(root, 'fresh'), { recursive: true, force: true });
    return { remembered: await build('out', '.edgewire/cache'), fresh: await build('fresh') };
  };
  return { root, articles, build, both };
}

/** Edits, in turn, each with at most how many articles it may render again. */
/** The article the retagging edit gave a tag of its own (the next edit renames it). */
let retagged = '';

type Built = Awaited<ReturnType<Awaited<ReturnType<typeof project>>['build']>>;

const EDITS: [string, (root: string, articles: string, slugs: readonly string[], last: Built) => Promise<void>, number][] = [
  ['a word changed (its body alone: its metadata, and so every list, stay as they were; its feeds carry it)', async (_, articles, slugs) => {
    const file = join(articles, `${slugs[120]}.md`);
    const text = await readFile(file, 'utf8');
    const at = text.lastIndexOf(' the ');
    await writeFile(file, `${text.slice(0, at)} a ${text.slice(at + ' the '.length)}`);
  }, 40],
  ['a sentence added (lists show its new word count; a related link shows only its headline, section and date)', async (_, articles, slugs) => {
    const file = join(articles, `${slugs[170]}.md`);
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more sentence, added after publication.\n`);
  }, 40],
  ['a paragraph added (its pack grows and the packs after it move)', async (_, articles, slugs) => {
    const file = join(articles, `${slugs[150]}.md`);
    await writeFile(file, `${await readFile(file, 'utf8')}\n${'A further paragraph of the story, with new facts in it. '.repeat(300)}\n`);
  }, 60],
  ['a headline changed (lists and related links show it)', async (_, articles, slugs) => {
    const file = join(articles, `${slugs[100]}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "A New Headline for an Old Story"'));
  }, 80],
  ['an article retagged (it leaves its lists, and a page that showed it as related shows another)', async (_, articles, slugs, last) => {
    const shown = (retagged = (await last.relatedOf(slugs[140]!))[0]!);
    const file = join(articles, `${shown}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^tags: .*$/m, 'tags: [retagged]'));
  }, 80],
  ['that article renamed (the same text under a new slug, in the same place; no other page shows it)', async (_, articles) => {
    await rename(join(articles, `${retagged}.md`), join(articles, `${retagged}-renamed.md`));
  }, 80],
  ['an article redated (it moves back through the archive)', async (_, articles, slugs) => {
    const file = join(articles, `${slugs[60]}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^datePublished: .*$/m, 'datePublished: 2026-07-15T08:00:00Z'));
  }, 200],
  ['an article copied under another name (the same text: the same source hash, another slug)', async (_, articles, slugs) => {
    await writeFile(join(articles, `${slugs[30]}-copy.md`), await readFile(join(articles, `${slugs[30]}.md`), 'utf8'));
  }, 80],
  ['an article published', async (_, articles) => {
    await writeFile(join(articles, 'breaking-news.md'), '---\ntitle: "Breaking News"\ndatePublished: 2026-12-01T09:00:00Z\nauthors: [{ name: Reporter }]\ntags: [politics]\nlang: en\n---\n\nSomething happened this morning.\n');
  }, 80],
  ['an article deleted', async (_, articles, slugs) => {
    await rm(join(articles, `${slugs[200]}.md`));
  }, 80],
  ["the site's name changed (every page shows it)", async (root) => {
    await writeSiteFile(root, 'name: The Daily Edge\n');
  }, Infinity],
];

describe('a build that remembers', () => {
  it('renders what an edit changed and writes what a build from nothing writes, edit after edit', { timeout: 300_000 }, async () => {
    const { root, articles, both } = await project();
    const first = await both();
    expect(first.remembered.rendered).toBe(ARTICLES);
    expect(first.remembered.module).toBe(first.fresh.module);
    const again = await both();
    expect(again.remembered.rendered).toBe(0);
    expect(again.remembered.module).toBe(first.fresh.module);
    const slugs = first.fresh.articles.map(({ summary }) => summary.slug);
    let last = again.fresh;
    for (const [name, edit, most] of EDITS) {
      const before = new Map(last.articles.map(({ summary, file }) => [summary.slug, file]));
      await edit(root, articles, slugs, last);
      const { remembered, fresh } = await both();
      last = fresh;
      // Only its own pack's articles are made again: the pages that link to it show what they showed.
      if (name.startsWith('a sentence added')) expect(remembered.rendered).toBe(fresh.articles.filter(({ summary, file }) => before.get(summary.slug) !== file).length);
      expect(remembered.module).toBe(fresh.module);
      expect(remembered.files).toEqual(fresh.files);
      expect(remembered.rendered).toBeLessThanOrEqual(Math.min(most, fresh.articles.length));
      if (most === Infinity) expect(remembered.rendered).toBe(fresh.articles.length);
      else expect(remembered.rendered).toBeGreaterThan(0);
    }
  });
});

describe('the memory', () => {
  it('is only a cache: a file cut short or of another kind is a full build, with the same output', { timeout: 120_000 }, async () => {
    const { root, both } = await project();
    const first = await both();
    const dir = join(root, '.edgewire/cache');
    const names = await readdir(dir);
    // Each kind in buckets: a Map spread over files by a hash of its keys.
    const kinds = new Set(names.map((name) => /^([a-z]+)-\d+\.v8$/.exec(name)?.[1] ?? name));
    expect([...kinds].sort()).toEqual(['delta', 'facts', 'listing', 'packs', 'related', 'shards', 'sizes']);
    expect(names.filter((name) => name.startsWith('listing-')).length).toBeGreaterThan(100);
    for (const name of names.filter((name) => name.startsWith('packs-'))) await writeFile(join(dir, name), (await readFile(join(dir, name))).subarray(0, 100));
    for (const name of names.filter((name) => name.startsWith('shards-'))) await writeFile(join(dir, name), 'not a memory');
    // What the memory's first layout left (one file a kind) goes with the next build.
    await writeFile(join(dir, 'packs.v8'), 'a former layout');
    const again = await both();
    expect(again.remembered.rendered).toBe(ARTICLES);
    expect(again.remembered.module).toBe(first.fresh.module);
    expect(await readdir(dir)).not.toContain('packs.v8');
  });

  it('keeps 8 memories: the one in use and the 7 others used last', async () => {
    const parent = join(await tempDir(), 'cache');
    for (let at = 0; at < 11; at++) {
      await mkdir(join(parent, `m${at}`), { recursive: true });
      await utimes(join(parent, `m${at}`), new Date(1e12 + at * 1000), new Date(1e12 + at * 1000));
    }
    await pruneMemories(join(parent, 'm0'));
    expect((await readdir(parent)).sort()).toEqual(['m0', 'm10', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
  });
});
