import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { representationLinks } from '../http/links';
import { MEDIA_TYPES } from '../http/media-types';
import { negotiateMediaType } from '../http/negotiate';
import { cacheControl, cacheTags } from '../http/policy';
import { problem, type Alternative } from '../http/problem';
import { buildId, type StoredArticle } from '../store';
import { keepBounded } from '../store/keep';
import { PAGE_MISSES, withArticle } from './slug';
import { sendStored } from './stored';

/** The representations of an article, in the server's order of preference (HTML first). */
const FORMATS = {
  html: { type: 'text/html', contentType: 'text/html; charset=utf-8', url: paths.articleHtml },
  json: { type: 'application/json', contentType: 'application/json', url: paths.apiArticle },
  markdown: { type: 'text/markdown', contentType: 'text/markdown; charset=utf-8; variant=CommonMark', url: paths.articleMarkdown },
} as const;
type Format = keyof typeof FORMATS;
const ORDER = ['html', 'json', 'markdown'] as const satisfies readonly Format[];
const AVAILABLE = ORDER.map((format) => FORMATS[format].type);
const EXPLICIT_SUFFIX: Readonly<Record<string, Format>> = { '.html': 'html', '.md': 'markdown' };

/** The chosen type for each Accept value seen: clients send a handful of distinct values, kept bounded. */
const chosenFor = new Map<string | null, string | null>();

/** The media type negotiated for `accept` (negotiated once per distinct value). */
function negotiate(accept: string | null): string | null {
  const known = chosenFor.get(accept);
  return known !== undefined ? known : keepBounded(chosenFor, 64, accept, negotiateMediaType(accept, AVAILABLE));
}

/** Each article's Link fields by format, for the one origin an isolate serves (made again if it changes). */
const linkFields = new WeakMap<StoredArticle, { origin: string; fields: Readonly<Record<Format, string>> }>();

/** The Link field of each representation of `article`, made once per article and origin. */
function linksOf(article: StoredArticle, origin: string): Readonly<Record<Format, string>> {
  const known = linkFields.get(article);
  if (known?.origin === origin) return known.fields;
  const representations = ORDER.map((format) => ({ type: FORMATS[format].type, path: FORMATS[format].url(article.slug) }));
  // oEmbed discovery (oembed.com §4), as the page's <link> has it: the same resource, as an embed.
  const oembed = { href: `${origin}${paths.oembedFor(`${origin}${paths.article(article.slug)}`)}`, rel: 'alternate', type: MEDIA_TYPES.oembed };
  const field = (format: Format) => representationLinks(origin, paths.article(article.slug), representations, FORMATS[format].type, [oembed]);
  const fields = { html: field('html'), json: field('json'), markdown: field('markdown') };
  linkFields.set(article, { origin, fields });
  return fields;
}

/** Sends one representation; `negotiated` marks the canonical URL, whose response varies on Accept. */
export function sendFormat(c: Context<AppEnv>, article: StoredArticle, format: Format, negotiated: boolean): Response | Promise<Response> {
  const link = linksOf(article, c.get('served').origin.url)[format];
  const headers = negotiated ? { Link: link, Vary: 'Accept', 'Content-Location': FORMATS[format].url(article.slug) } : { Link: link };
  return sendStored(
    c,
    article[format],
    { contentType: FORMATS[format].contentType, lastModified: article.lastModified },
    { kind: 'article', tags: cacheTags.article(article.slug, buildId), headers, key: negotiated ? 'negotiated' : 'explicit' },
  );
}

/**
 * `/articles/:slug` (negotiated: HTML, JSON or Markdown by Accept), `/articles/:slug.html` and
 * `/articles/:slug.md` (explicit). A mixed-case slug is redirected to its canonical spelling.
 */
export function articleRoute(c: Context<AppEnv>): Response | Promise<Response> {
  const name = c.req.param('slug') ?? '';
  const suffix = Object.keys(EXPLICIT_SUFFIX).find((ending) => name.endsWith(ending));
  const slug = suffix === undefined ? name : name.slice(0, -suffix.length);
  return withArticle(c, slug, (canonical) => `${paths.article(canonical)}${suffix ?? ''}`, PAGE_MISSES, (article) => {
    if (suffix !== undefined) return sendFormat(c, article, EXPLICIT_SUFFIX[suffix]!, false);
    const chosen = negotiate(c.req.header('Accept') ?? null);
    if (chosen === null) return notAcceptable(c, article);
    return sendFormat(c, article, ORDER.find((format) => FORMATS[format].type === chosen) ?? 'html', true);
  });
}

function notAcceptable(c: Context<AppEnv>, article: StoredArticle): Response {
  const alternatives = Object.values(FORMATS).map(({ type, url }): Alternative => ({ type, href: url(article.slug) }));
  const response = problem(406, `Available as ${AVAILABLE.join(', ')}.`, paths.article(article.slug), { alternatives });
  response.headers.set('Vary', 'Accept');
  return response;
}

/** A permanent redirect to the canonical URL (RFC 9110 §15.4.2), cached like the article. */
export function redirect(location: string): Response {
  return new Response(null, { status: 301, headers: { Location: location, 'Cache-Control': cacheControl('redirect') } });
}
