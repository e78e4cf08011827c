import { FEED_FILES, paths as sitePaths, type FeedFormat } from '../../../src/content/paths';
import type { ResponseKind } from '../../../src/http/policy';
import { common, headers, parameters } from './http';
import { schemaRef } from './schemas';

/**
 * `paths`: every public route, its parameters and its responses (src/routes/*). Each operation is
 * a GET; HEAD, OPTIONS and the 405 for other methods apply to every path alike and are described
 * once, in `info.description` and `components/responses`.
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
  params?: string[];
  responses: Record<string, object>;
}

const get = ({ id, tag, summary, params = [], responses }: Get) => ({ get: { operationId: id, tags: [tag], summary, parameters: parameters(...params), responses } });

/**
 * A pre-rendered document at a fixed path (src/routes/documents.ts), purged with `articles`. Any
 * of them answers `?page=` past its last page with the HTML 404 and a malformed one with a 400;
 * only those of several pages declare the parameter.
 */
function document(id: string, tag: string, summary: string, content: Content, params: string[] = [], kind: ResponseKind = 'list') {
  return get({ id, tag, summary, params, responses: { ...representation(summary, kind, content, 'Cache-Tag'), ...common('400', '404-page') } });
}

const FEED_TYPES: Record<FeedFormat, Content> = { rss: only('application/rss+xml'), atom: only('application/atom+xml'), json: { 'application/feed+json': { schema: schemaRef('JsonFeed') } } };
const FEED_NAMES: Record<FeedFormat, string> = { rss: 'Rss', atom: 'Atom', json: 'JsonFeed' };

/** The three feeds of the site, of a tag or of an author. */
function feeds(prefix: string, id: string, params: string[]): Record<string, object> {
  const entries = (Object.keys(FEED_FILES) as FeedFormat[]).map((format) => [
    `${prefix}${FEED_FILES[format]}`,
    document(`${id}${FEED_NAMES[format]}`, 'feeds', `The newest 50 articles with their full HTML, as ${FEED_NAMES[format]}.`, FEED_TYPES[format], params),
  ]);
  return Object.fromEntries(entries);
}

const REDIRECT = { 301: { description: 'The canonical URL: a trailing slash, a slug in another case, or a renamed article\'s former slug.', headers: headers('redirect', 'Location') } };

/** One representation of an article: cached as `article`, linking the others, redirected when not canonical. */
function article(id: string, summary: string, content: Content, extra: Record<string, object>, ...names: string[]) {
  return get({ id, tag: 'articles', summary, params: ['slug'], responses: { ...representation(summary, 'article', content, 'Last-Modified', 'Link', 'Cache-Tag', ...names), ...REDIRECT, ...extra } });
}

/** Every path the Worker answers, with its operation. */
export function pathItems(): Record<string, object> {
  const listed = representation('A page of summaries.', 'list', json('ArticleList'), 'Link', 'Cache-Tag');
  const served = representation('The article.', 'article', json('ArticleResponse'), 'Last-Modified', 'Link', 'Cache-Tag');
  return {
    [sitePaths.apiArticles]: get({ id: 'listArticles', tag: 'api', summary: 'Article summaries, newest first, a page at a time.', params: ['page', 'limit', 'tag'], responses: { ...listed, ...common('400', '404') } }),
    '/api/articles/{slug}': get({ id: 'getArticle', tag: 'api', summary: 'One article with its body.', params: ['slug'], responses: { ...served, ...REDIRECT, ...common('404', '410') } }),
    [sitePaths.apiAuthors]: document('listAuthors', 'api', 'Every author with a page, by name.', json('AuthorList')),
    '/api/authors/{id}': get({ id: 'getAuthor', tag: 'api', summary: 'One author with their bio.', params: ['authorId'], responses: { ...representation('The author.', 'list', json('AuthorResponse'), 'Cache-Tag'), ...common('404') } }),
    [sitePaths.oembed]: get({
      id: 'getOembed',
      tag: 'api',
      summary: 'oEmbed (oembed.com): an article as a rich embed, its card in a sandboxed iframe.',
      params: ['oembedUrl', 'oembedFormat', 'maxwidth', 'maxheight'],
      responses: { ...representation('The oEmbed object.', 'article', json('OEmbed'), 'Cache-Tag'), ...common('400', '404', '410', '501') },
    }),
    [sitePaths.openapi]: document('getOpenApi', 'api', 'This OpenAPI 3.1 document.', { 'application/json': { schema: { type: 'object' } } }),
    '/articles/{slug}': article('getArticlePage', 'The article, negotiated on Accept: HTML (default), JSON or Markdown.', { ...only('text/html'), ...json('ArticleResponse'), ...only('text/markdown') }, common('404-page', '406', '410-page'), 'Vary', 'Content-Location'),
    '/articles/{slug}.html': article('getArticleHtml', 'The article page, not negotiated.', only('text/html'), common('404-page', '410-page')),
    '/articles/{slug}.md': article('getArticleMarkdown', 'The article as Markdown with YAML front matter, not negotiated.', only('text/markdown'), common('404-page', '410-page')),
    '/articles/{slug}/embed': get({
      id: 'getArticleEmbed',
      tag: 'articles',
      summary: 'The embed card: a small page any site may frame (CSP frame-ancestors *).',
      params: ['slug'],
      responses: { ...representation('The embed card.', 'article', only('text/html'), 'Last-Modified', 'Cache-Tag'), ...REDIRECT, ...common('404-page', '410-page') },
    }),
    '/articles/{slug}/': get({ id: 'redirectArticle', tag: 'articles', summary: 'Redirects to the canonical URL.', params: ['slug'], responses: { ...REDIRECT, ...common('404-page') } }),
    [sitePaths.home]: document('getHome', 'pages', 'The front page: the lead story, each section\'s newest, then the newest articles, 30 a page.', only('text/html'), ['page'], 'home'),
    '/sections/{section}': document('getSection', 'pages', 'A section\'s articles, newest first, 30 a page.', only('text/html'), ['sectionSlug', 'page']),
    [sitePaths.authors]: document('getAuthors', 'pages', 'Every author with a page.', only('text/html')),
    '/authors/{id}': document('getAuthorPage', 'pages', 'An author\'s page: their bio, then their articles, newest first, 30 a page.', only('text/html'), ['authorId', 'page']),
    ...feeds('/authors/{id}', 'getAuthorFeed', ['authorId']),
    [sitePaths.corrections]: document('getCorrections', 'pages', 'Every correction on the site, newest first.', only('text/html')),
    '/{slug}': document('getPage', 'pages', 'A static page of the site (About, Contact…).', only('text/html'), ['pageSlug']),
    [sitePaths.tags]: document('getTags', 'pages', 'Every tag with its article count.', only('text/html'), ['page']),
    '/tags/{tag}': document('getTag', 'pages', 'A tag\'s articles, newest first, 30 a page; an unknown tag gets the 404.', only('text/html'), ['tagName', 'page']),
    ...feeds('', 'getFeed', []),
    ...feeds('/tags/{tag}', 'getTagFeed', ['tagName']),
    [sitePaths.sitemap]: document('getSitemap', 'discovery', 'The sitemap; past 50,000 URLs or 50 MB, a sitemap index.', only('application/xml')),
    '/sitemaps/{part}.xml': document('getSitemapPart', 'discovery', 'One sitemap of the index.', only('application/xml'), ['part']),
    [sitePaths.newsSitemap]: document('getNewsSitemap', 'discovery', 'The Google News sitemap: the articles of the 48 hours before the newest.', only('application/xml')),
    [sitePaths.robots]: document('getRobots', 'discovery', 'robots.txt (RFC 9309), naming the sitemaps.', only('text/plain')),
    [sitePaths.llms]: document('getLlms', 'discovery', 'llms.txt (llmstxt.org): the newest 200 articles, linking their Markdown.', only('text/markdown')),
    [sitePaths.favicon]: document('getFavicon', 'assets', 'The SVG favicon, at the URL browsers ask for.', only('image/svg+xml'), [], 'icon'),
    '/assets/{name}': get({ id: 'getAsset', tag: 'assets', summary: 'The stylesheets, the SVG favicon and the embed scripts under content-hashed, immutable names.', params: ['asset'], responses: { ...representation('The asset.', 'asset', { ...only('text/css'), ...only('image/svg+xml'), ...only('text/javascript') }, 'Cache-Tag'), ...common('404-page') } }),
  };
}
