import type { ArticleSummary } from '../content/article';
import type { DocChunk, FilterList, Postings, PrefixTerms, SearchStats } from '../search/records';
import type { ArticleLine, BundledAsset, GoneArticle, PageView, Representation, StoredDocument } from './bundle';

/**
 * The index as static assets: what the build writes and the Worker reads, record by record.
 *
 * The Worker bundle holds only the header (IndexHeader: a few hundred bytes whatever the archive's
 * size). Every other record — an article's line, a former slug, a withdrawal, a chunk of a
 * document's pages, a chunk of a list — lives under a key in one of `shards` files, chosen by a
 * hash of the key; the directory file names them. A file's name is the hash of its bytes, so a
 * build adds new files beside the old ones and the switch stays atomic (the header names the
 * directory, the directory names the shards). A Worker reads a shard the first time a request needs
 * one of its records and keeps it within a budget.
 */

/** The content module: the one line parsed at startup. */
export interface IndexHeader {
  /** Hash of every file and asset of this build: names it (used as a cache tag). */
  build: string;
  /** The directory file: the paths of the shard files, shard i at place i. */
  directory: string;
  /** How many shard files there are (a power of two). */
  shards: number;
  /** The 404 page. */
  notFound: Representation;
  assets: BundledAsset[];
  /** What the oEmbed endpoint names besides the article: the site, and the resizer script's asset name. */
  embed: { siteName: string; resizer: string };
  /**
   * Scheduled articles (issue 19): the index from each release on, in order (`from`, RFC 3339
   * UTC). `directory` and `shards` above are the index before the first; the Worker reads the
   * edition its clock is in. Absent when nothing is scheduled.
   */
  editions?: IndexEdition[];
}

/** An edition of the index: its directory and shard count, from an instant on. */
export interface IndexEdition {
  from: string;
  directory: string;
  shards: number;
}

/** Pages of a document (a feed, a sitemap, a list page, the home page) per record. */
export const DOCUMENT_CHUNK = 64;
/** Entries of an article list (the API's pages) per record: a page of the largest limit (100) spans at most two. */
export const LIST_CHUNK = 100;
/** The document key of the home page's pages (no document path is `/`: the home page is served by its own route). */
export const HOME_DOCUMENT = '/';
/** The list key of every article (tags are lists of their own). */
export const ALL_ARTICLES = '';

/** A run of a document's pages: pages `at * DOCUMENT_CHUNK + 1` onwards. */
export interface DocumentChunk {
  contentType: string;
  kind: StoredDocument['kind'];
  /** Pages in the whole document. */
  count: number;
  pages: Representation[];
}

/** A run of a list's entries, counted from the oldest: entries `at * LIST_CHUNK` onwards. */
export interface ListChunk {
  items: ArticleSummary[];
}

/**
 * Record keys. The part after the prefix picks the shard, so an article's line, its former-slug
 * and withdrawal records (the three things a slug can name) sit in the same shard: one read.
 */
export const keys = {
  article: (slug: string): `a:${string}` => `a:${slug}`,
  moved: (slug: string): `m:${string}` => `m:${slug}`,
  gone: (slug: string): `g:${string}` => `g:${slug}`,
  document: (path: string, at: number): `d:${string}` => `d:${path}@${at}`,
  /** How many articles a list holds (absent: none). */
  listCount: (tag: string): `n:${string}` => `n:${tag}`,
  list: (tag: string, at: number): `l:${string}` => `l:${tag}@${at}`,
  /** What a page rendered per request is rendered with (bundle.ts PageView). */
  view: 'c:' as const,
};

/** The value each kind of record holds, by its key's prefix. */
export interface RecordTypes {
  a: ArticleLine;
  m: string;
  g: GoneArticle;
  d: DocumentChunk;
  n: number;
  l: ListChunk;
  c: PageView;
  /** The search index's records (src/search/records.ts). */
  s: Postings | FilterList;
  p: PrefixTerms;
  u: DocChunk;
  q: SearchStats;
}

/** A shard file: records by key. */
export type Shard = Record<string, unknown>;

/** FNV-1a (32 bits) over the UTF-16 code units of the key after its prefix, onto `shards` (a power of two). */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let at = 2; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  return (hash >>> 0) & (shards - 1);
}

/** The logical index rebuilt from every record: what tools and tests read (the Worker never does this). */
export interface WholeIndex {
  header: IndexHeader;
  /** Article lines, newest first (the order of the list of every article). */
  articles: ArticleLine[];
  /** Slugs newest first. */
  slugs: string[];
  /** For each tag, its slugs newest first. */
  tags: Record<string, string[]>;
  home: Representation[];
  documents: Record<string, StoredDocument>;
  aliases: Record<string, string>;
  gone: Record<string, GoneArticle>;
  /** Every file the index itself takes: the directory and the shards. */
  indexFiles: string[];
}

/** Reads every shard through `read` (a path → its text) and puts the records back together. */
export async function readWholeIndex(header: IndexHeader, read: (path: string) => Promise<string>): Promise<WholeIndex> {
  const shardFiles = JSON.parse(await read(header.directory)) as string[];
  const records: Shard = {};
  for (const file of shardFiles) Object.assign(records, JSON.parse(await read(file)) as Shard);
  const of = <K extends keyof RecordTypes>(prefix: K) =>
    Object.entries(records)
      .filter(([key]) => key.startsWith(`${prefix}:`))
      .map(([key, value]): [string, RecordTypes[K]] => [key.slice(2), value as RecordTypes[K]]);
  const documents = documentsOf(of('d'));
  const lists = listsOf(of('l'));
  const slugs = lists.get(ALL_ARTICLES) ?? [];
  const lines = new Map(of('a'));
  const tags = Object.fromEntries([...lists].filter(([tag]) => tag !== ALL_ARTICLES).sort(([a], [b]) => (a < b ? -1 : 1)));
  const { [HOME_DOCUMENT]: home, ...others } = documents;
  return {
    header,
    articles: slugs.map((slug) => lines.get(slug)!),
    slugs,
    tags,
    home: home?.pages ?? [],
    documents: others,
    aliases: Object.fromEntries(of('m')),
    gone: Object.fromEntries(of('g')),
    indexFiles: [header.directory, ...shardFiles],
  };
}

/** Documents from their chunks, pages in order. */
function documentsOf(chunks: readonly [string, DocumentChunk][]): Record<string, StoredDocument> {
  const documents: Record<string, StoredDocument> = {};
  for (const [key, chunk] of [...chunks].sort(([a], [b]) => chunkOrder(a, b))) {
    const path = key.slice(0, key.lastIndexOf('@'));
    documents[path] ??= { contentType: chunk.contentType, kind: chunk.kind, pages: [] };
    documents[path].pages.push(...chunk.pages);
  }
  return documents;
}

/** Lists (slugs newest first) from their chunks. */
function listsOf(chunks: readonly [string, ListChunk][]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const [key, chunk] of [...chunks].sort(([a], [b]) => chunkOrder(a, b))) {
    const tag = key.slice(0, key.lastIndexOf('@'));
    lists.set(tag, [...chunk.items.map((item) => item.slug).reverse(), ...(lists.get(tag) ?? [])]);
  }
  return lists;
}

/** `name@n` keys by name, then by n as a number. */
function chunkOrder(a: string, b: string): number {
  const [nameA, atA] = [a.slice(0, a.lastIndexOf('@')), Number(a.slice(a.lastIndexOf('@') + 1))];
  const [nameB, atB] = [b.slice(0, b.lastIndexOf('@')), Number(b.slice(b.lastIndexOf('@') + 1))];
  return nameA === nameB ? atA - atB : nameA < nameB ? -1 : 1;
}
