import type { ArticleSummary } from '../content/article';
import { readFile, type BodySource } from './bodies';
import { ORIGIN, representationHash, type ArticleLine, type GoneArticle, type Representation, type Span, type StoredDocument } from './bundle';
import { Kept } from './kept';
import { ALL_ARTICLES, DOCUMENT_CHUNK, HOME_DOCUMENT, keys, LIST_CHUNK, shardOf, type IndexHeader, type ListChunk, type RecordTypes, type Shard } from './shards';

/**
 * Lookups in the index's records, read lazily from the static assets (src/store/shards.ts). The
 * first lookup in an isolate reads the directory, and a record's shard is read the first time one
 * of its records is asked for. Both are then kept (the least recently used shards dropped past the
 * budget), so a warm lookup is a hash and two map lookups, with no await: every lookup answers
 * synchronously when it can (Maybe), and a list page costs its page size, not the archive's.
 */

/** A value now, or once a read is done. */
export type Maybe<T> = T | Promise<T>;

/** `then(value)` now when `value` is here, else once it is. */
export function andThen<T, U>(value: Maybe<T>, then: (value: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(then) : then(value);
}

/** An article ready to serve: what the routes need, its bodies still in their file. */
export interface StoredArticle {
  slug: string;
  lastModified: string;
  /** Its list entry as JSON text, split where the origin goes. */
  summary: string[];
  /** The same entry parsed (its `url` still starts with the ORIGIN marker). */
  fields: ArticleSummary;
  json: Representation;
  html: Representation;
  markdown: Representation;
  embed: Representation;
}

/** A list entry: the article's list entry as JSON text, split where the origin goes. */
export interface ListedArticle {
  summary: string[];
}

/** What a slug in a URL names: an article, a former slug of one (a 301), a withdrawn article (a 410). */
export type SlugTarget = { kind: 'article'; article: StoredArticle } | { kind: 'moved'; slug: string } | { kind: 'gone'; slug: string; gone: GoneArticle };

/** Page `page` (from 1) of a pre-rendered document, with what is known of the document. */
export interface DocumentPage {
  contentType: string;
  kind: StoredDocument['kind'];
  /** Pages in the document. */
  count: number;
  /** The page, or undefined past the last. */
  page: Representation | undefined;
}

/** Article lines and list entries made ready once per isolate (the records they come from are kept with their shard). */
const stored = new WeakMap<ArticleLine, StoredArticle>();
const listed = new WeakMap<ArticleSummary, ListedArticle>();

function representation(file: string, [start, end]: Span, hash: string): Representation {
  return { file, start, end, hash };
}

/** An article's line made ready to serve, once per line. */
export function storedArticle(line: ArticleLine): StoredArticle {
  let article = stored.get(line);
  if (article === undefined) {
    const { summary, lastModified, file, hash, json, html, markdown, embed } = line;
    article = {
      slug: summary.slug,
      lastModified,
      summary: JSON.stringify(summary).split(ORIGIN),
      fields: summary,
      json: representation(file, json, representationHash(hash, 0)),
      html: representation(file, html, representationHash(hash, 1)),
      markdown: representation(file, markdown, representationHash(hash, 2)),
      embed: representation(file, embed, representationHash(hash, 3)),
    };
    stored.set(line, article);
  }
  return article;
}

/** A list entry made ready to serve, once per entry. */
function listedArticle(summary: ArticleSummary): ListedArticle {
  let entry = listed.get(summary);
  if (entry === undefined) {
    entry = { summary: JSON.stringify(summary).split(ORIGIN) };
    listed.set(summary, entry);
  }
  return entry;
}

/** The lookups of the index behind `header` (or an edition of it), keeping up to `budget` bytes of index files, or keeping them in `budget` (editions share one: a shard file is the same whoever names it). */
export function indexLookup(header: Pick<IndexHeader, 'directory' | 'shards'>, budget: number | Kept<Shard | string[]>) {
  /** The directory (an array of paths) and the shards, by path. */
  const kept = typeof budget === 'number' ? new Kept<Shard | string[]>(budget) : budget;

  /** The record under `key` (`keys.article(slug)`, …), or undefined when there is none. */
  function record<K extends keyof RecordTypes>(key: `${K}:${string}`, source: BodySource): Maybe<RecordTypes[K] | undefined> {
    const directory = kept.peek(header.directory) as string[] | undefined;
    const shard = directory === undefined ? undefined : (kept.peek(directory[shardOf(key, header.shards)]!) as Shard | undefined);
    return shard === undefined ? readRecord(key, source) : (shard[key] as RecordTypes[K] | undefined);
  }

  async function readRecord<K extends keyof RecordTypes>(key: `${K}:${string}`, source: BodySource): Promise<RecordTypes[K] | undefined> {
    const directory = (await kept.get(header.directory, () => readJson(header.directory, source))) as string[];
    const path = directory[shardOf(key, header.shards)]!;
    const shard = (await kept.get(path, () => readJson(path, source))) as Shard;
    return shard[key] as RecordTypes[K] | undefined;
  }

  function findArticle(slug: string, source: BodySource): Maybe<StoredArticle | undefined> {
    return andThen(record(keys.article(slug), source), (line) => (line === undefined ? undefined : storedArticle(line)));
  }

  /** What `slug`, in exactly this spelling, names (its three records share a shard: one read at most). */
  function resolveExactSlug(slug: string, source: BodySource): Maybe<SlugTarget | undefined> {
    return andThen(findArticle(slug, source), (article) => {
      if (article !== undefined) return { kind: 'article' as const, article };
      return andThen(record(keys.moved(slug), source), (moved) => {
        if (moved !== undefined) return { kind: 'moved' as const, slug: moved };
        return andThen(record(keys.gone(slug), source), (gone) => (gone === undefined ? undefined : { kind: 'gone' as const, slug, gone }));
      });
    });
  }

  /** What `slug` names, in any letter case (a route redirects a spelling that is not the canonical one). */
  function resolveSlug(slug: string, source: BodySource): Maybe<SlugTarget | undefined> {
    return andThen(resolveExactSlug(slug, source), (target) => (target !== undefined || slug.toLowerCase() === slug ? target : resolveExactSlug(slug.toLowerCase(), source)));
  }

  /** Page `page` of the pre-rendered document at `path` (a feed, a sitemap, a tag page...), or undefined when there is no such document. */
  function findDocument(path: string, page: number, source: BodySource): Maybe<DocumentPage | undefined> {
    const at = Math.floor((page - 1) / DOCUMENT_CHUNK);
    return andThen(record(keys.document(path, 0), source), (first) => {
      if (first === undefined) return undefined;
      const { contentType, kind, count } = first;
      if (at === 0 || page > count) return { contentType, kind, count, page: at === 0 ? first.pages[page - 1] : undefined };
      return andThen(record(keys.document(path, at), source), (chunk) => ({ contentType, kind, count, page: chunk?.pages[(page - 1) % DOCUMENT_CHUNK] }));
    });
  }

  /**
   * The home page's front (`archive` null: its first stored page) or its archive page `archive`
   * (counted from the oldest: stored page `archive + 1`), or undefined past the last. A home page
   * with no archive answers archive page 1 with its front, as a document of one page does.
   */
  function homePage(archive: number | null, source: BodySource): Maybe<Representation | undefined> {
    return andThen(findDocument(HOME_DOCUMENT, 1, source), (first) => {
      if (first === undefined || archive === null || (first.count === 1 && archive === 1)) return first?.page;
      return andThen(findDocument(HOME_DOCUMENT, archive + 1, source), (found) => found?.page);
    });
  }

  /**
   * One page of articles, newest first, optionally only those with `tag`. Lists are stored counted
   * from the oldest article (so publishing changes only their last chunk); a page of `limit` ≤
   * LIST_CHUNK entries spans at most two chunks.
   */
  function listArticles(query: { tag: string | null; page: number; limit: number }, source: BodySource): Maybe<{ items: ListedArticle[]; total: number }> {
    const list = query.tag ?? ALL_ARTICLES;
    return andThen(record(keys.listCount(list), source), (count) => {
      const total = count ?? 0;
      // Newest-first places [skip, skip + limit) are oldest-first places [low, high).
      const skip = (query.page - 1) * query.limit;
      const high = total - skip;
      const low = Math.max(0, high - query.limit);
      if (high <= 0) return { items: [], total };
      const first = Math.floor(low / LIST_CHUNK);
      const last = Math.floor((high - 1) / LIST_CHUNK);
      return andThen(chunks(list, first, last, source), (found) => {
        const entries = found.flatMap((chunk) => chunk?.items ?? []).slice(low - first * LIST_CHUNK, high - first * LIST_CHUNK);
        return { items: entries.reverse().map(listedArticle), total };
      });
    });
  }

  /** The chunks `first` to `last` of a list, in order. */
  function chunks(list: string, first: number, last: number, source: BodySource): Maybe<(ListChunk | undefined)[]> {
    let found: Maybe<(ListChunk | undefined)[]> = [];
    for (let at = first; at <= last; at++) found = andThen(found, (before) => andThen(record(keys.list(list, at), source), (chunk) => [...before, chunk]));
    return found;
  }

  /** A record of the search index (src/search/records.ts), or the page view, by its key. */
  function searchRecord(key: string, source: BodySource): Maybe<unknown> {
    return record(key as `s:${string}`, source);
  }

  return { findArticle, resolveSlug, findDocument, homePage, listArticles, searchRecord, kept };
}

/** An index file parsed, and its size (its text's length: the budget counts text, not the parsed objects). */
async function readJson(path: string, source: BodySource): Promise<{ value: Shard | string[]; bytes: number }> {
  const text = await readFile(path, source);
  return { value: JSON.parse(text) as Shard | string[], bytes: text.length };
}
