import type { InvalidParameter } from '../http/problem';
import { parseListQuery, type ListQuery } from '../routes/paging';
import { optionsAsParams } from './options';

/** The argument of `articles()`: the query parameters of `GET /api/articles`, as values. */
export interface ListOptions {
  /** From 1; 1 when absent. */
  page?: number | undefined;
  /** From 1 to 100; 20 when absent. */
  limit?: number | undefined;
  /** Only articles with this tag; all articles when absent or null. */
  tag?: string | null | undefined;
}

const TYPES = { page: 'number', limit: 'number', tag: 'string' } as const;

/**
 * Validates `articles()` options by the rules of `GET /api/articles`: each value of the right
 * type goes through `parseListQuery` as the text it would be in the query string, so
 * `{ page: 2 }` gets what `?page=2` gets, and `{ page: 0 }` is refused as `?page=0` is.
 */
export function parseListOptions(options: unknown): { ok: true; query: ListQuery } | { ok: false; errors: InvalidParameter[] } {
  const { params, errors } = optionsAsParams(options, TYPES, '{ page, limit, tag }');
  if (params === null) return { ok: false, errors };
  const parsed = parseListQuery(params);
  if (parsed.ok && errors.length === 0) return parsed;
  return { ok: false, errors: [...errors, ...(parsed.ok ? [] : parsed.errors)] };
}

/** The message of the TypeError a bad `articles()` call gets: every bad parameter and why. */
export function invalidListMessage(errors: readonly InvalidParameter[]): string {
  return `The list query is not valid: ${errors.map(({ parameter, detail }) => `${parameter} ${detail}`).join('; ')}.`;
}
