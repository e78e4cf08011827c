import type { Article } from '../../../src/content/article';
import type { ArticleMeta } from '../article';
import { FEED_FILES, paths, type FeedFormat } from '../../../src/content/paths';
import { ORIGIN } from '../../../src/store/bundle';
import { absolute } from '../xml';
import { articleId, feedId } from './ids';

/** Whose feed: the site's, a tag's or an author's. */
export type FeedScope = { kind: 'site' } | { kind: 'tag'; tag: string } | { kind: 'author'; id: string; name: string };

/** The site as its feeds name it: its stable id (for ids), its name and language. */
export interface FeedSite {
  id: string;
  name: string;
  language: string;
}

/**
 * What the three formats say about one feed (the site's or a tag's), worked out once: every
 * format renders the same entries, ids, links and dates.
 */

/** Articles per feed: the newest, with their full content. */
export const FEED_SIZE = 50;

export interface FeedEntry {
  article: Article;
  /** The article's HTML as a feed carries it: its pictures' URLs absolute (feedHtml). */
  content: string;
  /** Stable across builds and origins (see ids.ts). */
  id: string;
  /** dateModified, else datePublished. */
  updated: string;
}

export interface Feed {
  id: string;
  title: string;
  description: string;
  /** The HTML page the feed follows (home page, tag or author page), absolute. */
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

/**
 * An article's HTML for a feed: the pages give its pictures as paths on the site (views/picture.ts),
 * which a feed reader cannot resolve (RSS has no base, and readers ignore Atom's `xml:base` as often
 * as not), so each picture's `src` and every `srcset` entry is made absolute here.
 */
export function feedHtml(html: string): string {
  return html
    .replaceAll('src="/images/', `src="${ORIGIN}/images/`)
    .replace(/srcset="([^"]*)"/g, (_match, list: string) => `srcset="${list.replace(/(^|, )\/images\//g, `$1${ORIGIN}/images/`)}"`);
}

/** The later of two RFC 3339 UTC instants (same format, so they compare as strings). */
const later = (a: string, b: string) => (a > b ? a : b);

/** Each scope's paths, id and words. */
function describe(site: FeedSite, scope: FeedScope) {
  switch (scope.kind) {
    case 'site':
      return { path: (format: FeedFormat) => paths.feed(format), home: paths.home, scope: '', title: site.name, description: `The newest articles from ${site.name}.` };
    case 'tag':
      return { path: (format: FeedFormat) => paths.feed(format, scope.tag), home: paths.tag(scope.tag), scope: `tags/${scope.tag}/`, title: `${site.name}: ${scope.tag}`, description: `The newest articles tagged ${scope.tag} on ${site.name}.` };
    case 'author':
      return { path: (format: FeedFormat) => paths.authorFeed(format, scope.id), home: paths.author(scope.id), scope: `authors/${scope.id}/`, title: `${site.name}: ${scope.name}`, description: `The newest articles by ${scope.name} on ${site.name}.` };
  }
}

/** A scope's feed's path in one format. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  return describe({ id: '', name: '', language: '' }, scope).path(format);
}

/** The site's feed, a tag's or an author's, from its articles newest first (`full` gives each entry's HTML back); none without articles. */
export function feedOf(site: FeedSite, articles: readonly ArticleMeta[], scope: FeedScope, full: (article: ArticleMeta) => Article): Feed | undefined {
  const entries = articles
    .slice(0, FEED_SIZE)
    .map((listed) => full(listed))
    .map((article) => ({ article, content: feedHtml(article.html), id: articleId(site.id, article.slug), updated: article.dateModified ?? article.datePublished }));
  if (entries.length === 0) return undefined;
  const described = describe(site, scope);
  const self = Object.fromEntries(Object.keys(FEED_FILES).map((format) => [format, absolute(described.path(format as FeedFormat))])) as Record<FeedFormat, string>;
  return {
    id: feedId(site.id, described.scope),
    title: described.title,
    description: described.description,
    home: absolute(described.home),
    self,
    siteName: site.name,
    language: site.language,
    updated: entries.map((entry) => entry.updated).reduce(later),
    entries,
  };
}
