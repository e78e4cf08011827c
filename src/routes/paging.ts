import { SLUG_PATTERN, SLUG_RULE } from '../content/slug';
import type { InvalidParameter } from '../http/problem';

/** `?page=&limit=&tag=` of the article list, validated. */
export interface ListQuery {
  page: number;
  limit: number;
  tag: string | null;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Whole numbers from 1 to LARGEST_NUMBER, written plainly (no sign, no leading zero): nine digits at most, so they stay exact as numbers. */
export const POSITIVE_INTEGER = /^[1-9][0-9]{0,8}$/;
/** The largest `page` or `limit` the pattern admits (nine digits): what the OpenAPI document states. */
export const LARGEST_NUMBER = 999_999_999;

/** The one value of a parameter (null when absent); a repeated one is an error. */
export function single(params: URLSearchParams, name: string, errors: InvalidParameter[]): string | null {
  const values = params.getAll(name);
  if (values.length > 1) errors.push({ parameter: name, detail: 'must be given at most once' });
  return values[0] ?? null;
}

/** `?page=`: a whole number from 1, 1 when absent. */
function pageParameter(params: URLSearchParams, errors: InvalidParameter[]): number {
  const page = single(params, 'page', errors);
  if (page === null) return 1;
  if (!POSITIVE_INTEGER.test(page)) errors.push({ parameter: 'page', detail: 'must be a whole number from 1' });
  return Number(page);
}

/**
 * The stored page (from 1) of a list's archive page `page`: the list's front, at its own URL, is
 * stored first, archive page n (counted from the oldest) after it.
 */
export function archivePage(page: number): number {
  return page + 1;
}

/** Validates the home page's `?page=`; other parameters are ignored. */
export function parsePageQuery(params: URLSearchParams): { ok: true; page: number } | { ok: false; errors: InvalidParameter[] } {
  const errors: InvalidParameter[] = [];
  const page = pageParameter(params, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, page };
}

/** Validates the list query; other parameters are ignored (they do not change the response). */
export function parseListQuery(params: URLSearchParams): { ok: true; query: ListQuery } | { ok: false; errors: InvalidParameter[] } {
  const errors: InvalidParameter[] = [];
  const page = pageParameter(params, errors);
  const limit = single(params, 'limit', errors);
  const tag = single(params, 'tag', errors);
  if (limit !== null && (!POSITIVE_INTEGER.test(limit) || Number(limit) > MAX_LIMIT)) {
    errors.push({ parameter: 'limit', detail: `must be a whole number from 1 to ${MAX_LIMIT}` });
  }
  if (tag !== null && !SLUG_PATTERN.test(tag)) errors.push({ parameter: 'tag', detail: `must be a tag: ${SLUG_RULE}` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, query: { page, limit: limit === null ? DEFAULT_LIMIT : Number(limit), tag } };
}

/** The query string of a list page, naming only what differs from the defaults. */
export function listSearch({ page, limit, tag }: ListQuery): string {
  const params = new URLSearchParams();
  if (page !== 1) params.set('page', String(page));
  if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
  if (tag !== null) params.set('tag', tag);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
