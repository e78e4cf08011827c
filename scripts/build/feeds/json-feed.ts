import { paths } from '../../../src/content/paths';
import { absolute } from '../xml';
import type { Feed, FeedEntry } from './feed';

/**
 * The feed as JSON Feed 1.1 (jsonfeed.org/version/1.1). The site is the top-level author, which
 * applies to items without authors of their own; `date_modified` only when the article was modified.
 */

const people = (credits: FeedEntry['article']['authors']) => credits.map((credit) => ('url' in credit && credit.url !== undefined ? { name: credit.name, url: credit.url } : { name: credit.name }));

function item({ article, content, id }: FeedEntry) {
  return {
    id,
    url: article.url,
    title: article.title,
    content_html: content,
    summary: article.description,
    ...(article.image === null ? {} : { image: article.image.url }),
    date_published: article.datePublished,
    ...(article.dateModified === null ? {} : { date_modified: article.dateModified }),
    ...(article.authors.length === 0 ? {} : { authors: people(article.authors) }),
    tags: article.tags,
    language: article.lang,
  };
}

/** The JSON Feed document of `feed`. */
export function jsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.home,
    feed_url: feed.self.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.siteName, url: absolute(paths.home) }],
    items: feed.entries.map(item),
  });
}
