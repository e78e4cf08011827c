import type { ArticleMeta } from '../article';
import { paths, type FeedFormat } from '../../../src/content/paths';
import { MEDIA_TYPES } from '../../../src/http/media-types';
import type { DocumentProducer, DocumentSource, LazyPages, SiteInput } from '../documents';
import { atomFeed } from './atom';
import { FEED_SIZE, feedOf, feedPath, type Feed, type FeedScope, type FeedSite } from './feed';
import { jsonFeed } from './json-feed';
import { rssFeed } from './rss';

/**
 * The site's feeds and each tag's, in RSS 2.0, Atom 1.0 and JSON Feed 1.1: the newest FEED_SIZE
 * articles with their full HTML. Each feed is a body file of its own: a reader fetches one
 * format, and the Worker reads a whole file to serve any body in it.
 */

const FORMATS: Record<FeedFormat, { render: (feed: Feed) => string; contentType: string }> = {
  rss: { render: rssFeed, contentType: MEDIA_TYPES.rss },
  atom: { render: atomFeed, contentType: MEDIA_TYPES.atom },
  json: { render: jsonFeed, contentType: MEDIA_TYPES.jsonFeed },
};

/**
 * A scope's feed in every format, each a body file of its own; none without articles. The feed
 * is worked out when a format is first rendered (its entries' bodies loaded then), so a build that
 * takes a feed's pack from the previous build (by its key: its entries' sources and metadata)
 * loads nothing for it.
 */
export function feedGroups({ newsroom, full, documentKey }: SiteInput, articles: readonly ArticleMeta[], scope: FeedScope): DocumentSource[][] {
  if (articles.length === 0) return [];
  let feed: Feed | undefined;
  const made = () => (feed ??= feedOf(feedSite(newsroom), articles, scope, full)!);
  const entries = articles.slice(0, FEED_SIZE);
  return Object.entries(FORMATS).map(([format, { render, contentType }]) => {
    const path = feedPath(scope, format as FeedFormat);
    const pages: LazyPages = { length: 1, page: () => render(made()), ...(documentKey === undefined ? {} : { key: () => documentKey(path, entries) }) };
    return [{ path, contentType, kind: 'list', pages }];
  });
}

/** The site as its feeds name it. */
export function feedSite(newsroom: SiteInput['newsroom']): FeedSite {
  const { id, name, language } = newsroom.site.settings;
  return { id, name, language };
}

/** Every feed: the site's, then each tag's in code-point order (authors' come with their pages). No articles, no feeds. */
export const feeds: DocumentProducer = (input) => [
  ...feedGroups(input, input.articles, { kind: 'site' }),
  ...[...input.tags].flatMap(([tag, tagged]) => feedGroups(input, tagged, { kind: 'tag', tag })),
];
