import { keepBounded } from '../store/keep';
import type { HttpDate } from './date';

/**
 * Complete header sets, made once and reused: a pre-rendered representation answers with the same
 * fields every time but `Date`, and each `Headers.set` costs the runtime some 10,000 instructions
 * (issue 11), more than the rest of such a request. A kept set is refreshed once a second with the
 * new `Date`; `new Response(body, { headers })` copies it, so a response never shares it.
 *
 * At most LIMIT sets are kept (first in, first out): a crawl through 10,000 articles costs each a
 * rebuild, never unbounded memory (a set is about 1 KB).
 */
const LIMIT = 2048;

interface Kept {
  date: HttpDate;
  headers: Headers;
}

const kept = new Map<string, Kept>();

/**
 * The header set named `key`, made by `make` the first time (with `date` in it) and kept.
 * The key must name everything the set depends on but the date.
 */
export function keptHeaders(key: string, date: HttpDate, make: () => Headers): Headers {
  let set = kept.get(key);
  if (set === undefined) {
    set = keepBounded(kept, LIMIT, key, { date, headers: make() });
  } else if (set.date !== date) {
    set.headers.set('Date', date.text);
    set.date = date;
  }
  return set.headers;
}
