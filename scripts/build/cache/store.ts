import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * What a build remembers for the next one, under `.edgewire/cache/` (safe to delete: a missing,
 * unreadable or foreign file is only a full build): one file per kind, V8-serialized, stamped
 * with the version it was made under (the renderer's, cache/version.ts, and whatever else its
 * entries depend on). A file of another version is ignored whole.
 */
export interface CacheFolder {
  dir: string;
  version: string;
}

interface Stamped<T> {
  version: string;
  value: T;
}

/** The value kept as `name`, if there is one of this version. */
export function readKept<T>({ dir, version }: CacheFolder, name: string): T | undefined {
  try {
    const kept = deserialize(readFileSync(join(dir, name))) as Partial<Stamped<T>> | null;
    return kept?.version === version ? kept.value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `value` as `name`, whole or not at all (a temp file renamed over it); a failed write is only a miss next time. */
export function keep<T>({ dir, version }: CacheFolder, name: string, value: T): void {
  const path = join(dir, name);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, serialize({ version, value } satisfies Stamped<T>));
    renameSync(temp, path);
  } catch {
    rmSync(temp, { force: true });
  }
}
