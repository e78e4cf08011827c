import { readdir, rm, stat } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Catalog } from '../catalog';
import { fileStamp, type Stamp } from '../collector';
import { contentHash } from '../hash';
import type { KeptPack } from '../packs';
import type { StoredFile } from '../sink';
import { IndexMemo } from './index-memo';
import { ListingMemo, type ListingEntry } from './listing';
import { PackMemo } from './pack-memo';
import { sameRelated, type KeptRelated, type RelatedEntry } from './related-memo';
import { KeptMap, removeStrays, type CacheFolder } from './store';
import { DELTA_KINDS } from './delta-memo';
import { rendererVersion } from './version';

/**
 * What a build remembers between runs, in one folder (`.edgewire/cache/<…>/`, safe to
 * delete): the listing of every source file (cache/listing.ts), every pack it wrote
 * (cache/pack-memo.ts), every index shard and record size (cache/index-memo.ts) and each article's
 * related articles (cache/related-memo.ts), each a Map kept by the bucket (cache/store.ts) under
 * the renderer's version (and the listing under the catalog of authors and sections its articles
 * were checked against). Forgotten whole when either changes.
 */
export interface BuildMemory {
  version: string;
  /** Where it is kept, under `version`. */
  folder: CacheFolder;
  listing: ListingMemo;
  packs: PackMemo;
  index: IndexMemo;
  /** Each article's related articles as the previous build chose them, and as this one does. */
  related: { previous: KeptRelated; next: KeptRelated };
  /** Keeps what this build listed and packed, for the next. */
  save(): void;
}

export const LISTING = 'listing';
export const PACKS = 'packs';
const SHARDS = 'shards';
const SIZES = 'sizes';
export const RELATED = 'related';
const KINDS = [LISTING, PACKS, SHARDS, SIZES, RELATED];

/** The memory's folders: the listing's is stamped with the catalog its articles were checked against too. */
export function memoryFolders(dir: string, version: string, catalog: Catalog): { listingFolder: CacheFolder; packsFolder: CacheFolder } {
  return { listingFolder: { dir, version: contentHash(version, JSON.stringify([[...catalog.authors], catalog.sections])) }, packsFolder: { dir, version } };
}

/** The memory in `dir`; `present` says whether a pack's file is still in the assets folder. */
export async function openMemory(dir: string, catalog: Catalog, present: (path: string) => boolean): Promise<BuildMemory> {
  const version = await rendererVersion();
  const { listingFolder, packsFolder } = memoryFolders(dir, version, catalog);
  const kept = {
    listing: KeptMap.read<ListingEntry>(listingFolder, LISTING),
    packs: KeptMap.read<KeptPack>(packsFolder, PACKS),
    shards: KeptMap.read<StoredFile>(packsFolder, SHARDS),
    sizes: KeptMap.read<number>(packsFolder, SIZES),
    related: KeptMap.read<RelatedEntry>(packsFolder, RELATED),
  };
  const content = catalog.content?.dir;
  const listing = new ListingMemo(kept.listing.previous, (place) => (content === undefined ? null : pictureStamp(content, place)));
  const packs = new PackMemo(kept.packs.previous, present);
  const index = new IndexMemo({ shards: kept.shards.previous, sizes: kept.sizes.previous }, present);
  const related = { previous: kept.related.previous, next: new Map() };
  return {
    version,
    folder: packsFolder,
    listing,
    packs,
    index,
    related,
    save: () => {
      kept.related.keep(related.next, sameRelated);
      kept.listing.keep(listing.next);
      kept.packs.keep(packs.next);
      kept.shards.keep(index.next.shards, (a, b) => a.path === b.path);
      kept.sizes.keep(index.next.sizes);
      removeStrays(dir, [...KINDS, ...DELTA_KINDS]);
    },
  };
}

/**
 * A picture's stamp as the listing remembers it (collector.ts `fileStamp`, of the name itself, not
 * what a link points at), or null when it is no longer a file under content/ reached without a
 * link out: moved out and linked back, or its folder replaced by a link, it is checked again.
 */
export function pictureStamp(content: string, place: string): Stamp | null {
  const path = join(content, place);
  try {
    return realpathSync(path).startsWith(realpathSync(content) + sep) ? fileStamp(path) : null;
  } catch {
    return null;
  }
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
