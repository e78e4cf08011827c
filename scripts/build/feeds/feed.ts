import type { Article } from '../../../src/content/article';
import { FEED_FILES, paths, type FeedFormat } from '../../../src/content/paths';
import { absolute } from '../xml';
import { articleId, feedId } from './ids';

/**
 * What the three formats say about one feed (the site's or a tag's), worked out once: every
 * format renders the same entries, ids, links and dates.
 */

/** Articles per feed: the newest, with their full content. */
export const FEED_SIZE = 50;

/** The feeds' language: the site's, as its home page declares it; each entry carries its own too. */
export const SITE_LANGUAGE = 'en';

export interface FeedEntry {
  article: Article;
  /** Stable across builds and origins (see ids.ts). */
  id: string;
  /** dateModified, else datePublished. */
  updated: string;
}

export interface Feed {
  id: string;
  title: string;
  description: string;
  /** The HTML page the feed follows (home page or tag page), absolute. */
  home: string;
  /** Each format's own URL, absolute. */
  self: Record<FeedFormat, string>;
  siteName: string;
  /** BCP 47: the site's. */
  language: string;
  /** The newest `updated` among the entries: never the build time. */
  updated: string;
  entries: FeedEntry[];
}

/** The later of two RFC 3339 UTC instants (same format, so they compare as strings). */
const later = (a: string, b: string) => (a > b ? a : b);

/** The site's feed (no tag) or a tag's, from its articles newest first; none without articles. */
export function feedOf(siteName: string, articles: readonly Article[], tag?: string): Feed | undefined {
  const entries = articles.slice(0, FEED_SIZE).map((article) => ({ article, id: articleId(siteName, article.slug), updated: article.dateModified ?? article.datePublished }));
  if (entries.length === 0) return undefined;
  const self = Object.fromEntries(Object.keys(FEED_FILES).map((format) => [format, absolute(paths.feed(format as FeedFormat, tag))])) as Record<FeedFormat, string>;
  return {
    id: feedId(siteName, tag),
    title: tag === undefined ? siteName : `${siteName}: ${tag}`,
    description: tag === undefined ? `The newest articles from ${siteName}.` : `The newest articles tagged ${tag} on ${siteName}.`,
    home: absolute(tag === undefined ? paths.home : paths.tag(tag)),
    self,
    siteName,
    language: SITE_LANGUAGE,
    updated: entries.map((entry) => entry.updated).reduce(later),
    entries,
  };
}
