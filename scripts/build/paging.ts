/** Articles per page of the home page and of each tag page. */
export const HOME_PAGE_SIZE = 30;

/** `items` cut into pages of HOME_PAGE_SIZE; always at least one page (an empty list says so). */
export function paginate<T>(items: readonly T[]): T[][] {
  const pages = Math.max(1, Math.ceil(items.length / HOME_PAGE_SIZE));
  return Array.from({ length: pages }, (_, index) => items.slice(index * HOME_PAGE_SIZE, (index + 1) * HOME_PAGE_SIZE));
}
