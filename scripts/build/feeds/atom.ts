import { paths } from '../../../src/content/paths';
import { MEDIA_TYPES } from '../../../src/http/media-types';
import { absolute, xmlDocument, type XmlNode } from '../xml';
import type { Feed, FeedEntry } from './feed';

/**
 * The feed as Atom 1.0 (RFC 4287). The site is the feed's author (§4.2.1: it applies to every entry
 * without one of its own). Content is the article's HTML as `type="html"` (§4.1.3.1: escaped
 * markup), with `xml:base` at the article's URL so a relative link in it resolves to the site.
 */

const mediaType = (contentType: string) => contentType.split(';')[0]!;

/** Credits as Atom person constructs (§3.2). */
const people = (credits: FeedEntry['article']['authors']) => credits.map((credit) => ('url' in credit && credit.url !== undefined ? { name: credit.name, uri: credit.url } : { name: credit.name }));

function entry({ article, content, id, updated }: FeedEntry): XmlNode {
  return {
    '@xml:lang': article.lang,
    id,
    title: { '@type': 'text', '#text': article.title },
    // The lead image as an enclosure (§4.2.7.2): its 1200 px JPEG.
    link: [{ '@rel': 'alternate', '@type': mediaType(MEDIA_TYPES.html), '@href': article.url }, ...(article.image === null ? [] : [{ '@rel': 'enclosure', '@type': 'image/jpeg', '@href': article.image.url }])],
    published: article.datePublished,
    updated,
    author: people(article.authors),
    category: article.tags.map((tag) => ({ '@term': tag, '@scheme': absolute(paths.tags) })),
    summary: { '@type': 'text', '#text': article.description },
    content: { '@type': 'html', '@xml:base': article.url, '#text': content },
  };
}

/** The Atom document of `feed`. */
export function atomFeed(feed: Feed): string {
  return xmlDocument({
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': feed.language,
      id: feed.id,
      title: { '@type': 'text', '#text': feed.title },
      subtitle: { '@type': 'text', '#text': feed.description },
      updated: feed.updated,
      link: [
        { '@rel': 'self', '@type': mediaType(MEDIA_TYPES.atom), '@href': feed.self.atom },
        { '@rel': 'alternate', '@type': mediaType(MEDIA_TYPES.html), '@href': feed.home },
      ],
      author: { name: feed.siteName, uri: absolute(paths.home) },
      entry: feed.entries.map(entry),
    },
  });
}
