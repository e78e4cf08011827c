import bundle from '../generated/content';
import { BodyCache, type BodySource } from './bodies';
import type { BundledArticle, BundledAsset, Representation } from './bundle';
import type { Origin } from './origin';

/**
 * Read access to the generated content. Indexes are built once per isolate at module load;
 * every lookup after that is by key, and a list page costs its page size, not the archive's.
 */

const articlesBySlug = new Map(bundle.articles.map((article) => [article.slug, article]));
const assetsByName = new Map(bundle.assets.map((asset) => [asset.name, asset]));
const articlesByTag = new Map<string, BundledArticle[]>();
for (const article of bundle.articles) {
  for (const tag of article.tags) {
    const tagged = articlesByTag.get(tag);
    if (tagged === undefined) articlesByTag.set(tag, [article]);
    else tagged.push(article);
  }
}

/** Bodies kept per isolate: a quarter of its 128 MB, whatever the size of the archive. */
const BODY_BUDGET = 32 * 1024 * 1024;
const bodies = new BodyCache(BODY_BUDGET);

/** Names this build; a Cache-Tag that purges everything it served. */
export const buildId = bundle.build;

export function findArticle(slug: string): BundledArticle | undefined {
  return articlesBySlug.get(slug);
}

/** The article whose slug is `slug` in any letter case (for redirects to the canonical spelling). */
export function findArticleIgnoringCase(slug: string): BundledArticle | undefined {
  return articlesBySlug.get(slug) ?? articlesBySlug.get(slug.toLowerCase());
}

export function findAsset(name: string): BundledAsset | undefined {
  return assetsByName.get(name);
}

export const pages = bundle.pages;

/** One page of articles, newest first, optionally only those with `tag`. */
export function listArticles(query: { tag: string | null; page: number; limit: number }): { items: BundledArticle[]; total: number } {
  const matching = query.tag === null ? bundle.articles : (articlesByTag.get(query.tag) ?? []);
  const start = (query.page - 1) * query.limit;
  return { items: matching.slice(start, start + query.limit), total: matching.length };
}

/** The exact body of a representation for this origin (from the isolate, else its body file). */
export function readBody(representation: Representation, origin: Origin, source: BodySource): Promise<Uint8Array> {
  return bodies.get(representation, origin, source);
}

export { etagOf } from './bodies';
