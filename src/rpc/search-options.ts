import type { InvalidParameter } from '../http/problem';
import { optionsAsParams } from './options';
import { parseSearchQuery, SEARCH_PARAMETERS, type ParsedSearch } from '../routes/search-query';

/** The argument of `search()`: the query parameters of `GET /api/search`, as values. */
export interface SearchOptions {
  /** The words to search for (required). */
  q: string;
  tag?: string | null | undefined;
  section?: string | null | undefined;
  author?: string | null | undefined;
  /** A date (YYYY-MM-DD) or an RFC 3339 date-time. */
  from?: string | null | undefined;
  to?: string | null | undefined;
  /** From 1; 1 when absent. */
  page?: number | undefined;
  /** From 1 to 50; 10 when absent. */
  limit?: number | undefined;
}

const TYPES: Readonly<Record<(typeof SEARCH_PARAMETERS)[number], 'string' | 'number'>> = { q: 'string', tag: 'string', section: 'string', author: 'string', from: 'string', to: 'string', page: 'number', limit: 'number' };

/**
 * Validates `search()` options by the rules of `GET /api/search`: each value of the right type goes
 * through `parseSearchQuery` as the text it would be in the query string, so `{ q: 'Flood' }` gets
 * what `?q=Flood` gets, and `{ page: 0 }` is refused as `?page=0` is.
 */
export function parseSearchOptions(options: unknown): ParsedSearch {
  const { params, errors } = optionsAsParams(options, TYPES, '{ q, tag, section, author, from, to, page, limit }');
  if (params === null) return { ok: false, errors };
  const parsed = parseSearchQuery(params, true);
  if (parsed.ok && errors.length === 0) return parsed;
  return { ok: false, errors: [...errors, ...(parsed.ok ? [] : parsed.errors)] };
}

/** The message of the TypeError a bad `search()` call gets: every bad parameter and why. */
export function invalidSearchMessage(errors: readonly InvalidParameter[]): string {
  return `The search is not valid: ${errors.map(({ parameter, detail }) => `${parameter} ${detail}`).join('; ')}.`;
}
