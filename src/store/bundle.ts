import type { ArticleSummary } from '../content/article';
import type { ViewContext } from '../views/format';

/**
 * What the content build writes for the Worker: a small index and one line of JSON per article
 * (`src/generated/content.txt`, a Text module in the Worker bundle), and body files
 * (`.edgewire/assets/`, served to the Worker by Workers Static Assets as the `ASSETS` binding).
 * Startup parses only the index; an article's line is parsed when the article is first asked for,
 * and its bodies are read from their file then. So the bundle and startup stay small however
 * large the archive.
 *
 * Bodies that name the public origin are stored as templates with ORIGIN where the origin goes:
 * the origin is runtime configuration (`SITE_URL`), so the Worker puts it in and never renders.
 */

/**
 * Stands where the public origin goes in a pre-rendered body. A private-use character that
 * neither JSON nor HTML escaping touches; the build rejects content that contains it.
 */
export const ORIGIN = '\uE000origin\uE000';

/** A pre-rendered representation: the characters `start` to `end` of a body file. */
export interface Representation {
  /** Path of the body file in the static assets: `/b/<hash of its text>.txt`. */
  file: string;
  start: number;
  end: number;
  /**
   * Names these exact template bytes, whatever file they are packed in (a hash of the body
   * itself, or of the article's bodies and the body's place among them): the ETag's core.
   */
  hash: string;
}

/** The hash naming one of an article's bodies: the hash of its four bodies and the body's place among them. */
export function representationHash(articleHash: string, place: number): string {
  return `${articleHash}.${place}`;
}

/** Where a body sits in its article's file: `[start, end)`, in UTF-16 code units. */
export type Span = readonly [start: number, end: number];

/** One article as the build wrote it: a line of JSON, parsed on first use. */
export interface ArticleLine {
  /** The list entry, fields in API order; `url` starts with ORIGIN. */
  summary: ArticleSummary;
  /** dateModified, else datePublished, as an HTTP-date (the Last-Modified value). */
  lastModified: string;
  /** The body file (a pack of several articles, packs.ts) holding all four bodies, one after another. */
  file: string;
  /** A hash of the four bodies: their representations' hashes, so an ETag stays when only the pack around them changes. */
  hash: string;
  json: Span;
  html: Span;
  markdown: Span;
  /** The embed card: a small HTML page other sites frame (oEmbed). */
  embed: Span;
}

/** A static file served under `/assets/` with a content-hashed, immutable name. */
export interface BundledAsset {
  name: string;
  contentType: string;
  /** The text, or a binary file's bytes in base64 (`base64: true`: a raster logo). */
  body: string;
  base64?: true;
  hash: string;
}

/** A withdrawn article: its URLs answer 410 Gone with this page (HTML) or the reason (API). */
export interface GoneArticle {
  title: string;
  /** When it was withdrawn (RFC 3339 UTC). */
  date: string;
  reason: string;
  page: Representation;
}

/**
 * A pre-rendered document served at one path (feeds, sitemaps, robots.txt, tag pages): its
 * media type, how it is cached (a kind of the HTTP policy table), and its pages: `pages[n]` is
 * `?page=n+1`. A document of one page ignores the query.
 */
export interface StoredDocument {
  contentType: string;
  kind: 'home' | 'list' | 'icon';
  pages: Representation[];
}

/** The part of the content parsed at startup. */
export interface ContentIndex {
  /** Hash of every body file and asset of this build: names it (used as a cache tag). */
  build: string;
  /** Slugs newest first (datePublished, then slug): article i is line i + 1 of the content module. */
  slugs: string[];
  /** For each tag, the line numbers of its articles, newest first. */
  tags: Record<string, number[]>;
  /** `home[n]` is page n + 1 of the home page. */
  pages: { home: Representation[]; notFound: Representation };
  /** Every other pre-rendered document, by its path. */
  documents: Record<string, StoredDocument>;
  /** Former slugs of renamed articles, each with the slug it now has. */
  aliases: Record<string, string>;
  /** Withdrawn articles by slug. */
  gone: Record<string, GoneArticle>;
  assets: BundledAsset[];
  /** What the oEmbed endpoint names besides the article: the site, and the resizer script's asset name. */
  embed: { siteName: string; resizer: string };
  /** What a page the Worker renders per request (search results) is rendered with: the views' context. */
  view?: PageView;
}

/** The views' context without the per-article dates (a page rendered per request shows dates alone). */
export type PageView = Omit<ViewContext, 'timed'>;

/** A body file for the static assets: `path` under the assets directory, and its text. */
export interface BodyFile {
  path: string;
  text: string;
}
