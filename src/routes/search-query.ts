import { SLUG_PATTERN, SLUG_RULE } from '../content/slug';
import type { InvalidParameter } from '../http/problem';
import { parseQuery, QUERY_LIMITS, type ParsedQuery } from '../search/query';
import type { SearchFilters } from '../search/engine';
import { POSITIVE_INTEGER, single } from './paging';

/**
 * `?q=&tag=&section=&author=&from=&to=&page=&limit=` of a search, validated and normalised. Equal
 * searches have one URL (the canonical one, `searchString`): the query's case and spaces, the
 * parameters' order, defaults and empty or unknown parameters do not change the results, so they
 * are not in it, and any other spelling is redirected there (one cache entry per search).
 */
export interface SearchQuery {
  /** Lower case, spaces collapsed and trimmed; empty when absent. */
  q: string;
  tag: string | null;
  section: string | null;
  author: string | null;
  /** A date (YYYY-MM-DD) or a date-time in UTC (YYYY-MM-DDTHH:MM:SSZ), as canonical. */
  from: string | null;
  to: string | null;
  page: number;
  limit: number;
}

export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_LIMIT = 50;
/** The parameters, in the canonical URL's order. */
export const SEARCH_PARAMETERS = ['q', 'tag', 'section', 'author', 'from', 'to', 'page', 'limit'] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export type ParsedSearch = { ok: true; query: SearchQuery; parsed: ParsedQuery; filters: SearchFilters } | { ok: false; errors: InvalidParameter[] };

/** The query text as searched: case and runs of spaces do not change the results. */
export function normaliseQ(q: string): string {
  return q.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Validates a search; `required`: whether `q` must be given (the API's; the page shows its form without one). */
export function parseSearchQuery(params: URLSearchParams, required: boolean): ParsedSearch {
  const errors: InvalidParameter[] = [];
  const value = (name: string) => {
    const found = single(params, name, errors);
    return found === null || found.trim() === '' ? null : found.trim();
  };
  const raw = single(params, 'q', errors) ?? '';
  const q = normaliseQ(raw);
  const parsed = parseQuery(q);
  if (required && q === '') errors.push({ parameter: 'q', detail: 'is required: the words to search for' });
  if (!parsed.ok) errors.push({ parameter: 'q', detail: `must be at most ${QUERY_LIMITS.characters} characters long` });
  const slug = (name: 'tag' | 'section' | 'author', what: string) => {
    const found = value(name);
    if (found !== null && !SLUG_PATTERN.test(found)) errors.push({ parameter: name, detail: `must be ${what}: ${SLUG_RULE}` });
    return found;
  };
  const tag = slug('tag', 'a tag');
  const section = slug('section', "a section's slug");
  const author = slug('author', "an author's id");
  const from = dateParameter('from', value('from'), errors);
  const to = dateParameter('to', value('to'), errors);
  const number = (name: string, largest: number, fallback: number) => {
    const found = value(name);
    if (found === null) return fallback;
    if (!POSITIVE_INTEGER.test(found) || Number(found) > largest) errors.push({ parameter: name, detail: `must be a whole number from 1 to ${largest}` });
    return Number(found);
  };
  const page = number('page', 999_999_999, 1);
  const limit = number('limit', SEARCH_MAX_LIMIT, SEARCH_DEFAULT_LIMIT);
  const fromSeconds = from === null ? null : bound(from, false);
  const toSeconds = to === null ? null : bound(to, true);
  if (fromSeconds !== null && toSeconds !== null && fromSeconds > toSeconds) errors.push({ parameter: 'to', detail: 'must not be before from' });
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
  return { ok: true, query: { q, tag, section, author, from, to, page, limit }, parsed: parsed.query, filters: { tag, section, author, from: fromSeconds, to: toSeconds } };
}

/** A date or date-time parameter in its canonical spelling (a date-time in UTC, whole seconds), or null. */
function dateParameter(name: string, value: string | null, errors: InvalidParameter[]): string | null {
  if (value === null) return null;
  const date = DATE.exec(value);
  if (date !== null && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) return value;
  if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return new Date(Math.floor(Date.parse(value) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  errors.push({ parameter: name, detail: 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time' });
  return null;
}

/** Seconds since the epoch: a date's first second (`end`: its last), or the date-time's. */
function bound(value: string, end: boolean): number {
  const seconds = Date.parse(DATE.test(value) ? `${value}T00:00:00Z` : value) / 1000;
  return DATE.test(value) && end ? seconds + 86_399 : seconds;
}

/** The canonical query string of a search (`?q=…`, the parameters in order, defaults left out). */
export function searchString(query: SearchQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.q !== '') params.set('q', query.q);
  for (const name of ['tag', 'section', 'author', 'from', 'to'] as const) if (query[name] !== null) params.set(name, query[name]);
  if (page !== 1) params.set('page', String(page));
  if (query.limit !== SEARCH_DEFAULT_LIMIT) params.set('limit', String(query.limit));
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
