import { dirname, join } from 'node:path';
import type { BodyFile } from '../../src/store/bundle';
import { leftoverTemps, listFiles, realFileSystem, removeAll, writeAtomically, type FileSystem } from './files';
import { FILE_CONCURRENCY, forEachLimited } from './pool';
import { formatProblem } from './problems';
import type { BuildOutput } from './represent';
import { asciiJson } from './ascii-json';
import { indexFiles } from './index-files';
import { checkOutput } from './verify';

/** The content module's text and every static-asset file of a build. */
export interface Deployable {
  moduleText: string;
  files: BodyFile[];
}

/**
 * A build as it is deployed: the content module's text (a Workers Text module: the runtime hands it
 * over as a string, with no JavaScript to parse) holding only the index header (src/store/shards.ts),
 * and every static-asset file: the body files, the index's directory and its shards. The module is
 * one line of ASCII JSON, a few hundred bytes whatever the archive's size. Deterministic: the output
 * holds no timestamps and its arrays and records are sorted.
 */
export function deployable(output: Pick<BuildOutput, 'index' | 'articles' | 'files'>): Deployable {
  const { header, files } = indexFiles(output);
  return { moduleText: asciiJson(header), files: [...output.files, ...files] };
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
 *    already right and is not rewritten), FILE_CONCURRENCY at a time, each whole;
 * 2. the check that every file the new index names is there, whole;
 * 3. the switch: the module replaced by a rename;
 * 4. only then, stale body files removed.
 * A failure before the switch removes the files this build added and rethrows, leaving the
 * previous output as it was. What a hard kill leaves (temp files, unused body files) is stale to
 * the next build, which removes it.
 */
export async function writeOutput(paths: OutputPaths, moduleText: string, files: readonly BodyFile[], fs: FileSystem = realFileSystem): Promise<WriteSummary> {
  await fs.mkdir(paths.assets, { recursive: true });
  const existing = await listFiles(paths.assets, fs);
  const fresh = files.filter((file) => !existing.has(file.path));
  const added: string[] = [];
  let moduleChanged: boolean;
  try {
    await writeBodyFiles(paths.assets, fresh, added, fs);
    const problems = await checkOutput(moduleText, paths.assets, { fs });
    if (problems.length > 0) throw new Error(`the written body files do not match the index:\n${problems.map(formatProblem).join('\n')}`);
    moduleChanged = await switchModule(paths.module, moduleText, fs);
  } catch (error) {
    await removeAll(added.map((path) => join(paths.assets, path)), fs);
    throw error;
  }
  const wanted = new Set(files.map((file) => file.path));
  const removed = await removeAll([...existing].filter((path) => !wanted.has(path)).map((path) => join(paths.assets, path)), fs);
  await removeAll(await leftoverTemps(paths.module, fs), fs);
  return { moduleChanged, written: fresh.length, removed };
}

/** Writes `files` under `dir`, a few at a time; `added` lists each once it is in place. */
async function writeBodyFiles(dir: string, files: readonly BodyFile[], added: string[], fs: FileSystem): Promise<void> {
  for (const folder of new Set(files.map((file) => dirname(join(dir, file.path))))) await fs.mkdir(folder, { recursive: true });
  await forEachLimited(files, FILE_CONCURRENCY, async (file) => {
    await writeAtomically(join(dir, file.path), file.text, fs);
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
