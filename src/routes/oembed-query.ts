import type { InvalidParameter } from '../http/problem';
import { POSITIVE_INTEGER, single } from './paging';

/** A valid oEmbed request (oembed.com §2.2): the article it names, and the consumer's size limits. */
export interface OembedQuery {
  /** The slug in the URL's path, as given (the route looks it up in any letter case). */
  slug: string;
  maxWidth: number | null;
  maxHeight: number | null;
}

/** Why a request gets no oEmbed: 400 with the bad parameters, 501 for a format we do not make, 404 for a URL that is not an article here. */
export type OembedRefusal = { status: 400; errors: InvalidParameter[] } | { status: 501 | 404; detail: string };

/** An article page's path: `/articles/<slug>` or `/articles/<slug>.html`. */
const ARTICLE_PATH = /^\/articles\/([^/]+?)(?:\.html)?$/;

function size(params: URLSearchParams, name: string, errors: InvalidParameter[]): number | null {
  const value = single(params, name, errors);
  if (value === null) return null;
  if (!POSITIVE_INTEGER.test(value)) errors.push({ parameter: name, detail: 'must be a whole number from 1 (pixels)' });
  return Number(value);
}

/**
 * Validates `?url=&format=&maxwidth=&maxheight=` against the site's origin. Other parameters are
 * ignored (§2.2: "Providers should ignore all other arguments"). Query and fragment of `url` are
 * ignored too: a shared link often carries tracking parameters, and they name the same article.
 */
export function parseOembedQuery(params: URLSearchParams, origin: string): { ok: true; query: OembedQuery } | { ok: false; refusal: OembedRefusal } {
  const errors: InvalidParameter[] = [];
  const url = single(params, 'url', errors);
  const format = single(params, 'format', errors);
  const maxWidth = size(params, 'maxwidth', errors);
  const maxHeight = size(params, 'maxheight', errors);
  const target = url === null ? null : URL.parse(url);
  if (url === null) errors.push({ parameter: 'url', detail: 'is required' });
  else if (target === null || (target.protocol !== 'http:' && target.protocol !== 'https:')) errors.push({ parameter: 'url', detail: 'must be an absolute http: or https: URL' });
  if (errors.length > 0 || target === null) return { ok: false, refusal: { status: 400, errors } };
  // §2.3.5: 501 when the provider cannot answer in the requested format.
  if (format !== null && format !== 'json') return { ok: false, refusal: { status: 501, detail: 'Only format=json is available.' } };
  const slug = target.origin === origin ? ARTICLE_PATH.exec(target.pathname)?.[1] : undefined;
  if (slug === undefined) return { ok: false, refusal: { status: 404, detail: `The url is not an article of ${origin}.` } };
  return { ok: true, query: { slug, maxWidth, maxHeight } };
}
