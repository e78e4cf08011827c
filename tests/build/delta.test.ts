import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeltaRoot } from '../../scripts/build/cache/delta-memo';
import { rendererVersion } from '../../scripts/build/cache/version';
import { buildOrPatch } from '../../scripts/build/index';
import { buildStreamed } from '../../scripts/build/writer';
import { corpusProject, runBuild } from './helpers';

/**
 * A build that patches the previous output (scripts/build/delta.ts): when a few articles change
 * only in what their own bodies show (a sentence added, a word changed: not their headline, tags,
 * dates or list entry, and no feed carries them), the build splices their new bodies into their
 * packs and rewrites the index records that name them, without reading the archive's memory. Its
 * output is byte for byte a build from nothing's, and it writes only the files whose bytes changed.
 */

/** Enough articles that some are in no feed (each feed holds its newest 50). */
const ARTICLES = 1200;
const CACHE = '.edgewire/cache';

async function project() {
  const { root, articles } = await corpusProject(ARTICLES);
  const outputFiles = async (out: string) => (await readdir(join(root, out, 'assets'), { recursive: true })).filter((name) => name.includes('.')).sort();
  const build = async (out: string, cache?: string) => {
    const paths = { module: join(root, out, 'content.txt'), assets: join(root, out, 'assets') };
    const before = new Set(await outputFiles(out).catch(() => [] as string[]));
    const { result, written } = await buildStreamed(paths, (sink) => buildOrPatch({ root, sink, modulePath: paths.module, ...(cache === undefined ? {} : { cache }) }));
    if (!result.ok || written === null) throw new Error(`build failed: ${JSON.stringify(result.problems)}`);
    const files = await outputFiles(out);
    const added = files.filter((file) => !before.has(file));
    const removed = [...before].filter((file) => !files.includes(file));
    const refused = 'refused' in result ? result.refused : undefined;
    return { patched: 'patched' in result ? result.patched : null, refused, module: await readFile(paths.module, 'utf8'), files, added, removed, written };
  };
  /** The remembered build, and a build from nothing of the same content. */
  const both = async () => {
    await rm(join(root, 'fresh'), { recursive: true, force: true });
    return { remembered: await build('out', CACHE), fresh: await build('fresh') };
  };
  /** What the memory kept for patching. */
  const deltaRoot = async () => readDeltaRoot({ dir: join(root, CACHE), version: await rendererVersion() })!;
  return { root, articles, build, both, deltaRoot };
}

/** One word of the body changed for another of the same length: its word count and reading time stay. */
const reword = async (articles: string, slug: string) => {
  const file = join(articles, `${slug}.md`);
  const text = await readFile(file, 'utf8');
  const at = text.lastIndexOf(' the ');
  await writeFile(file, `${text.slice(0, at)} its ${text.slice(at + ' the '.length)}`);
};

const append = async (articles: string, slug: string, text: string) => {
  const file = join(articles, `${slug}.md`);
  await writeFile(file, `${await readFile(file, 'utf8')}\n${text}\n`);
};

describe('a build that patches the previous one', () => {
  it('splices an edited body into its pack and rewrites only the index files that name it, byte for byte a build from nothing', { timeout: 600_000 }, async () => {
    const { articles, build, both, deltaRoot } = await project();
    const first = await both();
    expect(first.remembered.patched).toBeNull();
    expect(first.remembered.refused).toBe('nothing kept to patch');
    expect(first.remembered.module).toBe(first.fresh.module);

    // Nothing changed: nothing rendered, nothing written.
    const again = await build('out', CACHE);
    expect(again.patched).toEqual({ articles: ARTICLES, rendered: 0 });
    expect([again.added, again.removed, again.written.written, again.written.removed, again.written.moduleChanged]).toEqual([[], [], 0, 0, false]);

    // Two articles no feed carries, in two packs; and one a feed carries.
    const kept = await deltaRoot();
    const whole = new Set(kept.whole);
    const [a, b] = kept.packs.filter(({ slugs }) => slugs.some((slug) => !whole.has(slug))).map(({ slugs }) => slugs.find((slug) => !whole.has(slug))!);
    const fed = kept.packs.flatMap(({ slugs }) => slugs).find((slug) => whole.has(slug))!;
    const packOf = (slug: string) => kept.packs.findIndex(({ slugs }) => slugs.includes(slug));
    expect(packOf(a!)).not.toBe(packOf(b!));

    // A sentence added: its pack, the shards of its pack's records and of its list entries, the directory.
    await append(articles, a!, 'One more sentence, added after publication.');
    const one = await both();
    expect(one.remembered.patched).toEqual({ articles: ARTICLES, rendered: 1 });
    expect(one.remembered.module).toBe(one.fresh.module);
    expect(one.remembered.files).toEqual(one.fresh.files);
    const packs = (files: readonly string[]) => files.filter((file) => file.startsWith('b/'));
    expect(packs(one.remembered.added)).toHaveLength(1);
    expect(packs(one.remembered.removed)).toEqual([kept.packs[packOf(a!)]!.file.slice(1)]);
    // What it wrote is what changed: every new name in, every old one out, the same count.
    expect(one.remembered.added.length).toBe(one.remembered.removed.length);
    expect(one.remembered.written).toEqual({ moduleChanged: true, written: one.remembered.added.length, removed: one.remembered.removed.length });
    expect(one.remembered.added.length).toBeLessThan(50);

    // Two articles at once, one of them edited again (its stamp too recent to trust).
    await reword(articles, a!);
    await reword(articles, b!);
    const two = await both();
    expect(two.remembered.refused).toBeUndefined();
    expect(two.remembered.patched).toEqual({ articles: ARTICLES, rendered: 2 });
    expect(two.remembered.module).toBe(two.fresh.module);
    expect(two.remembered.files).toEqual(two.fresh.files);
    expect(packs(two.remembered.added)).toHaveLength(2);

    // An article a feed carries: the feed shows its body, so the build takes its full path.
    await append(articles, fed, 'A late addition to a story in the feeds.');
    const feed = await both();
    expect(feed.remembered.patched).toBeNull();
    expect(feed.remembered.refused).toBe(`content/articles/${fed}.md: a feed carries its body`);
    expect(feed.remembered.module).toBe(feed.fresh.module);
    expect(feed.remembered.files).toEqual(feed.fresh.files);

    // A headline changed: lists show it, so the full path; the build after it patches again.
    const file = join(articles, `${b}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "A New Headline for an Old Story"'));
    const headline = await both();
    expect(headline.remembered.refused).toBe(`content/articles/${b}.md: what other documents show of it changed (title)`);
    expect(headline.remembered.module).toBe(headline.fresh.module);
    expect(headline.remembered.files).toEqual(headline.fresh.files);
    await reword(articles, b!);
    const after = await both();
    expect(after.remembered.patched).toEqual({ articles: ARTICLES, rendered: 1 });
    expect(after.remembered.module).toBe(after.fresh.module);
    expect(after.remembered.files).toEqual(after.fresh.files);
  });

  it('patches only the output it kept: another module, a missing file or a new article is a full build', { timeout: 300_000 }, async () => {
    const { root, articles, build } = await project();
    await build('out', CACHE);
    const module = join(root, 'out/content.txt');
    const text = await readFile(module, 'utf8');
    await writeFile(module, `${text} `);
    expect((await build('out', CACHE)).refused).toBe('the output is not the one kept');
    const [pack] = (await readdir(join(root, 'out/assets/b'))).sort();
    await rm(join(root, 'out/assets/b', pack!));
    expect((await build('out', CACHE)).refused).toBe('an output file is missing');
    await writeFile(join(articles, 'breaking-news.md'), '---\ntitle: "Breaking News"\ndatePublished: 2026-12-01T09:00:00Z\nauthors: [{ name: Reporter }]\ntags: [politics]\nlang: en\n---\n\nSomething happened this morning.\n');
    expect((await build('out', CACHE)).refused).toBe('files came or went');
    expect((await build('out', CACHE)).patched).toEqual({ articles: ARTICLES + 1, rendered: 0 });
  });

  it('takes the same path in `npm run dev`, and keeps the edited text as its last good version', { timeout: 300_000 }, async () => {
    const { root, articles } = await project();
    const dev = { EDGEWIRE_DEV: '1' };
    expect(await runBuild(['--root', root], dev)).toMatchObject({ code: 0, stderr: '' });
    const [memory] = await readdir(join(root, CACHE));
    const kept = readDeltaRoot({ dir: join(root, CACHE, memory!), version: await rendererVersion() })!;
    const whole = new Set(kept.whole);
    const slug = kept.packs.flatMap(({ slugs }) => slugs).find((one) => !whole.has(one))!;
    await reword(articles, slug);
    const patched = await runBuild(['--root', root], dev);
    expect(patched).toMatchObject({ code: 0, stderr: '' });
    expect(patched.stdout).toMatch(new RegExp(`^Built ${ARTICLES} article\\(s\\) \\(drafts included\\) in [\\d.]+ s \\(1 rendered, ${ARTICLES - 1} unchanged\\) -> src/generated/content\\.txt, \\.edgewire/assets \\(\\d+ files: \\d+ written, \\d+ removed\\)\\n$`));
    const lastGood = JSON.parse(await readFile(join(root, '.edgewire/dev-last-good/files.json'), 'utf8')) as { files: Record<string, string> };
    const file = `content/articles/${slug}.md`;
    expect(await readFile(join(root, '.edgewire/dev-last-good', `${lastGood.files[file]}.md`), 'utf8')).toBe(await readFile(join(root, file), 'utf8'));
    expect(Object.keys(lastGood.files)).toHaveLength(ARTICLES);
  });
});
