/**
 * What the content build writes for the Worker: a small index (`src/generated/content.ts`, in the
 * Worker bundle) and body files (`.edgewire/assets/`, served to the Worker by Workers Static
 * Assets as the `ASSETS` binding). The bundle stays small however large the archive grows; bodies
 * are read by key when first asked for and then kept in the isolate.
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
  /** Path of the body file in the static assets (content-addressed: `/b/<hash>.txt`). */
  file: string;
  start: number;
  end: number;
  /** Hash of the exact template; the ETag is this, plus a hash of the origin when `sited`. */
  hash: string;
  /** Whether the body names the origin. */
  sited: boolean;
}

/** One article. Its representations share one body file (one asset per article). */
export interface BundledArticle {
  slug: string;
  tags: string[];
  datePublished: string;
  /** dateModified, else datePublished, as an HTTP-date (the Last-Modified value). */
  lastModified: string;
  /** The article's list entry as JSON text, split where the origin goes. */
  summary: string[];
  json: Representation;
  html: Representation;
  markdown: Representation;
}

/** A static file served under `/assets/` with a content-hashed, immutable name. */
export interface BundledAsset {
  name: string;
  contentType: string;
  body: string;
  hash: string;
}

/** Everything the Worker serves, as the build wrote it. */
export interface ContentBundle {
  /** Hash of every representation in this build: names it (used as a cache tag). */
  build: string;
  /** Newest first (datePublished, then slug). */
  articles: BundledArticle[];
  /** `home[n]` is page n + 1 of the home page. */
  pages: { home: Representation[]; notFound: Representation };
  assets: BundledAsset[];
}

/** A body file for the static assets: `path` under the assets directory, and its text. */
export interface BodyFile {
  path: string;
  text: string;
}
