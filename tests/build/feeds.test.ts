import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleId, feedId, ID_NAMESPACE, uuidV5 } from '../../scripts/build/feeds/ids';
import type { Article } from '../../src/content/article';
import { paths, type FeedFormat } from '../../src/content/paths';
import { ORIGIN } from '../../src/store/bundle';
import { buildFixture, builtArticles, documentText, SITE, validate, type Built } from './documents';

/** Elements that may occur more than once, by path: always arrays, however many there are. */
const REPEATED = new Set(['rss.channel.item', 'rss.channel.item.category', 'rss.channel.item.dc:creator', 'feed.link', 'feed.author', 'feed.entry', 'feed.entry.link', 'feed.entry.author', 'feed.entry.category']);

/** Parses XML as a feed reader would: entities decoded, values as text, repeatable elements as arrays. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (_name, path) => REPEATED.has(path as string),
});

/** Drops the indentation between elements (whitespace-only text beside child elements). */
function withoutIndentation(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIndentation);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === '#text' && typeof value === 'string' && value.trim() === '' && Object.keys(node).some((other) => !other.startsWith('@') && other !== '#text')));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutIndentation(value)]));
}

const parseXml = (text: string) => withoutIndentation(parser.parse(text));

/** The RFC 822 dates the fixture's articles must carry, written out by hand. */
const PUB_DATES: Record<string, string> = {
  'markets-open': 'Fri, 27 Nov 2026 12:00:00 GMT',
  'first-look': 'Wed, 25 Nov 2026 12:00:00 GMT',
  'old-news': 'Wed, 25 Nov 2026 11:59:59 GMT',
};

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
const id = (article: Article) => articleId('edgewire', article.slug);
const updated = (article: Article) => article.dateModified ?? article.datePublished;
/** `{ [key]: values }`, or nothing when there are none (an empty element is left out). */
const some = <K extends string, T>(key: K, values: readonly T[]): Partial<Record<K, readonly T[]>> => (values.length === 0 ? {} : ({ [key]: values } as Record<K, readonly T[]>));

function rssItem(article: Article) {
  return {
    title: article.title,
    link: article.url,
    guid: { '@isPermaLink': 'false', '#text': id(article) },
    pubDate: PUB_DATES[article.slug],
    description: escapeHtml(article.description),
    'content:encoded': article.html,
    ...some('dc:creator', article.authors.map(({ name }) => name)),
    ...some('category', article.tags),
  };
}

function atomEntry(article: Article) {
  const person = (credit: Article['authors'][number]) => ('url' in credit && credit.url !== undefined ? { name: credit.name, uri: credit.url } : { name: credit.name });
  return {
    '@xml:lang': article.lang,
    id: id(article),
    title: { '@type': 'text', '#text': article.title },
    link: [{ '@rel': 'alternate', '@type': 'text/html', '@href': article.url }],
    published: article.datePublished,
    updated: updated(article),
    ...some('author', article.authors.map(person)),
    ...some('category', article.tags.map((tag) => ({ '@term': tag, '@scheme': `${SITE}/tags` }))),
    summary: { '@type': 'text', '#text': article.description },
    content: { '@type': 'html', '@xml:base': article.url, '#text': article.html },
  };
}

function jsonItem(article: Article) {
  return {
    id: id(article),
    url: article.url,
    title: article.title,
    content_html: article.html,
    summary: article.description,
    date_published: article.datePublished,
    ...(article.dateModified === null ? {} : { date_modified: article.dateModified }),
    ...some('authors', article.authors),
    tags: article.tags,
    language: article.lang,
  };
}

let built: Built;
let articles: Article[];
beforeAll(async () => {
  built = await buildFixture('feeds');
  articles = builtArticles(built);
});

/** The site's feed (no tag) and each tag's, with the articles each must list and its newest date. */
const FEEDS = [
  { tag: undefined, slugs: ['markets-open', 'first-look', 'old-news'], title: 'edgewire', description: 'The newest articles from edgewire.', home: `${SITE}/` },
  { tag: 'economy', slugs: ['markets-open', 'first-look'], title: 'edgewire: economy', description: 'The newest articles tagged economy on edgewire.', home: `${SITE}/tags/economy` },
  { tag: 'markets', slugs: ['markets-open'], title: 'edgewire: markets', description: 'The newest articles tagged markets on edgewire.', home: `${SITE}/tags/markets` },
] as const;
/** feed-level dates: the newest entry's (first-look was modified on the 28th), never the build's clock. */
const NEWEST = { 'edgewire': '2026-11-28T09:00:00Z', 'edgewire: economy': '2026-11-28T09:00:00Z', 'edgewire: markets': '2026-11-27T12:00:00Z' } as const;
const feedUrl = (format: FeedFormat, tag: string | undefined) => `${SITE}${paths.feed(format, tag)}`;
const listed = (slugs: readonly string[]) => slugs.map((slug) => articles.find((article) => article.slug === slug)!);

describe('feeds', () => {
  it('makes ids from the site id and slug: UUID v5 (RFC 9562), the same in every build and for every SITE_URL', () => {
    // The RFC's own example (Appendix A.4): the DNS namespace and www.example.com.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    // Python's documented example: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(ID_NAMESPACE).toBe('3f6d9c52-8a1e-4b7e-9c0d-5e2a71b4c8f3');
    expect(articleId('edgewire', 'markets-open')).toBe('urn:uuid:0215383d-ca49-5031-8cff-99c0a25b1852');
    expect(feedId('edgewire')).toBe('urn:uuid:265101dd-88c4-5ef6-b6f1-c9a9a5067fd3');
    // As the build before site.yml made them (feedId('edgewire', 'economy') then): a tag's feed keeps its id.
    expect(feedId('edgewire', 'tags/economy/')).toBe('urn:uuid:b7af825b-b692-5eba-835c-b19b07a42f06');
  });

  it.each(FEEDS)('RSS 2.0 of $title: every field of every item from its article', ({ tag, slugs, title, description, home }) => {
    expect(parseXml(documentText(built, paths.feed('rss', tag)))).toEqual({
      '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
      rss: {
        '@version': '2.0',
        '@xmlns:atom': 'http://www.w3.org/2005/Atom',
        '@xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        '@xmlns:media': 'http://search.yahoo.com/mrss/',
        channel: {
          title,
          link: home,
          description,
          language: 'en',
          lastBuildDate: new Date(NEWEST[title]).toUTCString(),
          'atom:link': { '@href': feedUrl('rss', tag), '@rel': 'self', '@type': 'application/rss+xml' },
          item: listed(slugs).map(rssItem),
        },
      },
    });
  });

  it.each(FEEDS)('Atom 1.0 of $title: every field of every entry from its article, valid against RFC 4287', async ({ tag, slugs, title, description, home }) => {
    const text = documentText(built, paths.feed('atom', tag));
    expect(parseXml(text)).toEqual({
      '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
      feed: {
        '@xmlns': 'http://www.w3.org/2005/Atom',
        '@xml:lang': 'en',
        id: feedId('edgewire', tag === undefined ? '' : `tags/${tag}/`),
        title: { '@type': 'text', '#text': title },
        subtitle: { '@type': 'text', '#text': description },
        updated: NEWEST[title],
        link: [
          { '@rel': 'self', '@type': 'application/atom+xml', '@href': feedUrl('atom', tag) },
          { '@rel': 'alternate', '@type': 'text/html', '@href': home },
        ],
        author: [{ name: 'edgewire', uri: `${SITE}/` }],
        entry: listed(slugs).map(atomEntry),
      },
    });
    expect(await validate(text, 'atom.rng')).toEqual({ valid: true, errors: [] });
  });

  it.each(FEEDS)('JSON Feed 1.1 of $title: every field of every item from its article', ({ tag, slugs, title, description, home }) => {
    expect(JSON.parse(documentText(built, paths.feed('json', tag)))).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title,
      home_page_url: home,
      feed_url: feedUrl('json', tag),
      description,
      language: 'en',
      authors: [{ name: 'edgewire', url: `${SITE}/` }],
      items: listed(slugs).map(jsonItem),
    });
  });

  it('writes the fixture article as a reader should get it: dates, escaping, authors', () => {
    const [markets] = listed(['markets-open']);
    expect(markets!.title).toBe(`Markets & "tariffs" <up> 'today'`);
    expect(rssItem(markets!).description).toBe('Shares rise; &lt;b&gt;not bold&lt;/b&gt; &amp; [not a link] * more_.');
    expect(atomEntry(markets!).author).toEqual([{ name: 'Ana Lima', uri: 'https://example.com/ana' }, { name: 'Bo Chen' }]);
    expect(markets!.html).toBe('<p>Shares <em>rose</em> after the <a href="/articles/first-look">first look</a> &amp; the &lt;script&gt;x&lt;/script&gt; tag.</p>\n');
  });

  it('keeps the origin marker as it is in every feed, and no id names the origin', () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const stored = built.index.documents[paths.feed(format)]!.pages[0]!;
      const raw = built.files.find((file) => file.path === stored.file)!.text.slice(stored.start, stored.end);
      expect(raw).toContain(`${ORIGIN}/articles/markets-open`);
      expect(raw).not.toMatch(/urn:uuid:[^<"]*\uE000/);
    }
  });

  it('stores each feed as a list document of its own media type, one body file each', () => {
    const feeds = Object.entries(built.index.documents).filter(([path]) => /(rss|atom)\.xml$|feed\.json$/.test(path));
    expect(feeds.map(([path, { contentType, kind }]) => [path, contentType, kind])).toEqual(
      FEEDS.flatMap(({ tag }) => [
        [paths.feed('rss', tag), 'application/rss+xml; charset=utf-8', 'list'],
        [paths.feed('atom', tag), 'application/atom+xml; charset=utf-8', 'list'],
        [paths.feed('json', tag), 'application/feed+json; charset=utf-8', 'list'],
      ]),
    );
    expect(new Set(feeds.map(([, { pages }]) => pages[0]!.file)).size).toBe(9);
  });

  it('the Atom schema rejects what RFC 4287 does (so the check above can fail)', async () => {
    const text = documentText(built, paths.feed('atom')).replace('<updated>2026-11-28T09:00:00Z</updated>', '<updated>yesterday</updated>');
    expect((await validate(text, 'atom.rng')).valid).toBe(false);
  });
});
