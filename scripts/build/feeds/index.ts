import type { Article } from '../../../src/content/article';
import { paths, type FeedFormat } from '../../../src/content/paths';
import { MEDIA_TYPES } from '../../../src/http/media-types';
import type { DocumentProducer, DocumentSource } from '../documents';
import { atomFeed } from './atom';
import { feedOf, type Feed } from './feed';
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

function feedGroups(siteName: string, articles: readonly Article[], tag?: string): DocumentSource[][] {
  const feed = feedOf(siteName, articles, tag);
  if (feed === undefined) return [];
  return Object.entries(FORMATS).map(([format, { render, contentType }]) => [
    { path: paths.feed(format as FeedFormat, tag), contentType, kind: 'list', pages: [render(feed)] },
  ]);
}

/** Every feed: the site's, then each tag's in code-point order. No articles, no feeds. */
export const feeds: DocumentProducer = ({ articles, tags, context }) => [
  ...feedGroups(context.siteName, articles),
  ...[...tags].flatMap(([tag, tagged]) => feedGroups(context.siteName, tagged, tag)),
];
