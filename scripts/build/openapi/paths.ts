import { FEED_FILES, paths as sitePaths, type FeedFormat } from '../../../src/content/paths';
import type { ResponseKind } from '../../../src/http/policy';
import { MAX_RESULTS } from '../../../src/search/engine';
import { common, headers, parameters } from './http';
import { schemaRef } from './schemas';

/**
 * `paths`: every public route, its parameters and its responses (src/routes/*). Each operation is
 * a GET; HEAD, OPTIONS and the 405 for other methods apply to every path alike and are no
 * operations, so `info.description` states them once.
 */

type Content = Record<string, object>;
const STRING = { schema: { type: 'string' } };
const only = (mediaType: string): Content => ({ [mediaType]: STRING });
const json = (name: Parameters<typeof schemaRef>[0]): Content => ({ 'application/json': { schema: schemaRef(name) } });

/** A 200 with its content, then the 304 that revalidates it with the same headers (RFC 9110 §15.4.5). */
function representation(description: string, kind: ResponseKind, content: Content, ...names: string[]) {
  return {
    200: { description, headers: headers(kind, 'ETag', ...names), content },
    304: { description: 'Not Modified: the ETag matched; no body.', headers: headers(kind, 'ETag', ...names.filter((name) => name !== 'Last-Modified')) },
  };
}

interface Get {
  id: string;
  tag: string;
  summary: string;
  /** What a caller needs beyond the summary: what varies, what fails, how it is cached. */
  description: string;
  params?: string[];
  responses: Record<string, object>;
}

const get = ({ id, tag, summary, description, params = [], responses }: Get) => ({ get: { operationId: id, tags: [tag], summary, description, parameters: parameters(...params), responses } });

/**
 * A pre-rendered document at a fixed path (src/routes/documents.ts), purged with `articles`. Any
 * of them answers `?page=` past its last page with the HTML 404 and a malformed one with a 400;
 * only those of several pages declare the parameter.
 */
function document(id: string, tag: string, summary: string, description: string, content: Content, params: string[] = [], kind: ResponseKind = 'list') {
  return get({ id, tag, summary, description, params, responses: { ...representation(summary, kind, content, 'Cache-Tag'), ...common('400', '404-page') } });
}

const FEED_TYPES: Record<FeedFormat, Content> = { rss: only('application/rss+xml'), atom: only('application/atom+xml'), json: { 'application/feed+json': { schema: schemaRef('JsonFeed') } } };
const FEED_NAMES: Record<FeedFormat, string> = { rss: 'Rss', atom: 'Atom', json: 'JsonFeed' };
const FEED_FORMATS: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0 (RFC 4287)', json: 'JSON Feed 1.1' };

/** The three feeds of the site, a tag or an author (`whose`: "The site's", "A tag's", "An author's"). */
function feeds(prefix: string, id: string, params: string[], whose: string): Record<string, object> {
  const entries = (Object.keys(FEED_FILES) as FeedFormat[]).map((format) => [
    `${prefix}${FEED_FILES[format]}`,
    document(
      `${id}${FEED_NAMES[format]}`,
      'feeds',
      `The newest 50 articles with their full HTML, as ${FEED_NAMES[format]}.`,
      `${whose} newest 50 articles, newest first, each with its full HTML body, as ${FEED_FORMATS[format]}. An entry keeps its id across rebuilds and a new SITE_URL; the feed's updated date is its newest entry's, never the build's.`,
      FEED_TYPES[format],
      params,
    ),
  ]);
  return Object.fromEntries(entries);
}

const REDIRECT = { 301: { description: 'Moved Permanently: the canonical URL is in Location (another letter case, or a renamed article\'s former slug).', headers: headers('redirect', 'Location') } };
const SEARCH_REDIRECT = { 301: { description: 'Moved Permanently: the canonical URL of the same search is in Location.', headers: headers('redirect', 'Location') } };
const GONE = 'A withdrawn article answers 410 Gone, saying when and why.';
const CASE_REDIRECT = 'A slug in another letter case redirects (301) to the canonical spelling.';

/** One representation of an article: cached as `article`, linking the others, redirected when not canonical. */
function article(id: string, summary: string, description: string, content: Content, extra: Record<string, object>, ...names: string[]) {
  return get({ id, tag: 'articles', summary, description, params: ['slug'], responses: { ...representation(summary, 'article', content, 'Last-Modified', 'Link', 'Cache-Tag', ...names), ...REDIRECT, ...extra } });
}

/** The JSON API: articles, oEmbed and this document. */
function apiItems(): Record<string, object> {
  const listed = representation('A page of summaries.', 'list', json('ArticleList'), 'Link', 'Cache-Tag');
  const served = representation('The article.', 'article', json('ArticleResponse'), 'Last-Modified', 'Link', 'Cache-Tag');
  return {
    [sitePaths.apiArticles]: get({
      id: 'listArticles',
      tag: 'api',
      summary: 'Article summaries, newest first, a page at a time.',
      description:
        'Each summary has the article\'s fields but its body (ArticleSummary). `tag` keeps the articles with that tag; an unknown tag is one empty page. `Link` names the `first`, `prev`, `next` and `last` pages, with only the parameters that differ from their defaults, so a page has one URL. A page past the last is a 404; a malformed or repeated parameter a 400 that names each.',
      params: ['page', 'limit', 'tag'],
      responses: { ...listed, ...common('400', '404') },
    }),
    [sitePaths.apiSearch]: get({
      id: 'searchArticles',
      tag: 'api',
      summary: 'Search every article: the best matches first, a page at a time.',
      description: `BM25F over the headline (weighted most), the dek, the tags, the authors and the text, each word in its forms (Snowball stemmers, per the article's language), accents folded, the last word also as a prefix while it is typed, phrases in quotes as written; equal scores go to the newer article. Each result is the article's summary with a \`snippet\` (HTML, the matched words in \`<mark>\`) and its \`score\`. \`tag\`, \`section\`, \`author\`, \`from\` and \`to\` narrow the search. A search has one URL: the query in lower case with its spaces collapsed, the parameters in the order q, tag, section, author, from, to, page, limit, defaults and empty or unknown parameters left out; any other spelling is a 301 there. \`Link\` names the \`first\`, \`prev\`, \`next\` and \`last\` pages. Results are served to the ${MAX_RESULTS}th; a page past the last is a 404, a missing, too long, malformed or repeated parameter a 400 that names each. A query of punctuation only has no results. Cached briefly and purged with \`search\`; a scheduled article is found from its release.`,
      params: ['searchQ', 'searchTag', 'searchSection', 'searchAuthor', 'searchFrom', 'searchTo', 'page', 'searchLimit'],
      responses: { ...representation('A page of results.', 'search', json('SearchResults'), 'Link', 'Cache-Tag'), ...SEARCH_REDIRECT, ...common('400', '404') },
    }),
    '/api/articles/{slug}': get({
      id: 'getArticle',
      tag: 'api',
      summary: 'One article with its body.',
      description:
        'The article by its slug, every field of the Article schema; the same bytes as `/articles/{slug}` sends for `Accept: application/json`. `Link` names the canonical page and the other representations. A slug in another letter case, or a renamed article\'s former slug, redirects (301) to the canonical one; a withdrawn article is a 410 problem document with the reason.',
      params: ['slug'],
      responses: { ...served, ...REDIRECT, ...common('404', '410') },
    }),
    '/api/articles/{slug}/ninjs': get({
      id: 'getArticleNinjs',
      tag: 'api',
      summary: 'One article as IPTC ninjs 3.1, the wire\'s JSON.',
      description:
        'The article in ninjs 3.1 (iptc.org/std/ninjs): its page as `uri`, headline and alternative headline, dek, body as HTML and plain text, dates, authors, source, section and tags as subjects, and the lead image as an associated picture; valid against IPTC\'s schema, which `Link` names (`describedby`). Cached and revalidated as the article\'s JSON is. A slug in another letter case, or a renamed article\'s former slug, redirects (301); a withdrawn article is a 410 problem document.',
      params: ['slug'],
      responses: { ...representation('The article as ninjs.', 'article', json('Ninjs'), 'Last-Modified', 'Link', 'Cache-Tag'), ...REDIRECT, ...common('404', '410') },
    }),
    [sitePaths.oembed]: get({
      id: 'getOembed',
      tag: 'api',
      summary: 'oEmbed (oembed.com): an article as a rich embed, its card in a sandboxed iframe.',
      description:
        'The `rich` answer for an article page of this site, named as its discovery link writes it or in any spelling the page answers. `html` is the embed card in a sandboxed iframe that renders at exactly `width` × `height`, and the resizer script, which fits the iframe to the card\'s height (within `maxheight`). A renamed article\'s former URL embeds the article. A URL that is not an article here is a 404, a withdrawn article a 410, a missing or malformed parameter a 400, a `format` other than json a 501.',
      params: ['oembedUrl', 'oembedFormat', 'maxwidth', 'maxheight'],
      responses: { ...representation('The oEmbed object.', 'article', json('OEmbed'), 'Cache-Tag'), ...common('400', '404', '410', '501') },
    }),
    [sitePaths.openapi]: document(
      'getOpenApi',
      'api',
      'This OpenAPI 3.1 document.',
      'Generated by the content build from the schemas it validates the articles with, and from the policy tables the Worker sends its headers from; `servers` names the configured SITE_URL.',
      { 'application/json': { schema: { type: 'object' } } },
    ),
    [sitePaths.apiAuthors]: document('listAuthors', 'api', 'Every author with a page, by name.', 'Each author of content/authors/ (AuthorSummary): their page here as `url`, their role, site and profiles, and how many published articles name them.', json('AuthorList')),
    '/api/authors/{id}': get({
      id: 'getAuthor',
      tag: 'api',
      summary: 'One author with their bio.',
      description: 'The author by id (the file name of content/authors/<id>.md): the summary and the bio as `html` and `text`. An unknown id is a 404 problem document.',
      params: ['authorId'],
      responses: { ...representation('The author.', 'list', json('AuthorResponse'), 'Cache-Tag'), ...common('404') },
    }),
  };
}

/** An article's pages: negotiated, explicit, and the embed card. */
function articleItems(): Record<string, object> {
  return {
    '/articles/{slug}': article(
      'getArticlePage',
      'The article, negotiated on Accept: HTML (default), JSON or Markdown.',
      `The article's canonical URL. \`Accept\` chooses by q-value among text/html (also for \`*/*\` or no Accept), application/json and text/markdown, ties in that order; \`Vary: Accept\`, and \`Content-Location\` names the explicit URL of what was sent. Nothing acceptable is a 406 listing the alternatives. \`/articles/{slug}/\` (trailing slash) redirects here (301). ${CASE_REDIRECT} ${GONE}`,
      { ...only('text/html'), ...json('ArticleResponse'), ...only('text/markdown') },
      common('404-page', '406', '410-page'),
      'Vary',
      'Content-Location',
    ),
    '/articles/{slug}.html': article('getArticleHtml', 'The article page, not negotiated.', `The article page whatever \`Accept\` says: the HTML the canonical URL negotiates. ${CASE_REDIRECT} ${GONE}`, only('text/html'), common('404-page', '410-page')),
    '/articles/{slug}.md': article(
      'getArticleMarkdown',
      'The article as Markdown with YAML front matter, not negotiated.',
      `The article as CommonMark with its fields as YAML front matter (\`text/markdown; charset=utf-8; variant=CommonMark\`), whatever \`Accept\` says: for readers, tools and language models. ${CASE_REDIRECT} ${GONE}`,
      only('text/markdown'),
      common('404-page', '410-page'),
    ),
    '/articles/{slug}/embed': get({
      id: 'getArticleEmbed',
      tag: 'articles',
      summary: 'The embed card: a small page any site may frame (CSP frame-ancestors *).',
      description: `The page the oEmbed \`html\` frames: headline, dek, credits, date and a link that opens the article in a new tab; \`noindex\`. Its CSP lets any site frame it and runs only its own script, which posts the card's height to the framing page. ${CASE_REDIRECT} ${GONE}`,
      params: ['slug'],
      responses: { ...representation('The embed card.', 'article', only('text/html'), 'Last-Modified', 'Cache-Tag'), ...REDIRECT, ...common('404-page', '410-page') },
    }),
  };
}

/** The rest of the site: front and tag pages, feeds, discovery files, assets. */
function siteItems(): Record<string, object> {
  return {
    [sitePaths.home]: document(
      'getHome',
      'pages',
      'The front page: the lead story, each section\'s newest, then the newest articles; archive pages of 30 from the oldest.',
      'The front page leads with the newest featured article (else the newest), then a block per section of site.yml, then the latest 30 articles; `?page=n` is archive page n, numbered from the oldest (page 1 holds the 30 oldest), so a full archive page never changes. A page past the last is the HTML 404.',
      only('text/html'),
      ['archivePage'],
      'home',
    ),
    '/sections/{section}': document('getSection', 'pages', 'A section\'s newest 30 articles; archive pages of 30 from the oldest.', 'The articles of a section of site.yml (by their tags or their `section`), newest first; `?page=n` is archive page n, numbered from the oldest. A page past the last, or an unknown section, is the HTML 404.', only('text/html'), ['sectionSlug', 'archivePage']),
    [sitePaths.authors]: document('getAuthors', 'pages', 'Every author with a page.', 'Every author of content/authors/, by name, with their role and how many articles they have.', only('text/html')),
    '/authors/{id}': document('getAuthorPage', 'pages', 'An author\'s page: their bio, then their articles.', 'The author\'s name, role, bio and profiles, then their newest 30 articles; `?page=n` is archive page n of their articles, numbered from the oldest. The page links their feeds. An unknown author is the HTML 404.', only('text/html'), ['authorId', 'archivePage']),
    ...feeds('/authors/{id}', 'getAuthorFeed', ['authorId'], "An author's"),
    [sitePaths.corrections]: document('getCorrections', 'pages', 'Every correction on the site, newest first.', 'Each correction with its date, its text and a link to the corrections of the article it corrects.', only('text/html')),
    '/{slug}': document('getPage', 'pages', 'A static page of the site.', 'A page of content/pages/ (About, Contact, a corrections policy) at /<its file name>; any other single-segment path is the HTML 404.', only('text/html'), ['pageSlug']),
    [sitePaths.tags]: document('getTags', 'pages', 'Every tag with its article count.', 'Every tag, linking its page, with how many articles have it; one page (a later `page` is the HTML 404).', only('text/html'), ['page']),
    '/tags/{tag}': document('getTag', 'pages', 'A tag\'s newest 30 articles; archive pages of 30 from the oldest; an unknown tag gets the 404.', '`?page=n` is archive page n, numbered from the oldest. The page links the tag\'s own feeds. A page past the last, or a tag no article has, is the HTML 404.', only('text/html'), ['tagName', 'archivePage']),
    ...feeds('', 'getFeed', [], "The site's"),
    ...feeds('/tags/{tag}', 'getTagFeed', ['tagName'], "A tag's"),
    [sitePaths.sitemap]: document('getSitemap', 'discovery', 'The sitemap; past 50,000 URLs or 50 MB, a sitemap index.', 'sitemaps.org XML: the front page, the section pages, /tags, every tag page, the author pages, the static pages, /corrections and every article, each with its `lastmod` where it has one. Past 50,000 URLs or 50 MB it becomes an index of `/sitemaps/{part}.xml`.', only('application/xml')),
    '/sitemaps/{part}.xml': document('getSitemapPart', 'discovery', 'One sitemap of the index.', 'Part `part` (from 1) of the sitemap index, once the site has outgrown one sitemap; a part that does not exist is the HTML 404.', only('application/xml'), ['part']),
    [sitePaths.newsSitemap]: document('getNewsSitemap', 'discovery', 'The Google News sitemap: the articles of the 48 hours before the newest.', 'Each with `news:publication` (site name, language), `news:publication_date` and `news:title`. The window ends at the newest article, not at the build\'s clock, so the same content builds the same file.', only('application/xml')),
    [sitePaths.search]: get({
      id: 'getSearchPage',
      tag: 'pages',
      summary: 'The search page: a form, then the results with their snippets.',
      description: 'The results of /api/search as a page that works without script: each with its section, headline, dek, snippet (the matched words marked) and date, and links to the results before and after; a page that says what to try when nothing matches; the form alone without `q`. Every page\'s masthead has the same GET form. The same canonical URL, redirects, limits and caching as /api/search; a page past the last is the HTML 404, a malformed parameter a 400 problem document.',
      params: ['searchPageQ', 'searchTag', 'searchSection', 'searchAuthor', 'searchFrom', 'searchTo', 'page', 'searchLimit'],
      responses: { ...representation('The results page.', 'search', only('text/html'), 'Cache-Tag'), ...SEARCH_REDIRECT, ...common('400', '404-page') },
    }),
    [sitePaths.openSearch]: document('getOpenSearch', 'discovery', 'The OpenSearch 1.1 description: the site\'s search for browsers.', 'The site\'s name and the URL templates of the search page and the search API, which every page names with `<link rel="search">`.', only('application/opensearchdescription+xml')),
    [sitePaths.robots]: document('getRobots', 'discovery', 'robots.txt (RFC 9309), naming the sitemaps.', 'Allows every crawler everywhere and names the sitemap and the news sitemap.', only('text/plain')),
    [sitePaths.llms]: document('getLlms', 'discovery', 'llms.txt (llmstxt.org): the newest 200 articles, linking their Markdown.', 'The site\'s name, a one-line summary and the newest 200 articles, each linking its Markdown representation; the rest of the archive is reached through the sitemap, the API and the JSON Feed, which it links.', only('text/markdown')),
    [sitePaths.favicon]: document('getFavicon', 'assets', 'The SVG favicon, at the URL browsers ask for.', 'The site\'s SVG icon for clients that ask here without reading a page. Cached for a day and revalidated, never immutable: this URL outlives deploys.', only('image/svg+xml'), [], 'icon'),
    '/assets/{name}': get({
      id: 'getAsset',
      tag: 'assets',
      summary: 'The stylesheets, the SVG favicon and the embed scripts under content-hashed, immutable names.',
      description: 'The site\'s stylesheet and icon, the embed card\'s stylesheet and script, and the oEmbed resizer, each under a name that carries a hash of its bytes: cached for a year, `immutable`, renamed when the bytes change. An unknown name is the HTML 404.',
      params: ['asset'],
      responses: { ...representation('The asset.', 'asset', { ...only('text/css'), ...only('image/svg+xml'), ...only('text/javascript') }, 'Cache-Tag'), ...common('404-page') },
    }),
    '/images/{key}/{file}': picture('getPicture', 'A picture an article shows, at a width and in a format its pages use.', ['pictureKey', 'pictureFile']),
    '/images/{key}/{crop}/{file}': picture('getPictureCrop', 'A lead image cropped to 16x9, 4x3 or 1x1 around its focus, 1200 px wide (JSON-LD, social cards).', ['pictureKey', 'pictureCrop', 'pictureFile']),
  };
}

/** A picture's variant (src/routes/images.ts): made from its original on request, cached for a year; the ETag is weak (another image engine may encode other bytes). */
function picture(id: string, summary: string, params: string[]) {
  const weak = { ...headers('asset', 'Cache-Tag'), ETag: { $ref: '#/components/headers/ETag.weak' } };
  return get({
    id,
    tag: 'assets',
    summary,
    description: `${summary} Made from the original by Cloudflare's Images binding and cached for a year, \`immutable\`: the URL names the original's bytes. The pages link every variant there is (\`srcset\`, the JSON's \`image\`); nothing else is made.`,
    params,
    responses: {
      200: { description: 'The picture.', headers: weak, content: { ...only('image/avif'), ...only('image/jpeg') } },
      304: { description: 'Not Modified: the ETag matched; no body.', headers: weak },
      ...common('400', '404'),
    },
  });
}

/** Every path the Worker answers, with its operation. */
export function pathItems(): Record<string, object> {
  return { ...apiItems(), ...articleItems(), ...siteItems() };
}
