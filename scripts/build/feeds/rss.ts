import { html } from 'hono/html';
import { MEDIA_TYPES } from '../../../src/http/media-types';
import { xmlDocument, type XmlNode } from '../xml';
import type { Feed, FeedEntry } from './feed';

/**
 * The feed as RSS 2.0 (RSS Advisory Board specification, 2.0.11), with the modules feed readers
 * know: `content:encoded` for the full HTML, `dc:creator` for authors (RSS's own `author` must be
 * an e-mail address), and `atom:link rel="self"`. Dates are RFC 822 (in GMT, four-digit year).
 */

/** An RFC 3339 instant as an RFC 822 date-time: `Fri, 27 Nov 2026 00:00:00 GMT`. */
export function rfc822(instant: string): string {
  return new Date(instant).toUTCString();
}

/** RSS readers render `description` as HTML: the plain-text summary is escaped as HTML first. */
const htmlText = (text: string) => html`${text}`.toString();

function item({ article, id }: FeedEntry): XmlNode {
  return {
    title: article.title,
    link: article.url,
    // Not the URL: the id stays when SITE_URL changes (ids.ts), so it is no permalink.
    guid: { '@isPermaLink': 'false', '#text': id },
    pubDate: rfc822(article.datePublished),
    description: htmlText(article.description),
    'content:encoded': article.html,
    'dc:creator': article.authors.map(({ name }) => name),
    category: article.tags,
  };
}

/** The RSS document of `feed`; `lastBuildDate` is its newest entry's date. */
export function rssFeed(feed: Feed): string {
  return xmlDocument({
    rss: {
      '@version': '2.0',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: feed.title,
        link: feed.home,
        description: feed.description,
        language: feed.language,
        lastBuildDate: rfc822(feed.updated),
        'atom:link': { '@href': feed.self.rss, '@rel': 'self', '@type': MEDIA_TYPES.rss.split(';')[0] },
        item: feed.entries.map(item),
      },
    },
  });
}
