import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus';
import { buildContent } from '../../scripts/build/index';
import { buildStreamed } from '../../scripts/build/writer';
import { tempDir, writeSiteFile } from './helpers';

/**
 * What one edit rewrites: files are named by the hash of their bytes and written only when they
 * are not there already, so a build after an edit writes exactly the files whose bytes changed,
 * and removes the versions they replace.
 */

const ARTICLES = 300;

async function project() {
  const root = await tempDir();
  await writeSiteFile(root);
  await writeCorpus(join(root, 'content/articles'), generateCorpus(ARTICLES));
  const paths = { module: join(root, 'out/content.txt'), assets: join(root, 'out/assets') };
  const build = async () => {
    const { result, written } = await buildStreamed(paths, (sink) => buildContent({ root, sink, cache: '.edgewire/cache' }));
    if (!result.ok || written === null) throw new Error('build failed');
    return { result, written, files: new Set((await readdir(paths.assets, { recursive: true })).filter((name) => name.includes('.')).map((name) => `/${name}`)) };
  };
  return { root, paths, build };
}

const added = (after: ReadonlySet<string>, before: ReadonlySet<string>) => [...after].filter((path) => !before.has(path)).sort();

describe('one edit', () => {
  it("of an article's wording rewrites the files that carry its body, the index shards naming them and the directory, and nothing else", { timeout: 120_000 }, async () => {
    const { root, paths, build } = await project();
    const first = await build();
    // An article in the middle of the archive; one word for another: its summary (and so every list) stays as it was.
    const line = first.result.articles[ARTICLES / 2]!;
    const file = join(root, 'content/articles', `${line.summary.slug}.md`);
    const text = await readFile(file, 'utf8');
    const at = text.lastIndexOf(' the ');
    const [before, after] = [text.slice(at - 30, at), text.slice(at + ' the '.length, at + 30)];
    await writeFile(file, `${text.slice(0, at)} a ${text.slice(at + ' the '.length)}`);
    const second = await build();
    const edited = second.result.articles[ARTICLES / 2]!;
    expect(edited.summary).toEqual(line.summary);
    // Rendered again: the articles of its pack, and no other (the others' packs were taken as they were).
    expect(first.result.rendered).toBe(ARTICLES);
    expect(second.result.rendered).toBe(second.result.articles.filter(({ file }) => file === edited.file).length);
    expect(second.result.rendered).toBeGreaterThan(1);
    const read = (path: string) => readFile(join(paths.assets, path), 'utf8');
    const rewritten = added(second.files, first.files);
    // Body files: the article's pack, and the feeds that carry its HTML.
    const bodies = rewritten.filter((path) => path.startsWith('/b/'));
    const carrying = [];
    for (const path of second.files) if (path.startsWith('/b/') && (await read(path)).includes(`${before} a ${after.slice(0, 10)}`)) carrying.push(path);
    expect(bodies).toEqual(carrying.sort());
    expect(bodies).toContain(edited.file);
    // Index files: the directory, and the shards naming one of those files (its pack's articles' lines, the feeds' pages).
    const { directory } = JSON.parse(await readFile(paths.module, 'utf8')) as { directory: string };
    const naming = [];
    for (const shard of JSON.parse(await read(directory)) as string[]) {
      const records = await read(shard);
      if (bodies.some((path) => records.includes(`"file":"${path}"`))) naming.push(shard);
    }
    expect(rewritten.filter((path) => path.startsWith('/i/'))).toEqual([directory, ...naming].sort());
    expect(second.written).toEqual({ moduleChanged: true, written: rewritten.length, removed: rewritten.length });
    expect(rewritten.length).toBeLessThanOrEqual(50);
  });
});
