/**
 * The shape of the module the content build generates (`src/generated/content.ts`). Bodies that
 * name the public origin are stored as parts split where the origin goes: the origin is runtime
 * configuration (`SITE_URL`), so the Worker joins the parts with it and never renders anything.
 */

/** A pre-rendered representation: `parts.join(origin)` is its exact body. */
export interface Representation {
  parts: string[];
  /** Hash of the exact template bytes; the ETag is this plus a hash of the origin. */
  hash: string;
}

/** One article, every representation pre-rendered. */
export interface BundledArticle {
  slug: string;
  tags: string[];
  datePublished: string;
  /** dateModified, else datePublished, as an HTTP-date (the Last-Modified value). */
  lastModified: string;
  /** The article's list entry, as a JSON text template. */
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
  /** Hash of every representation in this bundle: names one build (used as a cache tag). */
  build: string;
  /** Newest first (datePublished, then slug). */
  articles: BundledArticle[];
  pages: { home: Representation; notFound: Representation };
  assets: BundledAsset[];
}
