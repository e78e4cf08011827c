import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * What a build remembers for the next one, under `.edgewire/cache/` (safe to delete: a missing,
 * unreadable or foreign file is only a full build): one Map per kind, kept in BUCKETS
 * V8-serialized files by a hash of its keys, each stamped with the version it was made under
 * (the renderer's, cache/version.ts, and whatever else its entries depend on). A file of another
 * version is ignored whole. Only the buckets whose entries changed are written again: one edit
 * rewrites a few small files, not the archive's memory.
 */
export interface CacheFolder {
  dir: string;
  version: string;
}

interface Stamped<T> {
  version: string;
  value: T;
}

/** Files a kept Map is spread over. */
export const BUCKETS = 256;

/** A key's bucket: FNV-1a of its UTF-16 code units. */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

export const bucketName = (name: string, bucket: number) => `${name}-${bucket}.v8`;

/** A Map kept as `name`: what the previous build kept (`previous`), and how to keep this build's. */
export class KeptMap<V> {
  private constructor(
    private readonly folder: CacheFolder,
    private readonly name: string,
    readonly previous: Map<string, V>,
    /** The keys read from each bucket. */
    private readonly buckets: readonly (readonly string[])[],
  ) {}

  /** Every bucket of this version (a missing or foreign one holds nothing). */
  static read<V>(folder: CacheFolder, name: string): KeptMap<V> {
    const previous = new Map<string, V>();
    const buckets = Array.from({ length: BUCKETS }, (_, bucket) => {
      const kept = readKept<Map<string, V>>(folder, bucketName(name, bucket)) ?? new Map<string, V>();
      for (const [key, value] of kept) previous.set(key, value);
      return [...kept.keys()];
    });
    return new KeptMap(folder, name, previous, buckets);
  }

  /**
   * Keeps `next`: only the buckets where it differs from `previous`, an entry by `same` (by
   * default the very value taken from `previous`, as a memory hands them back). A key is hashed
   * only when its entry changed, came or went.
   */
  keep(next: ReadonlyMap<string, V>, same: (a: V, b: V) => boolean = Object.is): void {
    const changed = new Set<number>();
    const added = new Map<number, string[]>();
    for (const [key, value] of next) {
      const before = this.previous.get(key);
      if (before !== undefined && same(before, value)) continue;
      const bucket = bucketOf(key);
      changed.add(bucket);
      if (before !== undefined) continue;
      const keys = added.get(bucket);
      if (keys === undefined) added.set(bucket, [key]);
      else keys.push(key);
    }
    for (const key of this.previous.keys()) if (!next.has(key)) changed.add(bucketOf(key));
    for (const bucket of changed) {
      const entries = new Map<string, V>();
      for (const key of [...this.buckets[bucket]!, ...(added.get(bucket) ?? [])]) {
        const value = next.get(key);
        if (value !== undefined) entries.set(key, value);
      }
      keep(this.folder, bucketName(this.name, bucket), entries);
    }
  }
}

/** Removes from `dir` every file but the buckets of `names` (and a build's temp files): what an earlier layout of the memory left. */
export function removeStrays(dir: string, names: readonly string[]): void {
  const bucket = new RegExp(`^(${names.join('|')})-\\d+\\.v8$`);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) if (!bucket.test(entry) && !entry.endsWith('.tmp')) rmSync(join(dir, entry), { recursive: true, force: true });
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

/** One bucket of a kept Map (a missing or foreign one holds nothing): what a build that reads a few entries reads. */
export function readBucket<V>(folder: CacheFolder, name: string, bucket: number): Map<string, V> {
  return readKept<Map<string, V>>(folder, bucketName(name, bucket)) ?? new Map<string, V>();
}

/** Keeps one bucket of a Map whole. */
export function keepBucket<V>(folder: CacheFolder, name: string, bucket: number, entries: ReadonlyMap<string, V>): void {
  keep(folder, bucketName(name, bucket), entries);
}
