import type { Paging } from '../../src/views/article-list';
import type { LazyPages } from './documents';

/** Articles per page of the home page and of each tag's, section's and author's pages. */
export const HOME_PAGE_SIZE = 30;

/** One page of a list: its entries (newest first) and where it sits. */
export interface ListPage<T> {
  items: T[];
  paging: Paging;
}

/** The archive page (from 1) holding the entry `at` places from the oldest. */
const pageOf = (at: number) => Math.floor(at / HOME_PAGE_SIZE) + 1;

/**
 * A list (given newest first) as pages that stay put when it grows: the front, at the list's own
 * URL, holds the newest HOME_PAGE_SIZE entries; archive pages, `?page=1` onwards, are numbered
 * from the oldest, page n holding entries (n - 1) × HOME_PAGE_SIZE to n × HOME_PAGE_SIZE - 1
 * counted from the oldest, so a full page never changes again and a new entry changes the front
 * and the newest page or two, not every page. A list the front holds whole has no archive pages.
 * Returns the front, then archive pages 1 to the last: `?page=n` is element n.
 */
export function archivePages<T>(newestFirst: readonly T[]): ListPage<T>[] {
  const count = newestFirst.length;
  const last = count > HOME_PAGE_SIZE ? pageOf(count - 1) : 0;
  const front: ListPage<T> = { items: newestFirst.slice(0, HOME_PAGE_SIZE), paging: { page: null, newer: null, older: last === 0 ? null : pageOf(count - HOME_PAGE_SIZE - 1) } };
  const archive = Array.from({ length: last }, (_, index): ListPage<T> => {
    const page = index + 1;
    const items = newestFirst.slice(Math.max(0, count - page * HOME_PAGE_SIZE), count - index * HOME_PAGE_SIZE);
    return { items, paging: { page, newer: page === last ? 'front' : page + 1, older: page === 1 ? null : page - 1 } };
  });
  return [front, ...archive];
}

/** A list's pages, each rendered when it is stored; `key` says what a page is made from (a build that remembers takes a page it made before by it). */
export function lazily<T>(pages: readonly ListPage<T>[], render: (page: ListPage<T>) => string, key?: (page: ListPage<T>) => string | undefined): LazyPages {
  return { length: pages.length, page: (at) => render(pages[at]!), ...(key === undefined ? {} : { key: (at: number) => key(pages[at]!) }) };
}
