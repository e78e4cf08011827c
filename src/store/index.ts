import content from '../generated/content.txt';
import { BodyCache, type BodySource } from './bodies';
import type { ArticleSummary } from '../content/article';
import { ORIGIN, representationHash, type ArticleLine, type BundledAsset, type ContentIndex, type GoneArticle, type Representation, type Span, type StoredDocument } from './bundle';
import type { Origin } from './origin';

/**
 * Read access to the generated content. Startup splits the content module into lines and parses
 * the first, the index; an article's line is parsed the first time it is asked for. Every lookup
 * is by key, and a list page costs its page size, not the archive's.
 */

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

const lines = content.split('\n');
const index = JSON.parse(lines[0]!) as ContentIndex;
const lineBySlug = new Map(index.slugs.map((slug, line) => [slug, line]));
const assetsByName = new Map(index.assets.map((asset) => [asset.name, asset]));
const parsed: (StoredArticle | undefined)[] = [];

/** Bodies kept per isolate, within the configured budget (BODY_CACHE_BYTES). */
let bodies: BodyCache | undefined;

/** Names this build; a Cache-Tag that purges everything it served. */
export const buildId = index.build;

export const pages = index.pages;

/** The site's name and the oEmbed resizer script's asset name. */
export const embedding = index.embed;

function representation(file: string, [start, end]: Span, place: number): Representation {
  return { file, start, end, hash: representationHash(file, place) };
}

/** The article on line `line` of the table, parsed once. */
function articleAt(line: number): StoredArticle {
  let article = parsed[line];
  if (article === undefined) {
    const { summary, lastModified, file, json, html, markdown, embed } = JSON.parse(lines[line + 1]!) as ArticleLine;
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
    parsed[line] = article;
  }
  return article;
}

export function findArticle(slug: string): StoredArticle | undefined {
  const line = lineBySlug.get(slug);
  return line === undefined ? undefined : articleAt(line);
}

/** The article whose slug is `slug` in any letter case (for redirects to the canonical spelling). */
export function findArticleIgnoringCase(slug: string): StoredArticle | undefined {
  return findArticle(slug) ?? findArticle(slug.toLowerCase());
}

/** What a slug in a URL names: an article, a former slug of one (a 301), a withdrawn article (a 410). */
export type SlugTarget = { kind: 'article'; article: StoredArticle } | { kind: 'moved'; slug: string } | { kind: 'gone'; slug: string; gone: GoneArticle };

/** What `slug`, in exactly this spelling, names. */
function resolveExactSlug(slug: string): SlugTarget | undefined {
  const article = findArticle(slug);
  if (article !== undefined) return { kind: 'article', article };
  if (Object.hasOwn(index.aliases, slug)) return { kind: 'moved', slug: index.aliases[slug]! };
  if (Object.hasOwn(index.gone, slug)) return { kind: 'gone', slug, gone: index.gone[slug]! };
  return undefined;
}

/** What `slug` names, in any letter case (a route redirects a spelling that is not the canonical one). */
export function resolveSlug(slug: string): SlugTarget | undefined {
  return resolveExactSlug(slug) ?? resolveExactSlug(slug.toLowerCase());
}

/** The pre-rendered document at `path` (a feed, a sitemap, a tag page...). */
export function findDocument(path: string): StoredDocument | undefined {
  return Object.hasOwn(index.documents, path) ? index.documents[path] : undefined;
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

/** One page of articles, newest first, optionally only those with `tag`. */
export function listArticles(query: { tag: string | null; page: number; limit: number }): { items: StoredArticle[]; total: number } {
  const start = (query.page - 1) * query.limit;
  if (query.tag === null) {
    const total = index.slugs.length;
    const end = Math.min(start + query.limit, total);
    return { items: Array.from({ length: Math.max(0, end - start) }, (_, offset) => articleAt(start + offset)), total };
  }
  const tagged = Object.hasOwn(index.tags, query.tag) ? index.tags[query.tag]! : [];
  return { items: tagged.slice(start, start + query.limit).map(articleAt), total: tagged.length };
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
