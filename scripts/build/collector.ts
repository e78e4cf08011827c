import { lstatSync, readFileSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { join, relative, sep } from 'node:path';
import { articleSizeProblem } from './limits';
import type { Problem } from './problems';

/** A Markdown source file (an article, an author, a page) as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes (used in messages). */
  file: string;
  /** The file name without `.md`: the article's slug (the author's id, the page's slug) before validation. */
  name: string;
  /** The text, with CRLF line endings normalised to LF. */
  text: string;
}

export interface CollectOptions {
  /** Largest source, in bytes; a larger file is reported, not read. */
  maxArticleBytes: number;
  /** A folder with no files builds without them instead of failing. */
  allowEmpty: boolean;
  /** What one file of the folder is, for messages: an article (the default), an author, a page. */
  noun?: string;
  /** A missing folder is no problem (authors, pages): it has no files. */
  optional?: boolean;
}

const ARTICLE_EXTENSION = '.md';
/** A picture's file name (images.ts's formats, and SVG for a logo): not an article, and no problem in an articles folder. */
const PICTURE_NAME = /\.(?:jpe?g|png|webp|avif|gif|svg)$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A path as messages show it: relative to the root, with forward slashes. */
export function displayPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || '.';
}

/**
 * Reads every article under `dir` (subfolders included), sorted by path so the build's output
 * never depends on directory order. Nothing is skipped silently: a file that is not Markdown, a
 * symbolic link, a pipe or a file over the size limit is reported. Dotfiles and dot-folders are
 * ignored, and so are pictures (an article's own are checked when it names them).
 */
export async function collect(dir: string, root: string, options: CollectOptions): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const listed = await listSources(dir, root, options);
  const files: SourceFile[] = [];
  const problems = [...listed.problems];
  for (const source of listed.sources) {
    const read = await readSource(source);
    if ('text' in read) files.push(read);
    else problems.push(read);
  }
  return { files, problems };
}

/**
 * A source file found in a folder, not read yet: its path from the root (for messages), and the
 * root (one string every entry shares: a million entries hold a million paths, not two million).
 */
export interface SourceEntry {
  file: string;
  root: string;
}

/** Where the entry is on disk. */
const entryPath = ({ root, file }: SourceEntry) => join(root, file);

/** The sources of a folder, with the problems of what is not one, and each source's stamp. */
export interface ListedSources {
  sources: SourceEntry[];
  problems: Problem[];
  stamps: (Stamp | null)[];
}

/**
 * Every article under `dir` (subfolders included), sorted by path, as `collect` finds them but
 * unread: a build of a million articles reads each when it needs it and lets it go. Problems
 * that need no reading (not Markdown, a link, too large, no articles at all) are reported here.
 */
export async function listSources(dir: string, root: string, options: CollectOptions): Promise<ListedSources> {
  return (await startListing(dir, root, options)).done;
}

/**
 * listSources in two steps: the folder read (awaited), then each file's stats, in a thread of
 * their own when there are STAT_THREAD_FILES or more (`done`): the build's own thread reads its
 * memory back meanwhile (index.ts), and 100,000 stats take it ~0.4 s.
 */
export async function startListing(dir: string, root: string, options: CollectOptions): Promise<{ done: Promise<ListedSources> }> {
  const folder = displayPath(root, dir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return error.code;
    throw error;
  });
  if (entries === 'ENOENT' && options.optional) return { done: Promise.resolve({ sources: [], problems: [], stamps: [] }) };
  if (typeof entries === 'string') return { done: Promise.resolve({ sources: [], problems: [{ file: folder, field: 'folder', message: entries === 'ENOENT' ? 'not found' : 'is not a folder' }], stamps: [] }) };
  const noun = options.noun ?? 'article';
  // Each entry is a problem found without its stats, or a Markdown file whose stats decide.
  const found: (Problem | { file: string; path: string })[] = [];
  // One relative path a folder, not one a file.
  const folders = new Map<string, string>();
  const folderOf = (parent: string) => folders.get(parent) ?? folders.set(parent, displayPath(root, parent)).get(parent)!;
  for (const { entry, path } of visible(entries, dir)) {
    // Pictures live beside the articles that show them: checked when an article names them (article-images.ts).
    if (PICTURE_NAME.test(entry.name) && entry.isFile()) continue;
    const parent = folderOf(entry.parentPath);
    const file = parent === '.' ? entry.name : `${parent}/${entry.name}`;
    found.push(entryProblem(entry, path, file, noun) ?? { file, path });
  }
  const files = found.filter((item): item is { file: string; path: string } => 'path' in item);
  const stats = statFiles(files.map(({ path }) => path));
  const done = stats.then((figures) => {
    const listed: ListedSources = { sources: [], problems: [], stamps: [] };
    let at = 0;
    for (const item of found) {
      if (!('path' in item)) {
        listed.problems.push(item);
        continue;
      }
      const figure = figures[at++]!;
      const problem = articleSizeProblem(item.file, Number(figure.size), options.maxArticleBytes);
      if (problem !== null) {
        listed.problems.push(problem);
        continue;
      }
      listed.sources.push({ file: item.file, root });
      listed.stamps.push(stampOf(figure));
    }
    // Broken articles are still articles: "no articles" means not one `.md` name in the folder.
    const named = [...listed.sources, ...listed.problems].map(({ file }) => file);
    if (!options.allowEmpty && !options.optional && !named.some((file) => file.endsWith(ARTICLE_EXTENSION))) {
      listed.problems.unshift({ file: folder, field: 'folder', message: 'no articles (build with --allow-empty for an empty site)' });
    }
    return listed;
  });
  // Not awaited until the caller asks: a failure is the caller's, not an unhandled rejection meanwhile.
  done.catch(() => {});
  return { done };
}

/** What a stamp is made of (a file's BigIntStats, or a stat thread's answer). */
export type StampFigures = Pick<BigIntStats, 'size' | 'mtimeNs' | 'mtimeMs' | 'ino'>;

/** From this many files on, their stats are taken in a thread (a thread's start costs ~10 ms of both). */
export const STAT_THREAD_FILES = 4096;

const STAT_THREAD = new URL('./threads/stat.mjs', import.meta.url);

/** Each path's stats, in order (a file that cannot be stated fails the listing, as a stat in this thread would). */
async function statFiles(paths: readonly string[]): Promise<StampFigures[]> {
  if (paths.length < STAT_THREAD_FILES) return paths.map((path) => statSync(path, { bigint: true }));
  const worker = new Worker(STAT_THREAD, { workerData: { paths } });
  try {
    const [answers] = (await once(worker, 'message')) as [(StampFigures | { error: string })[]];
    return answers.map((answer) => {
      if ('error' in answer) throw new Error(answer.error);
      return answer;
    });
  } finally {
    await worker.terminate();
  }
}

/** A listed source's text (CRLF line endings normalised to LF), or why it cannot be read as one. */
export async function readSource(source: SourceEntry): Promise<SourceFile | Problem> {
  return sourceText(source, await readFile(entryPath(source)));
}

/** readSource, synchronously: for a stage that must have the text back at once (render, after the list is made). */
export function readSourceSync(source: SourceEntry): SourceFile | Problem {
  return sourceText(source, readFileSync(entryPath(source)));
}

function sourceText({ file }: SourceEntry, bytes: Uint8Array): SourceFile | Problem {
  const text = decode(bytes);
  const name = file.slice(file.lastIndexOf('/') + 1, -ARTICLE_EXTENSION.length);
  return text === null ? { file, field: 'file', message: 'is not valid UTF-8 text' } : { file, name, text: text.replaceAll('\r\n', '\n') };
}

/** Entries but folders (their files are listed too), sorted by path, without dotfiles and dot-folders. */
function visible(entries: readonly Dirent[], dir: string): { entry: Dirent; path: string }[] {
  // Whether a folder is hidden, or inside one: asked once a folder, not once a file.
  const hiddenFolders = new Map<string, boolean>();
  const hiddenFolder = (folder: string) => {
    let hidden = hiddenFolders.get(folder);
    if (hidden === undefined) hiddenFolders.set(folder, (hidden = relative(dir, folder).split(sep).some((part) => part.startsWith('.'))));
    return hidden;
  };
  return entries
    .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.') && !hiddenFolder(entry.parentPath))
    .map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * What says a file is as it was: its size, modification time (ns) and inode. A build that
 * remembers (cache/listing.ts) takes back what it made of a file while its stamp is unchanged.
 */
export type Stamp = string;

/** A file changed this recently may change again within the same tick of the clock: no stamp (git's "racily clean" files). */
const SETTLED_MS = 2000;

/** The file's stamp, or null when it changed too recently to trust one. */
export function stampOf(stats: StampFigures): Stamp | null {
  return Date.now() - Number(stats.mtimeMs) < SETTLED_MS ? null : `${stats.size}:${stats.mtimeNs}:${stats.ino}`;
}

/**
 * The stamp of the name `path` (a symbolic link's own, not its target's: lstat, as images.ts
 * stamps a picture before reading it), or null when it is missing or changed too recently to trust one.
 */
export function fileStamp(path: string): Stamp | null {
  const stats = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  return stats === undefined ? null : stampOf(stats);
}

/** What a symbolic link points at, if anything. */
function linkTarget(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Why an entry is not read as an article, found without its stats (its size is checked once they are taken); null for a Markdown file. */
function entryProblem(entry: Dirent, path: string, file: string, noun: string): Problem | null {
  if (entry.isSymbolicLink()) {
    const target = linkTarget(path);
    const what = PICTURE_NAME.test(entry.name) && !target?.isDirectory() ? 'picture' : noun;
    return { file, field: target?.isDirectory() ? 'folder' : 'file', message: `is a symbolic link; symbolic links are not followed (put the ${what} file itself in the ${noun}s folder)` };
  }
  const one = `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
  if (!entry.isFile()) return { file, field: 'file', message: `is ${kind(entry)}, not a regular file; ${one} is a Markdown file` };
  if (!entry.name.endsWith(ARTICLE_EXTENSION)) return { file, field: 'file', message: `not ${one}: ${noun}s are Markdown files ending in ${ARTICLE_EXTENSION}` };
  return null;
}

function kind(entry: Dirent): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  return 'a device';
}

/** UTF-8 text, or null when the bytes are not UTF-8 (never replaced silently with U+FFFD). */
function decode(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
