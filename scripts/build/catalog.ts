import type { SiteSettings } from '../../src/content/site';

/**
 * What an article is resolved against besides its own file: the authors who have pages (by id)
 * and the site's sections. Built before the articles, from content/authors/ and site.yml.
 */
export interface Catalog {
  authors: ReadonlyMap<string, { name: string }>;
  sections: SiteSettings['sections'];
}

/** A catalog with no authors and no sections (tools that build articles alone). */
export const EMPTY_CATALOG: Catalog = { authors: new Map(), sections: [] };
