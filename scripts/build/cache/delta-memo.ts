import { serialize } from 'node:v8';
import type { ArticleLine } from '../../../src/store/bundle';
import type { ListedArticle } from '../article';
import type { ListedSources, Stamp } from '../collector';
import { contentHash } from '../hash';
import type { KeptPack } from '../packs';
import type { StoredFile } from '../sink';
import { bucketOf, BUCKETS, keep, keepBucket, readBucket, readKept, type CacheFolder } from './store';

/**
 * What a build keeps so that the next one can patch its output instead of making it again
 * (delta.ts): one file, `delta-0.v8`, describing the output as written (its module, every asset
 * file, its article packs and their articles, the index's size), with every source's stamp; and
 * each article's facts (`facts-<bucket>.v8`, by slug): its file, its pack and where it sits in
 * the lists the index holds. Written by every production build that remembers, after the rest of
 * the memory; read whole by a patch only (a few KB an article, without the archive's metadata).
 */
export interface DeltaRoot {
  /** The build's options that shape its output (options.ts `outputOptions`), hashed. */
  options: string;
  /** represent.ts `settingOf`: the renderer's version, the site's settings, authors and pages. */
  setting: string;
  /** The content module as written, and every asset file (path, bytes) in the order the build gave them. */
  moduleText: string;
  deployed: [string, number][];
  /** The packer's files in order (with the assets' hashes, what the build's hash is made of). */
  written: string[];
  assetHashes: string[];
  /** The article packs, oldest first: the file, its first item's key (the packs memory's key), its articles' slugs in order. */
  packs: { file: string; key: string; slugs: string[] }[];
  /** Every source listed, in order, with its stamp then (null: too recent to trust). */
  sources: string[];
  stamps: (Stamp | null)[];
  /** Every picture the listed articles show, by its place under content/, with its stamp then. */
  pictures: [string, Stamp | null][];
  /** The articles whose bodies a document carries (a feed's entries): an edit to one takes the full path. */
  whole: string[];
  /** The index's records' size and its shard count (index-files.ts `shardCount`). */
  indexBytes: number;
  shards: number;
  /** A hash of each facts bucket as written (only a changed one is written again). */
  facts: string[];
}

/** Where a published article is in the output: its file, its pack (an index into `packs`), and its place, counted from the oldest, in the archive's list and each of its tags'. */
export interface ArticleFacts {
  file: string;
  pack: number;
  all: number;
  tags: [string, number][];
}

const ROOT = 'delta-0.v8';
const FACTS = 'facts';

/** The kinds of file this memory adds to the cache folder (store.ts `removeStrays` keeps them). */
export const DELTA_KINDS = ['delta', FACTS];

export function readDeltaRoot(folder: CacheFolder): DeltaRoot | undefined {
  return readKept<DeltaRoot>(folder, ROOT);
}

export function keepDeltaRoot(folder: CacheFolder, root: DeltaRoot): void {
  keep(folder, ROOT, root);
}

/** One article's facts, from its bucket (read once a patch). */
export function factsReader(folder: CacheFolder): (slug: string) => ArticleFacts | undefined {
  const buckets = new Map<number, Map<string, ArticleFacts>>();
  return (slug) => {
    const bucket = bucketOf(slug);
    if (!buckets.has(bucket)) buckets.set(bucket, readBucket<ArticleFacts>(folder, FACTS, bucket));
    return buckets.get(bucket)!.get(slug);
  };
}

/** What a full build hands over to be kept for patching. */
export interface Patchable {
  options: string;
  setting: string;
  whole: ReadonlySet<string>;
  moduleText: string;
  deployed: readonly StoredFile[];
  indexBytes: number;
  /** The packer's files (output.files) and the assets' hashes. */
  written: readonly StoredFile[];
  assetHashes: string[];
  /** The article lines, newest first, and each tag's line numbers, newest first (the index's). */
  lines: readonly ArticleLine[];
  tags: Record<string, number[]>;
  /** The packs this build wrote or took, by their first item's key. */
  packs: ReadonlyMap<string, KeptPack>;
  listed: ListedSources;
  articles: readonly ListedArticle[];
}

/** Keeps what a full build made, for the next build to patch: the facts buckets that changed, then the root. */
export function keepPatchable(folder: CacheFolder, made: Patchable): void {
  const firstKeys = new Map([...made.packs].map(([key, pack]) => [pack.file.path, key]));
  const packs: DeltaRoot['packs'] = [];
  const packOf = new Map<string, number>();
  // Items are packed oldest first: the last line first.
  for (let line = made.lines.length - 1; line >= 0; line--) {
    const { file, summary } = made.lines[line]!;
    let pack = packOf.get(file);
    if (pack === undefined) {
      packOf.set(file, (pack = packs.length));
      packs.push({ file, key: firstKeys.get(file) ?? '', slugs: [] });
    }
    packs[pack]!.slugs.push(summary.slug);
  }
  const files = new Map(made.articles.map(({ article, file }) => [article.slug, file]));
  const count = made.lines.length;
  const facts = new Map<string, ArticleFacts>(made.lines.map(({ file, summary }, line) => [summary.slug, { file: files.get(summary.slug)!, pack: packOf.get(file)!, all: count - 1 - line, tags: [] }]));
  for (const [tag, lines] of Object.entries(made.tags)) lines.forEach((line, at) => facts.get(made.lines[line]!.summary.slug)!.tags.push([tag, lines.length - 1 - at]));
  const previous = readDeltaRoot(folder);
  const buckets = Array.from({ length: BUCKETS }, () => new Map<string, ArticleFacts>());
  for (const [slug, entry] of facts) buckets[bucketOf(slug)]!.set(slug, entry);
  const hashes = buckets.map((bucket, at) => {
    const hash = contentHash(serialize(bucket).toString('base64'));
    if (previous?.facts[at] !== hash) keepBucket(folder, FACTS, at, bucket);
    return hash;
  });
  const pictures = new Map<string, Stamp | null>();
  for (const { pictures: shown } of made.articles) for (const { place, stamp } of shown) pictures.set(place, stamp);
  keepDeltaRoot(folder, {
    options: made.options,
    setting: made.setting,
    moduleText: made.moduleText,
    deployed: made.deployed.map(({ path, bytes }) => [path, bytes]),
    written: made.written.map(({ path }) => path),
    assetHashes: made.assetHashes,
    packs,
    sources: made.listed.sources.map(({ file }) => file),
    stamps: made.listed.stamps,
    pictures: [...pictures],
    whole: [...made.whole],
    indexBytes: made.indexBytes,
    shards: (JSON.parse(made.moduleText) as { shards: number }).shards,
    facts: hashes,
  });
}
