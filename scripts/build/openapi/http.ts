import { RESERVED_PAGE_SLUGS } from '../../../src/content/paths';
import { SLUG_PATTERN } from '../../../src/content/slug';
import { cacheControl, CACHE_POLICY, type ResponseKind } from '../../../src/http/policy';
import { DEFAULT_LIMIT, LARGEST_NUMBER, MAX_LIMIT } from '../../../src/routes/paging';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT } from '../../../src/routes/search-query';
import { QUERY_LIMITS } from '../../../src/search/query';
import { HOME_PAGE_SIZE } from '../paging';
import { schemaRef, type SchemaName } from './schemas';

/**
 * The HTTP side of the document: headers, parameters and the responses every route shares, made
 * from the same tables the Worker uses (cache policy, Allow, paging limits), so the document
 * states the values the Worker sends.
 */

// Every header is `required`: the document names a header only on the responses that always carry it.
const text = (description: string) => ({ description, required: true, schema: { type: 'string' } });

/**
 * The kinds of response an operation answers with. A preflight answers OPTIONS, which is no
 * operation: `info.description` states its Cache-Control, and a component for it would be unused.
 */
const DOCUMENTED_KINDS = (Object.keys(CACHE_POLICY) as ResponseKind[]).filter((kind) => kind !== 'preflight');

/** `components/headers`; Cache-Control once per kind of response, with its exact value. */
export const HEADERS: Record<string, object> = {
  ETag: { ...text('Strong entity tag (RFC 9110 §8.8.3); send it back in If-None-Match for a 304.'), schema: { type: 'string', pattern: '^"[^"]*"$' } },
  'ETag.weak': { ...text('Weak entity tag (RFC 9110 §8.8.1): the same picture for as long as its URL exists, though another version of the image engine may encode other bytes; a match in If-None-Match gets a 304.'), schema: { type: 'string', pattern: '^W/"[^"]*"$' } },
  'Last-Modified': text('dateModified, else datePublished, as an HTTP-date.'),
  'Cache-Tag': text('Purge handles for the edge: article:<slug>, articles, search, build:<id>.'),
  Link: text('RFC 8288 links: canonical and alternate representations of an article; first, prev, next and last pages of a list or of search results; service-desc (RFC 8631) to this document on /api/ responses.'),
  Vary: { description: 'The canonical article URL is negotiated on Accept.', required: true, schema: { type: 'string', const: 'Accept' } },
  'Content-Location': text('The explicit URL of the representation chosen by negotiation.'),
  Location: text('The canonical URL.'),
  ...Object.fromEntries(DOCUMENTED_KINDS.map((kind) => [`Cache-Control.${kind}`, cacheControlHeader(kind)])),
};

/**
 * Cache-Control of a kind: its exact value, or for a kind whose content changes when a scheduled
 * story goes live, that value with lifetimes shortened to end by then while one is scheduled.
 */
function cacheControlHeader(kind: ResponseKind): object {
  const description = `Cache-Control for a response of kind ${kind} (src/http/policy.ts).`;
  if (CACHE_POLICY[kind].scheduled !== true) return { description, required: true, schema: { type: 'string', const: cacheControl(kind) } };
  const pattern = `^${cacheControl(kind).replace(/=\d+/g, '=\\d+')}$`;
  return { description: `${description} While a story is scheduled, each lifetime is shortened to end by its release, so no cache serves this past it.`, required: true, schema: { type: 'string', pattern, default: cacheControl(kind) } };
}

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** The header map of a response: Cache-Control of `kind`, then the named headers. */
export function headers(kind: ResponseKind, ...names: string[]): Record<string, object> {
  return Object.fromEntries([['Cache-Control', headerRef(`Cache-Control.${kind}`)], ...names.map((name) => [name, headerRef(name)])]);
}

const conditional = (name: string, description: string) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } });
const positive = (maximum: number, fallback: number) => ({ type: 'integer', minimum: 1, maximum, default: fallback });

import { CROP_FORMAT, CROP_WIDTH, CROPS, PICTURE_FORMATS, PICTURE_WIDTHS } from '../../../src/content/pictures';

/** `components/parameters`: the query parameters (exact limits from src/routes/paging.ts) and the conditional request headers. */
export const PARAMETERS: Record<string, object> = {
  page: { name: 'page', in: 'query', required: false, description: 'Page number, from 1; at most once. Past the last page: 404.', schema: positive(LARGEST_NUMBER, 1) },
  archivePage: {
    name: 'page',
    in: 'query',
    required: false,
    description: `An archive page, numbered from the oldest: page n holds the articles n × ${HOME_PAGE_SIZE} - ${HOME_PAGE_SIZE - 1} to n × ${HOME_PAGE_SIZE} counted from the oldest, so a full page never changes. Without it, the newest articles. At most once. Past the last page: 404.`,
    schema: { type: 'integer', minimum: 1, maximum: LARGEST_NUMBER },
  },
  limit: { name: 'limit', in: 'query', required: false, description: 'Articles a page; at most once.', schema: positive(MAX_LIMIT, DEFAULT_LIMIT) },
  tag: { name: 'tag', in: 'query', required: false, description: 'Only articles with this tag; at most once.', schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  searchQ: { name: 'q', in: 'query', required: true, description: `The words to search for, at most ${QUERY_LIMITS.characters} characters (the first ${QUERY_LIMITS.words} words are read): each word in any form ("floods" finds "flooding"), accents optional, the last word also as the start of a word while it is typed, "a phrase in quotes" as written. Case and spaces do not matter; the canonical spelling is lower case.`, schema: { type: 'string', minLength: 1, maxLength: QUERY_LIMITS.characters } },
  searchPageQ: { name: 'q', in: 'query', required: false, description: 'The words to search for, as for /api/search; without them, the page shows its form alone.', schema: { type: 'string', maxLength: QUERY_LIMITS.characters } },
  searchTag: { name: 'tag', in: 'query', required: false, description: 'Only articles with this tag; at most once.', schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  searchSection: { name: 'section', in: 'query', required: false, description: 'Only articles of this section of site.yml; at most once.', schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  searchAuthor: { name: 'author', in: 'query', required: false, description: 'Only articles by this author (their id: content/authors/<id>.md); at most once.', schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  searchFrom: { name: 'from', in: 'query', required: false, description: 'Only articles published at or after this date (YYYY-MM-DD, from its first second in UTC) or RFC 3339 date-time.', schema: { type: 'string' } },
  searchTo: { name: 'to', in: 'query', required: false, description: 'Only articles published at or before this date (YYYY-MM-DD, to its last second in UTC) or RFC 3339 date-time; not before `from`.', schema: { type: 'string' } },
  searchLimit: { name: 'limit', in: 'query', required: false, description: 'Results a page; at most once.', schema: positive(SEARCH_MAX_LIMIT, SEARCH_DEFAULT_LIMIT) },
  slug: { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  tagName: { name: 'tag', in: 'path', required: true, schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  authorId: { name: 'id', in: 'path', required: true, description: 'The author\'s id: the file name of content/authors/<id>.md.', schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  sectionSlug: { name: 'section', in: 'path', required: true, description: 'A section of site.yml.', schema: { type: 'string', pattern: SLUG_PATTERN.source } },
  pageSlug: { name: 'slug', in: 'path', required: true, description: 'A static page: the file name of content/pages/<slug>.md.', schema: { type: 'string', pattern: SLUG_PATTERN.source, not: { enum: RESERVED_PAGE_SLUGS } } },
  part: { name: 'part', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
  oembedUrl: { name: 'url', in: 'query', required: true, description: 'An article URL on this origin: /articles/<slug> or .html, any letter case; query and fragment ignored.', schema: { type: 'string' } },
  oembedFormat: { name: 'format', in: 'query', required: false, description: 'json; anything else gets a 501.', schema: { type: 'string', default: 'json' } },
  maxwidth: { name: 'maxwidth', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: LARGEST_NUMBER } },
  maxheight: { name: 'maxheight', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: LARGEST_NUMBER } },
  asset: { name: 'name', in: 'path', required: true, description: 'The name the pages link, such as site.<hash>.css.', schema: { type: 'string' } },
  pictureKey: { name: 'key', in: 'path', required: true, description: 'The picture: the first 64 bits of its bytes\' SHA-256 in hex, its width x height, and its focus (x-y, in percent). Any other key is a 404.', schema: { type: 'string' } },
  pictureFile: { name: 'file', in: 'path', required: true, description: `<width>.<format>: a width the picture is served at (${PICTURE_WIDTHS.join(', ')} up to its own, and its own below ${PICTURE_WIDTHS.at(-1)}; ${CROP_WIDTH} for a crop), as ${Object.keys(PICTURE_FORMATS).join(' or ')} (a crop: ${CROP_FORMAT}). Any other is a 400.`, schema: { type: 'string', pattern: `^[1-9][0-9]*\\.(?:${Object.keys(PICTURE_FORMATS).join('|')})$` } },
  pictureCrop: { name: 'crop', in: 'path', required: true, description: 'The shape, cropped around the picture\'s focus. Any other is a 400.', schema: { type: 'string', enum: Object.keys(CROPS) } },
  ifNoneMatch: conditional('If-None-Match', 'ETags the client has; a match (weak comparison) gets a 304.'),
  ifModifiedSince: conditional('If-Modified-Since', 'An HTTP-date; used only without If-None-Match.'),
  ifMatch: conditional('If-Match', 'A failing strong comparison gets a 412.'),
  ifUnmodifiedSince: conditional('If-Unmodified-Since', 'Used only without If-Match; a later Last-Modified gets a 412.'),
};

/** Parameter refs: the conditional headers every representation takes, then `names`. */
export function parameters(...names: string[]): object[] {
  return [...names, 'ifNoneMatch', 'ifModifiedSince', 'ifMatch', 'ifUnmodifiedSince'].map((name) => ({ $ref: `#/components/parameters/${name}` }));
}

const problem = (description: string, name: SchemaName, kind: ResponseKind, ...extra: string[]) => ({
  description,
  headers: headers(kind, ...extra),
  content: { 'application/problem+json': { schema: schemaRef(name) } },
});

/** `components/responses`: the answers many routes share. */
export const RESPONSES: Record<string, object> = {
  BadRequest: problem('A parameter is not valid; `errors` names each.', 'BadRequestProblem', 'clientError'),
  NotFound: problem('Nothing here (under /api/).', 'NotFoundProblem', 'notFound'),
  NotFoundPage: { description: 'Nothing here: the HTML 404 page.', headers: headers('notFound', 'ETag', 'Cache-Tag'), content: { 'text/html': { schema: { type: 'string' } } } },
  Gone: problem('The article was withdrawn; `detail` says when and why.', 'GoneProblem', 'gone'),
  GonePage: { description: 'The article was withdrawn: a page saying when and why.', headers: headers('gone', 'ETag', 'Cache-Tag'), content: { 'text/html': { schema: { type: 'string' } } } },
  NotAcceptable: problem('No representation matches Accept; `alternatives` lists them.', 'NotAcceptableProblem', 'clientError', 'Vary'),
  NotImplemented: problem('A format other than json (oEmbed).', 'NotImplementedProblem', 'clientError'),
  PreconditionFailed: { description: 'If-Match or If-Unmodified-Since failed; no body.', headers: headers('clientError') },
  InternalServerError: problem('An unexpected error; `requestId` matches the log line.', 'InternalServerErrorProblem', 'serverError'),
  ServiceUnavailable: problem('A deployment fault: a bad SITE_URL, or a body file missing.', 'ServiceUnavailableProblem', 'serverError'),
};

const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** The responses every GET may end in besides its own: 412 and the server's faults. */
export function common(...statuses: ('400' | '404' | '404-page' | '406' | '410' | '410-page' | '501')[]): Record<string, object> {
  const named = { '400': 'BadRequest', '404': 'NotFound', '404-page': 'NotFoundPage', '406': 'NotAcceptable', '410': 'Gone', '410-page': 'GonePage', '501': 'NotImplemented' } as const;
  const own = Object.fromEntries(statuses.map((status) => [status.slice(0, 3), responseRef(named[status])]));
  return { ...own, 412: responseRef('PreconditionFailed'), 500: responseRef('InternalServerError'), 503: responseRef('ServiceUnavailable') };
}
