import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Listed } from '../article';
import type { Catalog } from '../catalog';
import { contentHash } from '../hash';
import type { KeptPack } from '../packs';
import { IndexMemo, type KeptIndex } from './index-memo';
import { LISTING_BUCKETS, ListingMemo } from './listing';
import { PackMemo } from './pack-memo';
import type { KeptRelated } from './related-memo';
import { keep, readKept } from './store';
import { rendererVersion } from './version';

/**
 * What a production build remembers between runs, in one folder (`.edgewire/cache/`, safe to
 * delete): the listing of every source file (cache/listing.ts), every pack it wrote
 * (cache/pack-memo.ts) and every index shard (cache/index-memo.ts), each under the renderer's version (and the listing under the catalog of
 * authors and sections its articles were checked against). Forgotten whole when either changes.
 */
export interface BuildMemory {
  version: string;
  listing: ListingMemo;
  packs: PackMemo;
  index: IndexMemo;
  /** Each article's related articles as the previous build chose them, and as this one does. */
  related: { previous: KeptRelated; next: KeptRelated };
  /** Keeps what this build listed and packed, for the next. */
  save(): void;
}

const LISTING = (bucket: number) => `listing-${bucket}.v8`;
const PACKS = 'packs.v8';
const INDEX = 'index.v8';
const RELATED = 'related.v8';

/** The memory in `dir`; `present` says whether a pack's file is still in the assets folder. */
export async function openMemory(dir: string, catalog: Catalog, present: (path: string) => boolean): Promise<BuildMemory> {
  const version = await rendererVersion();
  const listingFolder = { dir, version: contentHash(version, JSON.stringify([[...catalog.authors], catalog.sections])) };
  const packsFolder = { dir, version };
  const buckets = Array.from({ length: LISTING_BUCKETS }, (_, bucket) => readKept<Map<string, readonly [string, Listed]>>(listingFolder, LISTING(bucket)) ?? []);
  const listing = new ListingMemo(new Map(buckets.flatMap((bucket) => [...bucket])));
  const packs = new PackMemo(readKept<Map<string, KeptPack>>(packsFolder, PACKS) ?? new Map(), present);
  const index = new IndexMemo(readKept<KeptIndex>(packsFolder, INDEX) ?? { shards: new Map(), sizes: new Map() }, present);
  const related = { previous: readKept<KeptRelated>(packsFolder, RELATED) ?? new Map(), next: new Map() };
  return {
    version,
    listing,
    packs,
    index,
    related,
    save: () => {
      keep(packsFolder, RELATED, related.next);
      listing.buckets().forEach(({ entries, changed }, bucket) => changed && keep(listingFolder, LISTING(bucket), entries));
      keep(packsFolder, PACKS, packs.next);
      keep(packsFolder, INDEX, index.next);
    },
  };
}

/** Memories kept side by side (one per output folder: the project's build, each test fixture's, the benchmark's), the most recently used first. */
export const KEPT_MEMORIES = 8;

/** Keeps `dir` and the KEPT_MEMORIES - 1 memories beside it used most recently (its parent's other folders); removes the rest. */
export async function pruneMemories(dir: string, kept = KEPT_MEMORIES): Promise<void> {
  const parent = dirname(dir);
  const names = (await readdir(parent).catch(() => [] as string[])).filter((name) => join(parent, name) !== dir);
  const used = await Promise.all(names.map(async (name) => ({ name, at: (await stat(join(parent, name)).catch(() => null))?.mtimeMs ?? 0 })));
  const stale = used.sort((a, b) => b.at - a.at).slice(kept - 1);
  await Promise.all(stale.map(({ name }) => rm(join(parent, name), { recursive: true, force: true })));
}
