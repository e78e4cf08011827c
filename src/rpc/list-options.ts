import type { InvalidParameter } from '../http/problem';
import { parseListQuery, type ListQuery } from '../routes/paging';

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
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { ok: false, errors: [{ parameter: 'options', detail: 'must be an object { page, limit, tag }' }] };
  }
  const params = new URLSearchParams();
  const errors: InvalidParameter[] = [];
  for (const [name, type] of Object.entries(TYPES)) {
    const value: unknown = Reflect.get(options, name);
    if (value === undefined || value === null) continue;
    if (typeof value === type) params.set(name, String(value));
    else errors.push({ parameter: name, detail: `must be a ${type}` });
  }
  const parsed = parseListQuery(params);
  if (parsed.ok && errors.length === 0) return parsed;
  return { ok: false, errors: [...errors, ...(parsed.ok ? [] : parsed.errors)] };
}

/** The message of the TypeError a bad `articles()` call gets: every bad parameter and why. */
export function invalidListMessage(errors: readonly InvalidParameter[]): string {
  return `The list query is not valid: ${errors.map(({ parameter, detail }) => `${parameter} ${detail}`).join('; ')}.`;
}
