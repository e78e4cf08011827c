import { BodyCache, type BodySource } from './bodies';
import type { ArticleSummary } from '../content/article';
import { ORIGIN, representationHash, type ArticleLine, type BundledAsset, type GoneArticle, type Representation, type Span, type StoredDocument } from './bundle';
import type { Origin } from './origin';
import { andThen, header, record, type Maybe } from './records';
import { ALL_ARTICLES, DOCUMENT_CHUNK, HOME_DOCUMENT, keys, LIST_CHUNK, type ListChunk } from './shards';

/**
 * Read access to the generated content. The content module holds only the index header; every
 * lookup is by key, read lazily from the index's shard files through the static assets (`source`,
 * the ASSETS binding) and kept per isolate (records.ts). A lookup answers synchronously when its
 * shard is kept; a list page costs its page size, not the archive's.
 */

export type { Maybe } from './records';
export { andThen } from './records';

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

const assetsByName = new Map(header.assets.map((asset) => [asset.name, asset]));
/** Article lines and list entries made ready once per isolate (the records they come from are kept with their shard). */
const stored = new WeakMap<ArticleLine, StoredArticle>();
const listed = new WeakMap<ArticleSummary, ListedArticle>();

/** Bodies kept per isolate, within the configured budget (BODY_CACHE_BYTES). */
let bodies: BodyCache | undefined;

/** Names this build; a Cache-Tag that purges everything it served. */
export const buildId = header.build;

/** The 404 page. */
export const notFoundPage = header.notFound;

/** The site's name and the oEmbed resizer script's asset name. */
export const embedding = header.embed;

function representation(file: string, [start, end]: Span, place: number): Representation {
  return { file, start, end, hash: representationHash(file, place) };
}

/** An article's line made ready to serve, once per line. */
export function storedArticle(line: ArticleLine): StoredArticle {
  let article = stored.get(line);
  if (article === undefined) {
    const { summary, lastModified, file, json, html, markdown, embed } = line;
    article = {
      slug: summary.slug,
      lastModified,
      summary: JSON.stringify(summary).split(ORIGIN),
      fields: summary,
      json: representation(file, json, 0),
      html: representation(file, html, 1),
      markdown: representation(file, markdown, 2),
      embed: representation(file, embed, 3),
    };
    stored.set(line, article);
  }
  return article;
}

export function findArticle(slug: string, source: BodySource): Maybe<StoredArticle | undefined> {
  return andThen(record(keys.article(slug), source), (line) => (line === undefined ? undefined : storedArticle(line)));
}

/** What a slug in a URL names: an article, a former slug of one (a 301), a withdrawn article (a 410). */
export type SlugTarget = { kind: 'article'; article: StoredArticle } | { kind: 'moved'; slug: string } | { kind: 'gone'; slug: string; gone: GoneArticle };

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
export function resolveSlug(slug: string, source: BodySource): Maybe<SlugTarget | undefined> {
  return andThen(resolveExactSlug(slug, source), (target) => (target !== undefined || slug.toLowerCase() === slug ? target : resolveExactSlug(slug.toLowerCase(), source)));
}

/** Page `page` (from 1) of a pre-rendered document, with what is known of the document. */
export interface DocumentPage {
  contentType: string;
  kind: StoredDocument['kind'];
  /** Pages in the document. */
  count: number;
  /** The page, or undefined past the last. */
  page: Representation | undefined;
}

/** Page `page` of the pre-rendered document at `path` (a feed, a sitemap, a tag page...), or undefined when there is no such document. */
export function findDocument(path: string, page: number, source: BodySource): Maybe<DocumentPage | undefined> {
  const at = Math.floor((page - 1) / DOCUMENT_CHUNK);
  return andThen(record(keys.document(path, 0), source), (first) => {
    if (first === undefined) return undefined;
    const { contentType, kind, count } = first;
    if (at === 0 || page > count) return { contentType, kind, count, page: at === 0 ? first.pages[page - 1] : undefined };
    return andThen(record(keys.document(path, at), source), (chunk) => ({ contentType, kind, count, page: chunk?.pages[(page - 1) % DOCUMENT_CHUNK] }));
  });
}

/** Page `page` (from 1) of the home page, or undefined past the last. */
export function homePage(page: number, source: BodySource): Maybe<Representation | undefined> {
  return andThen(findDocument(HOME_DOCUMENT, page, source), (found) => found?.page);
}

export function findAsset(name: string): BundledAsset | undefined {
  return assetsByName.get(name);
}

/** Binary assets' bytes, decoded from base64 once per isolate. */
const decoded = new Map<string, Uint8Array>();

/** An asset's body as sent: its text, or a binary asset's bytes. */
export function assetBody(asset: BundledAsset): string | Uint8Array {
  if (asset.base64 !== true) return asset.body;
  let bytes = decoded.get(asset.name);
  if (bytes === undefined) {
    const binary = atob(asset.body);
    bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    decoded.set(asset.name, bytes);
  }
  return bytes;
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

/**
 * One page of articles, newest first, optionally only those with `tag`. Lists are stored counted
 * from the oldest article (so publishing changes only their last chunk); a page of `limit` ≤
 * LIST_CHUNK entries spans at most two chunks.
 */
export function listArticles(query: { tag: string | null; page: number; limit: number }, source: BodySource): Maybe<{ items: ListedArticle[]; total: number }> {
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

/** The exact body of a representation for this origin (from the isolate, else its body file). */
export function readBody(representation: Representation, origin: Origin, source: BodySource, budget: number): Promise<Uint8Array> {
  return bodyCache(budget).get(representation, origin, source);
}

/** The body of a representation for this origin if the isolate keeps it (then a request awaits nothing). */
export function keptBody(representation: Representation, origin: Origin, budget: number): Uint8Array | undefined {
  return bodyCache(budget).peek(representation, origin);
}

function bodyCache(budget: number): BodyCache {
  if (bodies?.budget !== budget) bodies = new BodyCache(budget);
  return bodies;
}

export { etagOf, MissingBodyFile } from './bodies';
