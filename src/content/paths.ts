/** The site's URL paths, in one place for the build, the views and the routes. */
export const paths = {
  home: '/',
  /** Archive page n of the home page (counted from the oldest); the front page (the newest) without n. */
  homePage: (page?: number) => (page === undefined ? '/' : `/?page=${page}`),
  article: (slug: string) => `/articles/${slug}`,
  articleHtml: (slug: string) => `/articles/${slug}.html`,
  articleMarkdown: (slug: string) => `/articles/${slug}.md`,
  /** The article's embed card: a small page any site may frame (the oEmbed `html` frames it). */
  articleEmbed: (slug: string) => `/articles/${slug}/embed`,
  apiArticles: '/api/articles',
  apiArticle: (slug: string) => `/api/articles/${slug}`,
  /** The article as IPTC ninjs 3.1, the wire's own JSON (content/ninjs.ts). */
  apiArticleNinjs: (slug: string) => `/api/articles/${slug}/ninjs`,
  /** The OpenAPI description of every route (RFC 8631 service-desc). */
  openapi: '/api/openapi.json',
  /** The oEmbed endpoint (oembed.com §2.2). */
  oembed: '/api/oembed',
  /**
   * An article's oEmbed discovery URL (oembed.com §4: the endpoint with `url` and `format`, nothing
   * else). `articleUrl` goes in as it is: an absolute URL of an article is scheme, host, port and
   * `/articles/<slug>`, all characters a query may hold unencoded (RFC 3986 §3.4), so the build can
   * write it with the ORIGIN marker and the Worker's origin lands in it unchanged.
   */
  oembedFor: (articleUrl: string) => `/api/oembed?url=${articleUrl}&format=json`,
  asset: (name: string) => `/assets/${name}`,
  /** Every tag with its article count. */
  tags: '/tags',
  /** Archive page n of a tag's articles (counted from the oldest); the tag page itself (the newest) without n. */
  tag: (tag: string, page?: number) => (page === undefined ? `/tags/${tag}` : `/tags/${tag}?page=${page}`),
  /** The site's feeds; a tag's feeds when `tag` is given. */
  feed: (format: FeedFormat, tag?: string) => `${tag === undefined ? '' : `/tags/${tag}`}${FEED_FILES[format]}`,
  /** Every author with a page. */
  authors: '/authors',
  /** Archive page n of an author's articles (counted from the oldest); without n, the page itself: their bio and newest articles. */
  author: (id: string, page?: number) => (page === undefined ? `/authors/${id}` : `/authors/${id}?page=${page}`),
  /** An author's feeds. */
  authorFeed: (format: FeedFormat, id: string) => `/authors/${id}${FEED_FILES[format]}`,
  apiAuthors: '/api/authors',
  apiAuthor: (id: string) => `/api/authors/${id}`,
  /** Archive page n of a section's articles (counted from the oldest); the section page itself (the newest) without n. */
  section: (slug: string, page?: number) => (page === undefined ? `/sections/${slug}` : `/sections/${slug}?page=${page}`),
  /** Every correction on the site, newest first. */
  corrections: '/corrections',
  /** A static page (content/pages/<slug>.md). */
  page: (slug: string) => `/${slug}`,
  sitemap: '/sitemap.xml',
  /** Child n (from 1) of the sitemap index, when the archive needs more than one sitemap. */
  sitemapPart: (part: number) => `/sitemaps/${part}.xml`,
  newsSitemap: '/news-sitemap.xml',
  robots: '/robots.txt',
  llms: '/llms.txt',
  favicon: '/favicon.ico',
  /** Search results for readers (`?q=`), and for programs. */
  search: '/search',
  apiSearch: '/api/search',
  /** The OpenSearch 1.1 description: how a browser adds the site's search. */
  openSearch: '/opensearch.xml',
} as const;

/** The feed formats and their file names. */
export const FEED_FILES = { rss: '/rss.xml', atom: '/atom.xml', json: '/feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;

/**
 * First path segments the site's own routes use: a static page there would never be reached, or
 * would hide a route. (Names with a dot, such as rss.xml, are no slugs, so they cannot clash.)
 */
export const RESERVED_PAGE_SLUGS: readonly string[] = ['admin', 'api', 'articles', 'assets', 'authors', 'corrections', 'search', 'sections', 'sitemaps', 'tags'];
