import { dirname, join } from 'node:path';
import type { BodyFile } from '../../src/store/bundle';
import { copyAtomically, leftoverTemps, listFiles, realFileSystem, removeAll, writeAtomically, type FileSystem } from './files';
import { FILE_CONCURRENCY, forEachLimited } from './pool';
import { formatProblem } from './problems';
import type { BuildOutput } from './represent';
import { asciiJson } from './ascii-json';
import { indexFiles, type IndexMemory } from './index-files';
import { checkOutput } from './verify';
import type { BuildResult, PatchedBuild } from './index';
import { memorySink, openAssetsSink, type AssetsSink, type BodySink, type CopiedFile, type KeptFile, type StoredFile, type SyncFileSystem } from './sink';

/** The content module's text and every static-asset file of a build (the index's files with their texts, to be written). */
export interface Deployable<F extends StoredFile = KeptFile> {
  moduleText: string;
  /** Body files, the index's files, and the pictures' originals (copied as they are). */
  files: (F | KeptFile | CopiedFile)[];
  /** The index's records' size (index-files.ts `shardCount`: how many shards they take). */
  indexBytes: number;
}

/**
 * A build as it is deployed: the content module's text (a Workers Text module: the runtime hands it
 * over as a string, with no JavaScript to parse) holding only the index header (src/store/shards.ts),
 * and every static-asset file: the body files, the index's directory and its shards. The module is
 * one line of ASCII JSON, a few hundred bytes whatever the archive's size. Deterministic: the output
 * holds no timestamps and its arrays and records are sorted.
 */
export function deployable<F extends StoredFile>(output: Pick<BuildOutput<F>, 'index' | 'articles' | 'files'>): Deployable<F>;
export function deployable<F extends StoredFile>(output: Pick<BuildOutput<F>, 'index' | 'articles' | 'files'>, sink: BodySink<F>, memo?: IndexMemory<F>): Deployable<F>;
/** The index files go through `sink` as they are made (the build's), else they are kept with their text; `memo` offers the shards a previous build wrote. */
export function deployable<F extends StoredFile>(output: Pick<BuildOutput<F>, 'index' | 'articles' | 'files' | 'editions'> & Partial<Pick<BuildOutput<F>, 'search'>>, sink: BodySink<F | KeptFile> = memorySink, memo?: IndexMemory<F | KeptFile>): Deployable<F> {
  const write = (file: BodyFile) => sink.write(file);
  const base = output.editions === undefined ? output : { index: output.index, articles: output.articles.filter(served(output.index)) };
  const { header, files, bytes } = indexFiles(base, undefined, undefined, write, memo, output.search);
  if (output.editions === undefined) return { moduleText: asciiJson(header), files: [...output.files, ...files], indexBytes: bytes };
  // Each edition's index files beside the first's: a shard whose records are the same is the same file.
  const later = output.editions.map(({ from, index, articles }) => ({ from, ...indexFiles({ index, articles }, undefined, undefined, write, undefined, output.search) }));
  const editions = later.map(({ from, header: { directory, shards } }) => ({ from, directory, shards }));
  const indexes = new Map([...files, ...later.flatMap((edition) => edition.files)].map((file) => [file.path, file]));
  return { moduleText: asciiJson({ ...header, editions }), files: [...output.files, ...indexes.values()], indexBytes: Math.max(bytes, ...later.map((edition) => edition.bytes)) };
}

/** Whether an article line is one `index` serves. */
function served(index: BuildOutput['index']): (line: BuildOutput['articles'][number]) => boolean {
  const slugs = new Set(index.slugs);
  return ({ summary }) => slugs.has(summary.slug);
}

/** Where a build goes: the content module (the index) and the static-assets folder (the body files). */
export interface OutputPaths {
  module: string;
  assets: string;
}

export interface WriteSummary {
  /** False when the module already held these bytes and was left alone (no needless reload in dev). */
  moduleChanged: boolean;
  written: number;
  removed: number;
}

/**
 * Writes a build so that the Worker only ever sees the previous output or the new one, whole:
 * 1. new body files beside the old ones (names are content hashes, so a file already there is
 *    already right and is not rewritten), FILE_CONCURRENCY at a time, each whole; a build that
 *    streamed its body files through `streamed` (an AssetsSink) already wrote them: only the
 *    files given with their text (the index's) are written here;
 * 2. the check that every file the new index names is there, whole (the files already there were
 *    checked when they were written: their names are their hashes, so they are taken as they are);
 * 3. the switch: the module replaced by a rename;
 * 4. only then, stale body files removed.
 * A failure before the switch removes the files this build added (the sink's too) and rethrows,
 * leaving the previous output as it was. What a hard kill leaves (temp files, unused body files) is stale to
 * the next build, which removes it.
 */
export async function writeOutput(paths: OutputPaths, moduleText: string, files: readonly OutputFile[], fs: FileSystem = realFileSystem, streamed?: AssetsSink): Promise<WriteSummary> {
  await fs.mkdir(paths.assets, { recursive: true });
  const existing = streamed?.existing ?? (await listFiles(paths.assets, fs));
  const present = new Set(streamed?.added);
  const fresh = files.filter((file): file is KeptFile | CopiedFile => !existing.has(file.path) && !present.has(file.path) && (file.text !== undefined || file.from !== undefined));
  const added: string[] = [...present];
  let moduleChanged: boolean;
  try {
    await writeBodyFiles(paths.assets, fresh, added, fs);
    const problems = await checkOutput(moduleText, paths.assets, { fs, trusted: existing });
    if (problems.length > 0) throw new Error(`the written body files do not match the index:\n${problems.map(formatProblem).join('\n')}`);
    moduleChanged = await switchModule(paths.module, moduleText, fs);
  } catch (error) {
    await removeAll(added.map((path) => join(paths.assets, path)), fs);
    throw error;
  }
  // Files named by their place (the editor's page, config and _headers): replaced, after the switch, when their text changed.
  const replaced = await replaceChanged(paths.assets, files.filter((file): file is OutputFile & { text: string } => file.replace === true && file.text !== undefined && existing.has(file.path)), fs);
  const wanted = new Set(files.map((file) => file.path));
  // Stale: what was there before, and what the sink wrote for a render the build did not keep (a dev build renders again without an oversize article).
  const stale = [...existing, ...present].filter((path) => !wanted.has(path));
  const removed = await removeAll(stale.map((path) => join(paths.assets, path)), fs);
  await removeAll(await leftoverTemps(paths.module, fs), fs);
  return { moduleChanged, written: fresh.length + present.size + replaced, removed };
}

/** Writes each file whose text differs from the one in `dir`; how many it wrote. */
async function replaceChanged(dir: string, files: readonly { path: string; text: string }[], fs: FileSystem): Promise<number> {
  let written = 0;
  for (const { path, text } of files) {
    const current = await fs.readFile(join(dir, path), 'utf8').catch(() => null);
    if (current === text) continue;
    await writeAtomically(join(dir, path), text, fs);
    written++;
  }
  return written;
}

/** A file of the build: with its text (or the file it is a copy of) when it is still to be written, without when a sink wrote it. */
export interface OutputFile {
  path: string;
  text?: string;
  from?: string;
  /** Named by its place, not its bytes (admin.ts): replaced whenever its text changed. */
  replace?: true;
}

/** Writes `files` under `dir`, a few at a time; `added` lists each once it is in place. */
async function writeBodyFiles(dir: string, files: readonly (BodyFile | CopiedFile)[], added: string[], fs: FileSystem): Promise<void> {
  for (const folder of new Set(files.map((file) => dirname(join(dir, file.path))))) await fs.mkdir(folder, { recursive: true });
  await forEachLimited(files, FILE_CONCURRENCY, async (file) => {
    await ('text' in file ? writeAtomically(join(dir, file.path), file.text, fs) : copyAtomically(file.from, join(dir, file.path), fs));
    added.push(file.path);
  });
}

/** Puts the new module in place, unless it already holds these bytes. */
async function switchModule(path: string, text: string, fs: FileSystem): Promise<boolean> {
  const current = await fs.readFile(path, 'utf8').catch(() => null);
  if (current === text) return false;
  await fs.mkdir(dirname(path), { recursive: true });
  await writeAtomically(path, text, fs);
  return true;
}

/** What a streamed build gives: a build's result, or a patch of the previous build (delta.ts). */
export type StreamedResult = BuildResult<StoredFile> | PatchedBuild<StoredFile>;

/** A build that streamed its body files, and what writing it did (nothing when the build failed). */
export interface StreamedBuild<R extends StreamedResult = BuildResult<StoredFile>> {
  result: R;
  written: WriteSummary | null;
}

/**
 * Runs `build` with a sink into the assets folder (each body file written as it is made), then
 * writes the index and switches (writeOutput). A build that throws or fails (bad content, a
 * platform limit) takes back every file its sink added, so the previous output stays as it was.
 */
export async function buildStreamed<R extends StreamedResult = BuildResult<StoredFile>>(paths: OutputPaths, build: (sink: AssetsSink) => Promise<R>, fs: FileSystem = realFileSystem, syncFs?: SyncFileSystem): Promise<StreamedBuild<R>> {
  const sink = await openAssetsSink(paths.assets, fs, syncFs);
  const discard = () => removeAll(sink.added.map((path) => join(paths.assets, path)), fs);
  const result = await build(sink).catch(async (error: unknown) => {
    await discard();
    throw error;
  });
  if (!result.ok) {
    await discard();
    return { result, written: null };
  }
  const { moduleText, files } = result.deployed;
  return { result, written: await writeOutput(paths, moduleText, files, fs, sink) };
}
