import { html } from 'hono/html';
import { MEDIA_TYPES } from '../../../src/http/media-types';
import { xmlDocument, type XmlNode } from '../xml';
import type { Feed, FeedEntry } from './feed';

/**
 * The feed as RSS 2.0 (RSS Advisory Board specification, 2.0.11), with the modules feed readers
 * know: `content:encoded` for the full HTML, `dc:creator` for authors (RSS's own `author` must be
 * an e-mail address), `media:content` (Media RSS) for the lead image with its alt text and credit,
 * and `atom:link rel="self"`. Dates are RFC 822 (in GMT, four-digit year). The lead image is the
 * item's `enclosure` too, with a length of 0: the picture is made on request, so its size is not
 * known when the feed is built ("When an enclosure's size cannot be determined, a publisher should
 * use a length of 0", RSS Advisory Board, Best Practices Profile).
 */

/** An RFC 3339 instant as an RFC 822 date-time: `Fri, 27 Nov 2026 00:00:00 GMT`. */
export function rfc822(instant: string): string {
  return new Date(instant).toUTCString();
}

/** RSS readers render `description` as HTML: the plain-text summary is escaped as HTML first. */
const htmlText = (text: string) => html`${text}`.toString();

function item({ article, content, id }: FeedEntry): XmlNode {
  return {
    title: article.title,
    link: article.url,
    // Not the URL: the id stays when SITE_URL changes (ids.ts), so it is no permalink.
    guid: { '@isPermaLink': 'false', '#text': id },
    pubDate: rfc822(article.datePublished),
    description: htmlText(article.description),
    'content:encoded': content,
    'dc:creator': article.authors.map(({ name }) => name),
    category: article.tags,
    ...leadImage(article.image),
  };
}

/** The lead image as an enclosure and as Media RSS content (its 1200 px JPEG). */
function leadImage(image: FeedEntry['article']['image']): XmlNode {
  if (image === null) return {};
  return {
    enclosure: { '@url': image.url, '@length': '0', '@type': 'image/jpeg' },
    'media:content': {
      '@url': image.url,
      '@medium': 'image',
      '@type': 'image/jpeg',
      '@width': String(image.width),
      '@height': String(image.height),
      'media:description': { '@type': 'plain', '#text': image.alt },
      ...(image.credit === null ? {} : { 'media:credit': image.credit }),
    },
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
      '@xmlns:media': 'http://search.yahoo.com/mrss/',
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
