import * as syncFs from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus';
import type { FileSystem } from '../../scripts/build/files';
import { FILE_CONCURRENCY } from '../../scripts/build/pool';
import { buildContent } from '../../scripts/build/index';
import { formatProblem } from '../../scripts/build/problems';
import { checkBuildOutput } from '../../scripts/build/verify';
import type { Plan, PlanLimits } from '../../scripts/build/platform-limits';
import type { SyncFileSystem } from '../../scripts/build/sink';
import { buildStreamed, deployable, writeOutput, type OutputPaths } from '../../scripts/build/writer';
import { readWholeIndex, type IndexHeader } from '../../src/store/shards';
import { fixture, projectRoot, run, snapshot, tempDir, writeSiteFile } from './helpers';

/** Builds the articles under `root` and writes them to `paths` through `fileSystem`. */
async function buildAndWrite(root: string, paths: OutputPaths, fileSystem?: FileSystem) {
  const result = await buildContent({ root });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  const { moduleText, files } = deployable(result);
  return writeOutput(paths, moduleText, files, fileSystem);
}

/** A previous build (the good fixture) in a temp folder, and a bigger next build's content beside it. */
async function previousBuild() {
  const dir = await tempDir();
  const paths = { module: join(dir, 'out/content.txt'), assets: join(dir, 'assets') };
  await buildAndWrite(fixture('good'), paths);
  const next = join(dir, 'next');
  await writeSiteFile(next);
  await writeCorpus(join(next, 'content/articles'), generateCorpus(40));
  return { paths, next, before: await snapshot(join(dir, 'out'), paths.assets), after: () => snapshot(join(dir, 'out'), paths.assets) };
}

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });

describe('writing a build', () => {
  it('leaves the previous build byte-identical when a write fails part-way', async () => {
    const { paths, next, before, after } = await previousBuild();
    let writes = 0;
    const failing: FileSystem = {
      ...fs,
      writeFile: async (...args: Parameters<typeof fs.writeFile>) => {
        if (++writes > 10) throw diskFull();
        return fs.writeFile(...args);
      },
    };
    await expect(buildAndWrite(next, paths, failing)).rejects.toThrow('ENOSPC: no space left on device (injected)');
    expect(writes).toBeGreaterThan(10);
    expect(await after()).toEqual(before);
  });

  it('leaves the previous build byte-identical when the switch itself fails', async () => {
    const { paths, next, before, after } = await previousBuild();
    const failing: FileSystem = {
      ...fs,
      rename: async (from: fs.FileHandle | string | Buffer | URL, to: string | Buffer | URL) => {
        if (String(to) === paths.module) throw diskFull();
        return fs.rename(String(from), to);
      },
    };
    await expect(buildAndWrite(next, paths, failing)).rejects.toThrow('injected');
    expect(await after()).toEqual(before);
  });

  it('never switches to an index whose files are not whole: a short write is caught and undone', async () => {
    const { paths, next, before, after } = await previousBuild();
    let writes = 0;
    const shortWrite: FileSystem = {
      ...fs,
      writeFile: async (path: Parameters<typeof fs.writeFile>[0], data: Parameters<typeof fs.writeFile>[1]) => {
        writes += 1;
        return fs.writeFile(path, writes === 5 && typeof data === 'string' ? data.slice(0, data.length / 2) : data);
      },
    };
    const failure = await buildAndWrite(next, paths, shortWrite).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^the written body files do not match the index:\n.+\/assets\/b\/[\w-]{22}\.txt: file: is \d+ characters long; the index expects \d+$/);
    expect(await after()).toEqual(before);
  });

  it('switches to the new build, then removes the stale files and any temp file a killed build left', async () => {
    const { paths, next } = await previousBuild();
    await fs.writeFile(join(paths.assets, 'b/.orphan.txt.123.tmp'), 'left by a hard kill');
    await fs.writeFile(join(paths.module, '../.content.txt.123.tmp'), 'left by a hard kill');
    // 40 articles in 3 packs, the home page's pack (its front and archive page 1) and the documents
    // written (the tag index, 51 tag pages, 3 feeds for the site and for each of the corpus's 51
    // tags, the sitemap, the news sitemap, robots.txt with llms.txt, /authors with /api/authors,
    // now empty: 212 files); the 404 page, the favicon, the OpenAPI document and /corrections (none
    // in either build), which the content does not change, the previous build already wrote. Its
    // one article pack and home page pack are stale, and so are 20 of its document files (the tag
    // index, 2 tag pages, the feeds of the site and of 2 tags, 3 more; /authors, jane-doe's pages
    // and her 3 feeds) and the orphan. The index: its directory and 8 shards written (4 before the
    // search's records were in it), the previous build's directory and one shard stale.
    expect(await buildAndWrite(next, paths)).toEqual({ moduleChanged: true, written: 3 + 1 + 212 + 9, removed: 2 + 20 + 1 + 2 });
    expect(await fs.readdir(join(paths.module, '..'))).toEqual(['content.txt']);
    expect(await fs.readdir(join(paths.assets, 'b'))).toHaveLength(3 + 1 + 212 + 4);
    expect(await checkBuildOutput(paths.module, paths.assets)).toEqual([]);
  });

  it('writes hundreds of files with a low open-file limit (ulimit -n 256)', { timeout: 120_000 }, async () => {
    const root = await tempDir();
    await writeSiteFile(root);
    await writeCorpus(join(root, 'content/articles'), generateCorpus(600));
    const limited = await run('bash', ['-c', `ulimit -n 256 && "$0" --import tsx scripts/build.ts --root '${root}'`, process.execPath]);
    // 600 articles in 39 packs, the home page's pack, the 404 page, the favicon, the tag index, 63
    // tag pages' packs, 195 feed and crawler files (3 feeds for the site and for each of 63 tags, 3
    // more), the OpenAPI document, /authors (with /api/authors) and /corrections: 304 body files,
    // and the index's directory and 64 shards: 369 files, where writing them all at once failed
    // with EMFILE (when each article had a file of its own: 917).
    expect(limited).toMatchObject({ code: 0, stderr: '' });
    expect(limited.stdout).toMatch(/^Built 600 article\(s\) in [\d.]+ s -> src\/generated\/content\.txt, \.edgewire\/assets \(369 files: 369 written, 0 removed\)\n$/);
    expect(await checkBuildOutput(join(root, 'src/generated/content.txt'), join(root, '.edgewire/assets'))).toEqual([]);
  });

  it('has at most FILE_CONCURRENCY files open at once, writing and checking', async () => {
    const { paths, next } = await previousBuild();
    let open = 0;
    let most = 0;
    const counted = <A extends unknown[], R>(operation: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      most = Math.max(most, ++open);
      return operation(...args).finally(() => void (open -= 1));
    };
    const counting: FileSystem = { ...fs, writeFile: counted(fs.writeFile), readFile: counted(fs.readFile) as FileSystem['readFile'] };
    await buildAndWrite(next, paths, counting);
    expect(most).toBe(FILE_CONCURRENCY);
  });
});

describe('writing a build as it is made (the assets sink)', () => {
  /** Builds `root` streaming its body files into `paths` (as the build command does); the sink's writes go through `syncFs`. */
  const streamed = (root: string, paths: OutputPaths, options: { syncFs?: SyncFileSystem; platformLimits?: Record<Plan, PlanLimits> } = {}) => {
    let added: readonly string[] = [];
    const run = buildStreamed(paths, (sink) => ((added = sink.added), buildContent({ root, sink, ...(options.platformLimits === undefined ? {} : { platformLimits: options.platformLimits }) })), fs, options.syncFs);
    return { run, added: () => added };
  };

  it('writes every body file while rendering, keeps only its path and size, and leaves a build the check finds whole', async () => {
    const { paths, next } = await previousBuild();
    const { run } = streamed(next, paths);
    const { result, written } = await run;
    if (!result.ok) throw new Error('build failed');
    expect(result.files.every((file) => Object.keys(file).sort().join() === 'bytes,path')).toBe(true);
    // As the in-memory build writes it (3 article packs, the home page, 212 documents, the index's 9 files; 24 stale).
    expect(written).toEqual({ moduleChanged: true, written: 3 + 1 + 212 + 9, removed: 2 + 20 + 2 });
    expect(await checkBuildOutput(paths.module, paths.assets)).toEqual([]);
  });

  it('leaves the previous build byte-identical when a body write fails mid-build', async () => {
    const { paths, next, before, after } = await previousBuild();
    let writes = 0;
    const failing: SyncFileSystem = {
      ...syncFs,
      writeFileSync: (...args: Parameters<typeof syncFs.writeFileSync>) => {
        if (++writes > 10) throw diskFull();
        return syncFs.writeFileSync(...args);
      },
    };
    const { run, added } = streamed(next, paths, { syncFs: failing });
    await expect(run).rejects.toThrow('ENOSPC: no space left on device (injected)');
    expect(added()).toHaveLength(10);
    expect(await after()).toEqual(before);
  });

  it('takes back what it wrote when the finished build fails (a platform limit), leaving the previous build byte-identical', async () => {
    const { paths, next, before, after } = await previousBuild();
    const limit = { figure: 5, unit: 'files', source: 'https://docs.example/files' } as const;
    const bytes = { figure: 1 << 20, unit: 'bytes', source: 'https://docs.example/size' } as const;
    const { run, added } = streamed(next, paths, { platformLimits: { free: { assetFiles: limit, moduleBytes: bytes }, paid: { assetFiles: limit, moduleBytes: bytes } } });
    const { result, written } = await run;
    expect(result.ok).toBe(false);
    expect(written).toBeNull();
    expect(added().length).toBeGreaterThan(200);
    expect(await after()).toEqual(before);
  });
});

describe('the output check', () => {
  it('finds a whole build whole: every file the seed fixture\'s content.txt names is in its assets', async () => {
    const dir = await tempDir();
    const paths = { module: join(dir, 'content.txt'), assets: join(dir, 'assets') };
    await buildAndWrite(join(projectRoot, 'tests/fixtures/seed'), paths);
    expect(await checkBuildOutput(paths.module, paths.assets)).toEqual([]);
  });

  it('names each missing, cut or altered body file', async () => {
    const dir = await tempDir();
    const paths = { module: join(dir, 'content.txt'), assets: join(dir, 'assets') };
    await buildAndWrite(fixture('good'), paths);
    const moduleText = await fs.readFile(paths.module, 'utf8');
    const header = JSON.parse(moduleText) as IndexHeader;
    const index = await readWholeIndex(header, (path) => fs.readFile(join(paths.assets, path), 'utf8'));
    const [home, notFound] = [join(paths.assets, index.home[0]!.file), join(paths.assets, header.notFound.file)];
    const homeText = await fs.readFile(home, 'utf8');
    await fs.writeFile(home, homeText.slice(0, 100));
    await fs.writeFile(notFound, (await fs.readFile(notFound, 'utf8')).replace('Page not found', 'Page NOT found'));
    const article = join(paths.assets, index.articles[0]!.file);
    await fs.rm(article);
    expect((await checkBuildOutput(paths.module, paths.assets)).map(formatProblem).sort()).toEqual(
      [
        `${home}: file: is 100 characters long; the index expects ${homeText.length}`,
        `${notFound}: file: does not hold the bytes its name is the hash of`,
        `${article}: file: is missing; the index names it`,
      ].sort(),
    );
    // The index's own files: a shard missing or altered is named, and nothing further is checked.
    const shard = join(paths.assets, index.indexFiles[1]!);
    const shardText = await fs.readFile(shard, 'utf8');
    await fs.writeFile(shard, shardText.replace('second-story', 'second-stork'));
    expect((await checkBuildOutput(paths.module, paths.assets)).map(formatProblem)).toEqual([`${shard}: file: does not hold the bytes its name is the hash of`]);
    await fs.rm(shard);
    expect((await checkBuildOutput(paths.module, paths.assets)).map(formatProblem)).toEqual([`${shard}: file: is missing; the index names it`]);
    await fs.writeFile(paths.module, `${moduleText}\n{"file":"../../etc/passwd"}`);
    expect((await checkBuildOutput(paths.module, paths.assets)).map(formatProblem)).toEqual([`${paths.module}: line 1: is not the content index header`]);
  });
});

