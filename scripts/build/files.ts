import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { FILE_CONCURRENCY, forEachLimited } from './pool';

/**
 * The file operations the writer is made of. Everything goes through a `FileSystem` so a test
 * can pass one that fails part-way (a full disk, a read-only folder) and watch what is left.
 */
export type FileSystem = Pick<typeof nodeFs, 'mkdir' | 'readdir' | 'readFile' | 'writeFile' | 'copyFile' | 'rename' | 'rm'>;

export const realFileSystem: FileSystem = nodeFs;

/** The temp file a write goes to first: beside its target (same file system, so rename is atomic), hidden. */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Writes `path` whole or not at all. The text goes to a temp file beside it, then rename(2)
 * puts it in place: "If newpath already exists, it will be atomically replaced, so that there is
 * no point at which another process attempting to access newpath will find it missing" (POSIX).
 */
export async function writeAtomically(path: string, text: string, fs: FileSystem): Promise<void> {
  await atomically(path, (temp) => fs.writeFile(temp, text), fs);
}

/** Copies `from` to `path` whole or not at all, as writeAtomically writes. */
export async function copyAtomically(from: string, path: string, fs: FileSystem): Promise<void> {
  await atomically(path, (temp) => fs.copyFile(from, temp, constants.COPYFILE_FICLONE), fs);
}

/** `make` fills a temp file beside `path`, which then takes its place. */
async function atomically(path: string, make: (temp: string) => Promise<void>, fs: FileSystem): Promise<void> {
  const temp = tempPath(path);
  try {
    await make(temp);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Temp files a killed build left beside `path` (any process's). */
export async function leftoverTemps(path: string, fs: FileSystem): Promise<string[]> {
  const prefix = `.${basename(path)}.`;
  const names = await fs.readdir(dirname(path)).catch(() => []);
  return names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => join(dirname(path), name));
}

/** Every file under `dir`, as `/sub/name` paths (the form body files are named by). */
export async function listFiles(dir: string, fs: FileSystem): Promise<Set<string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((entry) => entry.isFile()).map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`));
}

/** Removes `paths`, a few at a time, ignoring failures (a leftover is removed by the next build); returns how many went. */
export async function removeAll(paths: readonly string[], fs: FileSystem): Promise<number> {
  let removed = 0;
  await forEachLimited(paths, FILE_CONCURRENCY, async (path) => {
    await fs.rm(path, { force: true }).then(
      () => void (removed += 1),
      () => undefined,
    );
  });
  return removed;
}
