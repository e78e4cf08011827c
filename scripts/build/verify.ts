import { join } from 'node:path';
import { z } from 'zod';
import type { IndexHeader, RecordTypes, Shard } from '../../src/store/shards';
import { realFileSystem, type FileSystem } from './files';
import { FILE_CONCURRENCY, forEachLimited } from './pool';
import type { Problem } from './problems';
import { contentHash } from './represent';

/**
 * The consistency check between the index and the assets: the content module is the index header,
 * every index file it leads to (the directory, the shards) is there and holds the bytes its name is
 * the hash of, and every body file the index names (pages, documents, withdrawal pages, each
 * article's file) is in the assets folder, whole. The writer runs it before the switch, so an index
 * that names a missing or partial file is never put in place.
 */

const filePath = z.string().regex(/^\/[bi]\/[\w-]{22}\.(txt|json)$/, 'must be an asset path, /b/<hash>.txt or /i/<hash>.json');
const page = z.object({ file: filePath, start: z.int().nonnegative(), end: z.int().nonnegative(), hash: z.string() });
const edition = z.object({ from: z.iso.datetime(), directory: filePath, shards: z.int().positive() });
const header = z.object({ build: z.string(), directory: filePath, shards: z.int().positive(), notFound: page, assets: z.array(z.unknown()), embed: z.object({ siteName: z.string(), resizer: z.string() }), editions: z.array(edition).optional() });

/** Every directory the header leads to: the index's, and each later edition's. */
const directories = (indexHeader: IndexHeader): string[] => [indexHeader.directory, ...(indexHeader.editions ?? []).map(({ directory }) => directory)];

/**
 * Each body file the index names, with the end of its last body (the file's length in UTF-16
 * code units): the shards read one at a time, so an index of gigabytes is never in memory whole.
 */
async function referencedFiles(indexHeader: IndexHeader, read: (path: string) => Promise<string>): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const refer = ({ file, end }: { file: string; end: number }) => files.set(file, Math.max(end, files.get(file) ?? 0));
  refer(indexHeader.notFound);
  // Editions share the shards whose records are the same: each read once.
  const shards = new Set<string>();
  for (const directory of directories(indexHeader)) for (const path of JSON.parse(await read(directory)) as string[]) shards.add(path);
  for (const path of shards) {
    for (const [key, value] of Object.entries(JSON.parse(await read(path)) as Shard)) {
      const kind = key.slice(0, 2);
      if (kind === 'd:') for (const stored of (value as RecordTypes['d']).pages) refer(stored);
      else if (kind === 'g:') refer((value as RecordTypes['g']).page);
      else if (kind === 'a:') {
        const line = value as RecordTypes['a'];
        refer({ file: line.file, end: Math.max(...[line.json, line.html, line.markdown, line.embed].map(([, last]) => last)) });
      }
    }
  }
  return files;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What is wrong with the bytes at `path` (length when known, name against hash), or null. */
function bytesProblem(file: string, path: string, text: string, length?: number): Problem | null {
  if (length !== undefined && text.length !== length) return { file, field: 'file', message: `is ${text.length} characters long; the index expects ${length}` };
  const [, folder, extension] = /^\/(\w)\/[\w-]+\.(\w+)$/.exec(path) ?? [];
  if (`/${folder}/${contentHash(text)}.${extension}` !== path) return { file, field: 'file', message: 'does not hold the bytes its name is the hash of' };
  return null;
}

/** Problems with one file: missing, unreadable, of another length than the index says, or not the bytes its name hashes. */
async function fileProblem(assetsDir: string, path: string, length: number | undefined, fs: FileSystem): Promise<Problem | null> {
  const file = join(assetsDir, path);
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) return { file, field: 'file', message: bytes.code === 'ENOENT' ? 'is missing; the index names it' : `cannot be read (${bytes.code ?? bytes.message})` };
  return bytesProblem(file, path, bytes.toString('utf8'), length);
}

/**
 * The body files the index behind the header names, read from the assets folder; a problem when
 * one of its files is missing or not itself. A trusted shard is not read (its files were checked
 * with it): an empty one stands in for it.
 */
async function indexReferences(indexHeader: IndexHeader, assetsDir: string, fs: FileSystem, trusted: ReadonlySet<string>): Promise<Map<string, number> | Problem> {
  let failed: Problem | null = null;
  const leads = new Set(directories(indexHeader));
  const read = async (path: string) => {
    if (trusted.has(path) && !leads.has(path)) return '{}';
    const problem = filePath.safeParse(path).success ? await fileProblem(assetsDir, path, undefined, fs) : { file: path, field: 'file', message: 'is not an index file path' };
    if (problem !== null) throw (failed = problem);
    return fs.readFile(join(assetsDir, path), 'utf8');
  };
  try {
    return await referencedFiles(indexHeader, read);
  } catch (error) {
    return failed ?? { file: join(assetsDir, indexHeader.directory), field: 'index', message: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * Checks the content module's text against the assets folder; every problem, or none. `trusted`
 * files (what the folder held before a build: each was written whole under the hash of its bytes,
 * and checked then, with every file it names) are taken as they are, so a build that changed a
 * few files reads those few, not the archive.
 */
export async function checkOutput(moduleText: string, assetsDir: string, options: { label?: string; fs?: FileSystem; trusted?: ReadonlySet<string> } = {}): Promise<Problem[]> {
  const { label = 'content module', fs = realFileSystem, trusted = new Set<string>() } = options;
  const parsed = header.safeParse(parseJson(moduleText));
  if (!parsed.success) return [{ file: label, field: 'line 1', message: 'is not the content index header' }];
  const referenced = await indexReferences(parsed.data as IndexHeader, assetsDir, fs, trusted);
  if (!(referenced instanceof Map)) return [referenced];
  const found: Problem[] = [];
  const unchecked = [...referenced].filter(([path]) => !trusted.has(path));
  await forEachLimited(unchecked, FILE_CONCURRENCY, async ([path, length]) => {
    const problem = await fileProblem(assetsDir, path, length, fs);
    if (problem !== null) found.push(problem);
  });
  return found.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Checks a written build: the content module at `modulePath` against the assets folder. */
export async function checkBuildOutput(modulePath: string, assetsDir: string): Promise<Problem[]> {
  return checkOutput(await realFileSystem.readFile(modulePath, 'utf8'), assetsDir, { label: modulePath });
}
