import type { ArticleLine, BodyFile, ContentIndex, StoredDocument } from '../../src/store/bundle';
import { ALL_ARTICLES, DOCUMENT_CHUNK, HOME_DOCUMENT, keys, LIST_CHUNK, shardOf, type DocumentChunk, type IndexHeader, type ListChunk, type Shard } from '../../src/store/shards';
import { asciiJson } from './ascii-json';
import { contentHash } from './hash';
import { searchRecords, type SearchSource } from './search/records';

/**
 * Bytes of records per shard file the build aims at: what a cold lookup reads (Workers Static
 * Assets answer a Range request with the whole file, so a shard is read whole) against how many
 * files the index takes (a version holds 20,000 files on Free, 100,000 on Paid).
 */
export const SHARD_BYTES = 64 * 1024;

/**
 * The most shard files the index takes: past it (an index of 1 GiB, some 300,000 articles) shards
 * grow instead. With packed bodies (packs.ts) a million articles take ~64,000 packs; 16,384 shards
 * keep the whole build inside the Paid plan's 100,000 files, where 64 KiB shards would need 65,536.
 */
export const MAX_SHARDS = 16_384;

/**
 * The index as the Worker reads it: the header for the content module, the directory and shard
 * files (about `shardBytes` each) for the static assets, each handed to `write` as soon as it is
 * made (an index of a million articles is gigabytes of text: one shard is in memory at a time).
 */
export function indexFiles<F = BodyFile>(
  { index, articles }: { index: ContentIndex; articles: readonly ArticleLine[] },
  shardBytes = SHARD_BYTES,
  maxShards = MAX_SHARDS,
  write: (file: BodyFile) => F = (file) => file as F,
  memo?: IndexMemory<F>,
  /** Each article's terms and opening (search/terms.ts): with them, the index holds the search's records. */
  search?: SearchSource,
): { header: IndexHeader; files: F[]; bytes: number } {
  const records = new Records(memo !== undefined);
  for (const line of articles) records.set(keys.article(line.summary.slug), line, linePrint(line));
  for (const [slug, target] of Object.entries(index.aliases)) records.set(keys.moved(slug), target);
  for (const [slug, gone] of Object.entries(index.gone)) records.set(keys.gone(slug), gone);
  const documents: [string, StoredDocument][] = [[HOME_DOCUMENT, { contentType: 'text/html; charset=utf-8', kind: 'home', pages: index.pages.home }], ...Object.entries(index.documents)];
  for (const [path, document] of documents) documentRecords(path, document, records);
  listRecords(ALL_ARTICLES, articles, records);
  for (const [tag, lines] of Object.entries(index.tags)) listRecords(tag, lines.map((line) => articles[line]!), records);
  if (index.view !== undefined) records.set(keys.view, index.view);
  if (search !== undefined) searchRecords(articles.map(({ summary }) => summary), search, (key, value) => records.set(key, value, records.printed ? contentHash(JSON.stringify(value)) : undefined));
  const { directory, files, bytes } = shardFiles(records, write, shardBytes, maxShards, memo);
  const header: IndexHeader = { build: index.build, directory: directory.path, shards: files.length - 1, notFound: index.pages.notFound, assets: index.assets, embed: index.embed };
  return { header, files, bytes };
}

/**
 * What a build remembers of its index (cache/index-memo.ts): each shard file by a hash of its
 * records' prints, and each record's size in bytes by its print, so that a shard whose records
 * are as they were is neither written out nor measured again.
 */
export interface IndexMemory<F> {
  /** The shard file a previous build wrote for records with these prints, if it is still there. */
  shard(key: string): F | undefined;
  /** The size of a record's JSON, by its print, if known. */
  size(print: string): number | undefined;
  /** This build's shard files and record sizes, for the next. */
  keepShard(key: string, file: F): void;
  keepSize(print: string, bytes: number): void;
}

/** An article line's print: its bodies' hash covers its summary (its JSON body holds every field), and where they are. */
const linePrint = ({ hash, file, json, html, markdown, embed }: ArticleLine) => `${hash} ${file} ${json} ${html} ${markdown} ${embed}`;

/** The index's records by key, each with a print (a short text that changes whenever the record does) when `printed`. */
class Records {
  readonly values = new Map<string, unknown>();
  readonly prints = new Map<string, string>();

  constructor(readonly printed: boolean) {}

  set(key: string, value: unknown, print?: string): void {
    this.values.set(key, value);
    if (this.printed) this.prints.set(key, print ?? JSON.stringify(value));
  }
}

/** A document's pages, DOCUMENT_CHUNK to a record. */
function documentRecords(path: string, { contentType, kind, pages }: StoredDocument, records: Records): void {
  for (let at = 0; at * DOCUMENT_CHUNK < pages.length; at++) {
    const chunk: DocumentChunk = { contentType, kind, count: pages.length, pages: pages.slice(at * DOCUMENT_CHUNK, (at + 1) * DOCUMENT_CHUNK) };
    records.set(keys.document(path, at), chunk);
  }
}

/** A list (given newest first) counted from its oldest entry, LIST_CHUNK to a record, and its length. */
function listRecords(tag: string, newestFirst: readonly ArticleLine[], records: Records): void {
  const oldestFirst = newestFirst.toReversed();
  records.set(keys.listCount(tag), oldestFirst.length);
  for (let at = 0; at * LIST_CHUNK < oldestFirst.length; at++) {
    const lines = oldestFirst.slice(at * LIST_CHUNK, (at + 1) * LIST_CHUNK);
    const chunk: ListChunk = { items: lines.map((line) => line.summary) };
    records.set(keys.list(tag, at), chunk, records.printed ? lines.map((line) => line.hash).join(' ') : undefined);
  }
}

/** The records' size (each key's length and its value's JSON's), which decides how many shards they take. */
function recordBytes<F>(records: Records, memo?: IndexMemory<F>): number {
  let bytes = 0;
  for (const [key, value] of records.values) {
    const print = records.prints.get(key);
    const size = (print === undefined ? undefined : memo?.size(print)) ?? JSON.stringify(value).length;
    if (print !== undefined) memo?.keepSize(print, size);
    bytes += key.length + size;
  }
  return bytes;
}

/** The smallest power of two of shards that keeps records of `bytes` near `shardBytes` a shard, at most `maxShards`. */
export function shardCount(bytes: number, shardBytes = SHARD_BYTES, maxShards = MAX_SHARDS): number {
  let count = 1;
  while (bytes / count > shardBytes && count * 2 <= maxShards) count *= 2;
  return count;
}

/**
 * The records in their shards (keys sorted: the same records, the same bytes), each a file named
 * by its hash and written as it is made, and the directory of them; files: the directory first.
 */
function shardFiles<F>(records: Records, write: (file: BodyFile) => F, shardBytes: number, maxShards: number, memo?: IndexMemory<F>): { directory: BodyFile; files: F[]; bytes: number } {
  const bytes = recordBytes(records, memo);
  const count = shardCount(bytes, shardBytes, maxShards);
  const shards: string[][] = Array.from({ length: count }, () => []);
  for (const key of records.values.keys()) shards[shardOf(key, count)]!.push(key);
  // Each shard's keys sorted: the order one sort of them all would give, in a fraction of its time.
  for (const keys of shards) keys.sort();
  const paths: string[] = [];
  const files = shards.map((keys) => {
    // A shard is its records: the same keys with the same prints make the same file.
    const key = memo === undefined ? undefined : contentHash(...keys.flatMap((record) => [record, records.prints.get(record)!]));
    const kept = key === undefined ? undefined : memo!.shard(key);
    if (kept !== undefined) {
      paths.push((kept as { path: string }).path);
      memo!.keepShard(key!, kept);
      return kept;
    }
    const file = named(asciiJson(Object.fromEntries(keys.map((record) => [record, records.values.get(record)])) as Shard));
    paths.push(file.path);
    const written = write(file);
    if (key !== undefined) memo!.keepShard(key, written);
    return written;
  });
  const directory = named(JSON.stringify(paths));
  return { directory, files: [write(directory), ...files], bytes };
}

/** An index file: its text, at a path named by its hash. */
export function named(text: string): BodyFile {
  return { path: `/i/${contentHash(text)}.json`, text };
}
