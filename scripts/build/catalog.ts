import type { SiteSettings } from '../../src/content/site';

/**
 * What an article is resolved against besides its own file: the authors who have pages (by id),
 * the site's sections and the content folder its pictures are under. Built before the articles,
 * from content/authors/ and site.yml.
 */
export interface Catalog {
  authors: ReadonlyMap<string, { name: string }>;
  sections: SiteSettings['sections'];
  /** The content folder: its absolute path, and how messages show it (`content`). Without one, an article's pictures cannot be checked (a problem). */
  content?: { dir: string; shown: string };
}

/** A catalog with no authors, no sections and no content folder (tools that build articles alone). */
export const EMPTY_CATALOG: Catalog = { authors: new Map(), sections: [] };
