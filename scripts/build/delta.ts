import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleLine, Span } from '../../src/store/bundle';
import { ALL_ARTICLES, keys, LIST_CHUNK, shardOf, type ListChunk, type Shard } from '../../src/store/shards';
import type { Listed, ListResult } from './article';
import { railShown } from './article';
import { asciiJson } from './ascii-json';
import type { ListedSources, SourceEntry } from './collector';
import { factsReader, keepDeltaRoot, readDeltaRoot, type ArticleFacts, type DeltaRoot } from './cache/delta-memo';
import type { ListingEntry } from './cache/listing';
import { UNSETTLED } from './cache/listing';
import { LISTING, memoryFolders, PACKS, pictureStamp, RELATED } from './cache/memory';
import type { RelatedEntry } from './cache/related-memo';
import { bucketOf, keepBucket, readBucket, type CacheFolder } from './cache/store';
import { rendererVersion } from './cache/version';
import { contentHash } from './hash';
import { named, shardCount } from './index-files';
import type { Newsroom } from './index';
import { PACK_BYTES, type KeptPack } from './packs';
import { platformFigures, platformProblems, type Plan, type PlanLimits } from './platform-limits';
import { articleKey, renderContext, settingOf, sharedRendering, toSummary } from './represent';
import type { AssetSources } from './assets';
import type { AssetsSink, StoredFile } from './sink';
import type { ServedSources } from './last-good';
import { render as renderTask, type RenderShared } from './threads/tasks';
import { patchSearch } from './search/patch';

/**
 * A build that patches the previous output instead of making it again (issue 17: one edit at
 * 100,000 articles in seconds). It applies when a few articles changed in place and nothing any
 * other document shows of them did: the same slug, front matter flags, dates written with a time,
 * pictures, and the same `shown` (what lists show) and `rail` (what related links show), and no
 * feed carries their bodies. Then the output differs from the previous one only in their packs
 * (their bodies spliced in, the others' bytes kept), the index records of those packs' articles and
 * of the list chunks that hold them, the directory and the module. It reads what the memory kept
 * for it (cache/delta-memo.ts) and the few files it patches, never the archive's metadata, and
 * gives the bytes a build from nothing gives (tests/build/delta.test.ts compares them).
 * Anything else returns why not, and the build takes its full path.
 */

/** The most changed files a patch takes on (more, and the full path's passes cost less than their reads). */
export const MOST_PATCHED = 16;

export interface PatchInput {
  cacheDir: string;
  /** The content module's path: a patch applies only to the output it describes. */
  modulePath: string;
  /** The build's options that shape its output, hashed (the root must have been made with the same). */
  options: string;
  newsroom: Newsroom;
  sources: AssetSources;
  /** The listing under way (index.ts starts it). */
  listing: Promise<ListedSources>;
  /** Lists sources as the full path does (read, checked, pictures verified). */
  list: (sources: readonly SourceEntry[]) => Promise<ListResult[]>;
  sink: AssetsSink;
  limits: { maxRepresentationBytes: number; maxAssetBytes: number; plan: Plan; platformLimits: Record<Plan, PlanLimits>; folder: string };
}

/** A patched build: the output as the writer takes it, and what was done. */
export interface Patched {
  ok: true;
  moduleText: string;
  files: StoredFile[];
  indexBytes: number;
  /** The articles served, and how many were rendered. */
  articles: number;
  rendered: number;
  /** Each changed file as it is served now (a dev build keeps its text as the last good one: last-good.ts). */
  changed: ServedSources;
}

/** Why a build cannot patch: it takes the full path. */
export interface Refusal {
  ok: false;
  why: string;
}

export type PatchResult = Patched | Refusal;

const no = (why: string): Refusal => ({ ok: false, why });

/** A changed article as it was and as it is. */
interface Change {
  source: SourceEntry;
  stamp: string | null;
  before: Listed;
  after: Listed;
  facts: ArticleFacts;
}

/** Patches the previous output for the changed files, or says why it cannot. */
export async function patch(input: PatchInput): Promise<PatchResult> {
  const version = await rendererVersion();
  const { listingFolder, packsFolder } = memoryFolders(input.cacheDir, version, input.newsroom.catalog);
  const root = readDeltaRoot(packsFolder);
  if (root === undefined) return no('nothing kept to patch');
  if (root.options !== input.options) return no('other options');
  const { context, card } = renderContext([], input.newsroom, input.sources);
  const shared = sharedRendering({ context, card }, input.newsroom);
  const setting = settingOf(version, shared, input.newsroom);
  if (root.setting !== setting) return no('the renderer or the site changed');
  const module = readText(input.modulePath);
  if (module !== root.moduleText) return no('the output is not the one kept');
  if (!root.deployed.every(([path]) => input.sink.existing.has(path))) return no('an output file is missing');
  const listed = await input.listing;
  if (listed.problems.length > 0) return no('problems in the folder');
  if (listed.sources.length !== root.sources.length || listed.sources.some(({ file }, at) => file !== root.sources[at])) return no('files came or went');
  const changed = listed.sources.flatMap((source, at) => (listed.stamps[at] === null || listed.stamps[at] !== root.stamps[at] ? [at] : []));
  if (changed.length > MOST_PATCHED) return no(`${changed.length} files changed`);
  const content = input.newsroom.catalog.content?.dir;
  if (root.pictures.some(([place, stamp]) => stamp === null || content === undefined || pictureStamp(content, place) !== stamp)) return no('a picture changed');
  const listings = new BucketCache<ListingEntry>(listingFolder, LISTING);
  const facts = factsReader(packsFolder);
  const whole = new Set(root.whole);
  const read = await input.list(changed.map((at) => listed.sources[at]!));
  const changes: Change[] = [];
  for (const [place, at] of changed.entries()) {
    const source = listed.sources[at]!;
    const result = read[place]!;
    const before = listings.get(source.file)?.[1];
    if (!result.ok || before === undefined) return no(`${source.file} is not as it was listed`);
    const after = result.value;
    const differs = shownDifference(before, after);
    if (differs !== null) return no(`${source.file}: what other documents show of it changed (${differs})`);
    if (after.hash === before.hash) {
      // Touched, not changed: only its stamp is new.
      listings.set(source.file, [listed.stamps[at] ?? UNSETTLED, before]);
      continue;
    }
    const found = facts(after.article.slug);
    if (found === undefined || found.file !== source.file) return no(`${source.file} is not published`);
    if (whole.has(after.article.slug)) return no(`${source.file}: a feed carries its body`);
    changes.push({ source, stamp: listed.stamps[at] ?? null, before, after, facts: found });
  }
  const patched = changes.length === 0 ? unchanged(root) : patchOutput(root, changes, { setting, shared, facts, listings, sink: input.sink, limits: input.limits, packsFolder });
  if (!patched.ok) return patched;
  const served = new Map(changed.map((at, place) => [listed.sources[at]!.file, { hash: (read[place] as Extract<ListResult, { ok: true }>).value.hash, source: listed.sources[at]! }]));
  // Kept only once the output is made: a patch that gives up leaves the memory as it was.
  for (const change of changes) listings.set(change.source.file, [change.stamp ?? UNSETTLED, change.after]);
  listings.save();
  keepDeltaRoot(packsFolder, { ...root, moduleText: patched.moduleText, deployed: patched.files.map(({ path, bytes }) => [path, bytes]), stamps: listed.stamps, ...patched.root });
  return { ...patched, changed: served };
}

/**
 * What other documents show of an article that changed, named (null: nothing): its list entry and
 * related link (`shown`, `rail`: its fields but its word count, with the dates written with a
 * time), its front matter's flags and its pictures.
 */
function shownDifference(before: Listed, after: Listed): string | null {
  const fields: string[] = (Object.keys(after.article) as (keyof Listed['article'])[]).filter((field) => field !== 'wordCount' && JSON.stringify(before.article[field]) !== JSON.stringify(after.article[field]));
  if (JSON.stringify(before.frontMatter) !== JSON.stringify(after.frontMatter)) fields.push('front matter');
  if (before.timed.join('\n') !== after.timed.join('\n')) fields.push('times of day');
  if (before.pictures.map(({ key }) => key ?? '').join('\n') !== after.pictures.map(({ key }) => key ?? '').join('\n')) fields.push('pictures');
  if (fields.length === 0 && (before.shown !== after.shown || before.rail !== after.rail)) fields.push('metadata');
  return fields.length === 0 ? null : [...new Set(fields)].join(', ');
}

/** The kept output as it is: nothing changed but stamps. */
function unchanged(root: DeltaRoot): Made {
  return { ok: true, moduleText: root.moduleText, files: root.deployed.map(([path, bytes]) => ({ path, bytes })), indexBytes: root.indexBytes, articles: root.packs.reduce((count, { slugs }) => count + slugs.length, 0), rendered: 0, root: {} };
}

/** The output patched, and what the root keeps of it anew. */
type Made = Omit<Patched, 'changed'> & { root: Partial<DeltaRoot> };

interface Context {
  setting: string;
  shared: RenderShared;
  facts: (slug: string) => ArticleFacts | undefined;
  listings: BucketCache<ListingEntry>;
  sink: AssetsSink;
  limits: PatchInput['limits'];
  packsFolder: CacheFolder;
}

/** The output with each changed article's pack made again and the index records that name them. */
function patchOutput(root: DeltaRoot, changes: readonly Change[], context: Context): Made | Refusal {
  const { sink, limits } = context;
  const packs = new BucketCache<KeptPack>(context.packsFolder, PACKS);
  const related = new BucketCache<RelatedEntry>(context.packsFolder, RELATED);
  const index = new IndexPatch(root, sink.dir);
  const written = [...root.written];
  const rootPacks = [...root.packs];
  const replaced = new Map<string, StoredFile>();
  let rendered = 0;
  for (const pack of new Set(changes.map(({ facts }) => facts.pack))) {
    const { file, key, slugs } = root.packs[pack]!;
    const kept = packs.get(key);
    if (kept === undefined || kept.file.path !== file) return no('a pack is not kept');
    const bodies: (string[] | undefined)[] = new Array(kept.keys.length);
    const itemKeys = [...kept.keys];
    const lines = new Map<number, Change>();
    for (const change of changes.filter(({ facts }) => facts.pack === pack)) {
      const { after, before, source } = change;
      const slug = after.article.slug;
      const entry = related.get(slug);
      if (entry === undefined) return no(`${slug}: its related articles are not kept`);
      const item = kept.keys.indexOf(articleKey(context.setting, before, entry.print));
      if (item < 0 || slugs[item] !== slug) return no(`${slug} is not where it was packed`);
      const shown = entry.related.map((other) => context.listings.get(context.facts(other)?.file ?? '')?.[1]);
      if (shown.some((other) => other === undefined) || shown.map((other) => railShown(other!.article, other!.timed)).join(' ') !== entry.print) return no(`${slug}: its related articles are not as kept`);
      const relatedListed = shown as Listed[];
      const timed = [[slug, after.timed] as const, ...relatedListed.map(({ article, timed }) => [article.slug, timed] as const)];
      bodies[item] = renderTask({ source, hash: after.hash, pictures: after.pictures, draft: after.frontMatter.draft, related: relatedListed.map(({ article }) => toSummary(article)), timed }, context.shared);
      if (bodies[item]!.some((body) => Buffer.byteLength(body) > limits.maxRepresentationBytes)) return no(`${slug}: a representation over the limit`);
      itemKeys[item] = articleKey(context.setting, after, entry.print);
      lines.set(item, change);
      rendered++;
    }
    const text = readText(join(sink.dir, file));
    if (text === undefined) return no('a pack cannot be read');
    const made = repack(kept, bodies, text, (next) => packs.get(root.packs[next]?.key ?? ''), pack);
    if (!made.ok) return made;
    // A pack before that closed for its size closes there again only if this pack's first item still does not fit after it.
    const before = pack > 0 && bodies[0] !== undefined ? packs.get(root.packs[pack - 1]!.key) : undefined;
    if (pack > 0 && bodies[0] !== undefined && (before === undefined || (before.closed === 'size' && before.file.bytes + sum(made.items[0]!.bytes) <= PACK_BYTES))) return no('a pack boundary moves');
    if (made.bytes > limits.maxAssetBytes) return no('a pack over the asset limit');
    const place = written.indexOf(file);
    if (place < 0) return no('a pack is not among the files written');
    const stored = sink.write({ path: made.path, text: made.text });
    replaced.set(file, stored);
    written[place] = stored.path;
    const next: KeptPack = { keys: itemKeys, file: { path: stored.path, bytes: stored.bytes }, items: made.items, closed: kept.closed };
    packs.remove(key);
    packs.set(itemKeys[0]!, next);
    rootPacks[pack] = { file: stored.path, key: itemKeys[0]!, slugs };
    // Every article of the pack is somewhere else in it now.
    for (const [item, slug] of slugs.entries()) {
      const change = lines.get(item);
      const record = keys.article(slug);
      const old = index.get(record) as ArticleLine | undefined;
      if (old === undefined) return no(`${slug} has no index record`);
      const [json, html, markdown, embed] = made.items[item]!.spans as [Span, Span, Span, Span];
      const summary = change === undefined ? old.summary : toSummary(change.after.article);
      const lastModified = change === undefined ? old.lastModified : new Date(summary.dateModified ?? summary.datePublished).toUTCString();
      index.set(record, { summary, lastModified, file: stored.path, hash: made.items[item]!.note, json, html, markdown, embed } satisfies ArticleLine);
      if (change === undefined) continue;
      for (const [list, place] of [[ALL_ARTICLES, change.facts.all] as const, ...change.facts.tags]) {
        const chunkKey = keys.list(list, Math.floor(place / LIST_CHUNK));
        const chunk = index.get(chunkKey) as ListChunk | undefined;
        const slot = place % LIST_CHUNK;
        if (chunk?.items[slot]?.slug !== slug) return no(`${slug} is not where its lists were`);
        index.set(chunkKey, { items: chunk.items.map((entry, at) => (at === slot ? summary : entry)) } satisfies ListChunk);
      }
    }
  }
  const words = changes.filter(({ before, after }) => before.search !== after.search || before.lead !== after.lead).map(({ facts, after, before }) => ({ doc: facts.all, lang: after.article.lang, before: before.search, after: after.search, lead: after.lead }));
  if (words.length > 0) {
    const searched = patchSearch(words, index);
    if (!searched.ok) return no(searched.why);
  }
  const indexed = index.write(sink);
  if (!indexed.ok) return indexed;
  const header = JSON.parse(root.moduleText) as Record<string, unknown>;
  const moduleText = asciiJson({ ...header, build: contentHash(...written, ...root.assetHashes), directory: indexed.directory.path });
  for (const [path, file] of indexed.replaced) replaced.set(path, file);
  const files = root.deployed.map(([path, bytes]) => replaced.get(path) ?? { path, bytes });
  const over = platformProblems(platformFigures({ moduleText, files, indexBytes: indexed.bytes }), limits.plan, limits.folder, limits.platformLimits);
  if (over.length > 0) return no('over a platform limit');
  packs.save();
  return { ok: true, moduleText, files, indexBytes: indexed.bytes, articles: root.packs.reduce((count, { slugs }) => count + slugs.length, 0), rendered, root: { written, packs: rootPacks, indexBytes: indexed.bytes } };
}

/**
 * A kept pack with some items' bodies made again (`bodies[item]`), the others' taken from its
 * file: the pack the full path's packer makes of the same items, or why it would close elsewhere
 * (packs.ts `Packer.add`: a pack closes before an item that would take it past PACK_BYTES).
 */
function repack(kept: KeptPack, bodies: readonly (readonly string[] | undefined)[], text: string, packAt: (pack: number) => KeptPack | undefined, pack: number): { ok: true; path: string; text: string; bytes: number; items: KeptPack['items'] } | Refusal {
  const parts: string[] = [];
  const items: KeptPack['items'] = [];
  let start = 0;
  let bytes = 0;
  for (const [item, { spans, bytes: sizes, note }] of kept.items.entries()) {
    const own = bodies[item] ?? spans.map(([from, to]) => text.slice(from, to));
    const ownSizes = bodies[item] === undefined ? sizes : own.map((body) => Buffer.byteLength(body));
    const size = sum(ownSizes);
    if (item > 0 && bytes + size > PACK_BYTES) return no('a pack boundary moves');
    bytes += size;
    parts.push(...own);
    items.push({ spans: own.map((body): Span => [start, (start += body.length)]), bytes: ownSizes, note: bodies[item] === undefined ? note : contentHash(...own) });
  }
  if (kept.closed === 'size') {
    const next = packAt(pack + 1);
    const first = next === undefined ? undefined : sum(next.items[0]!.bytes);
    if (first === undefined || bytes + first <= PACK_BYTES) return no('a pack boundary moves');
  }
  const joined = parts.join('');
  return { ok: true, path: `/b/${contentHash(joined)}.txt`, text: joined, bytes: Buffer.byteLength(joined), items };
}

/** The index's records as a patch changes them: each shard read from its file once, the changed ones written again. */
class IndexPatch {
  private readonly directory: string[];
  private readonly shards = new Map<number, Shard>();
  private readonly changed = new Map<string, unknown>();
  private bytes: number;

  constructor(
    private readonly root: DeltaRoot,
    private readonly dir: string,
  ) {
    const header = JSON.parse(root.moduleText) as { directory: string };
    this.directory = JSON.parse(readText(join(dir, header.directory)) ?? '[]') as string[];
    this.bytes = root.indexBytes;
  }

  private shard(key: string): Shard {
    const at = shardOf(key, this.root.shards);
    if (!this.shards.has(at)) this.shards.set(at, JSON.parse(readText(join(this.dir, this.directory[at] ?? '')) ?? '{}') as Shard);
    return this.shards.get(at)!;
  }

  get(key: string): unknown {
    return this.changed.has(key) ? this.changed.get(key) : this.shard(key)[key];
  }

  /** A record's new value (its key already there: a patch adds no record). */
  set(key: string, value: unknown): void {
    const shard = this.shard(key);
    this.bytes += JSON.stringify(value).length - JSON.stringify(shard[key]).length;
    shard[key] = value;
    this.changed.set(key, value);
  }

  /** A record's new value, or a new record (the search's: a word new to the archive), its shard's keys in order as a build writes them. */
  put(key: string, value: unknown): void {
    const at = shardOf(key, this.root.shards);
    const shard = this.shard(key);
    if (Object.hasOwn(shard, key)) return this.set(key, value);
    this.bytes += key.length + JSON.stringify(value).length;
    this.shards.set(at, Object.fromEntries([...Object.entries(shard), [key, value]].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1))));
    this.changed.set(key, value);
  }

  /** A record no longer there (a word gone from the archive). */
  remove(key: string): void {
    const shard = this.shard(key);
    if (!Object.hasOwn(shard, key)) return;
    this.bytes -= key.length + JSON.stringify(shard[key]).length;
    delete shard[key];
    this.changed.set(key, undefined);
  }

  /** The changed shards and the directory through `sink`, or why not (the records take another number of shards). */
  write(sink: AssetsSink): { ok: true; directory: StoredFile; replaced: Map<string, StoredFile>; bytes: number } | Refusal {
    if (shardCount(this.bytes) !== this.root.shards) return no('the index takes another number of shards');
    const replaced = new Map<string, StoredFile>();
    const touched = new Set([...this.changed.keys()].map((key) => shardOf(key, this.root.shards)));
    for (const at of [...touched].sort((a, b) => a - b)) {
      const stored = sink.write(named(asciiJson(this.shards.get(at)!)));
      replaced.set(this.directory[at]!, stored);
      this.directory[at] = stored.path;
    }
    const old = (JSON.parse(this.root.moduleText) as { directory: string }).directory;
    const directory = sink.write(named(JSON.stringify(this.directory)));
    replaced.set(old, directory);
    return { ok: true, directory, replaced, bytes: this.bytes };
  }
}

/** A few buckets of a kept Map, read when first needed, changed in place and kept again. */
class BucketCache<V> {
  private readonly buckets = new Map<number, Map<string, V>>();
  private readonly dirty = new Set<number>();

  constructor(
    private readonly folder: CacheFolder,
    private readonly name: string,
  ) {}

  private bucket(key: string): Map<string, V> {
    const at = bucketOf(key);
    if (!this.buckets.has(at)) this.buckets.set(at, readBucket<V>(this.folder, this.name, at));
    return this.buckets.get(at)!;
  }

  get(key: string): V | undefined {
    return this.bucket(key).get(key);
  }

  set(key: string, value: V): void {
    this.bucket(key).set(key, value);
    this.dirty.add(bucketOf(key));
  }

  remove(key: string): void {
    this.bucket(key).delete(key);
    this.dirty.add(bucketOf(key));
  }

  save(): void {
    for (const at of this.dirty) keepBucket(this.folder, this.name, at, this.buckets.get(at)!);
    this.dirty.clear();
  }
}

const sum = (sizes: readonly number[]) => sizes.reduce((total, bytes) => total + bytes, 0);

/** A file's text, or undefined when it cannot be read. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
