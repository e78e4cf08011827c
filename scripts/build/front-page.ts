import type { ArticleSummary } from '../../src/content/article';
import type { Section } from '../../src/content/site';
import type { FrontPage } from '../../src/views/index-page';

/** Articles per section block on the front page. */
export const SECTION_BLOCK_SIZE = 3;
/** Related articles under an article ("More in <section>"). */
export const RELATED_SIZE = 3;

/**
 * The front page's lead (the newest featured article, else the newest) and, for each section in
 * site.yml's order, its newest articles besides the lead. `summaries` are newest first.
 */
export function frontPage(summaries: readonly ArticleSummary[], featured: ReadonlySet<string>, sections: readonly Section[]): FrontPage {
  const lead = summaries.find(({ slug }) => featured.has(slug)) ?? summaries[0] ?? null;
  const rest = summaries.filter((summary) => summary !== lead);
  return {
    lead,
    sections: sections.map(({ slug, title }) => ({ slug, title, articles: rest.filter((summary) => summary.section?.slug === slug).slice(0, SECTION_BLOCK_SIZE) })),
  };
}

/** Candidates per tag for related articles: the tag's newest, so the work per article stays bounded on a large archive. */
const CANDIDATES_PER_TAG = 30;

/** How many older articles relatedArticles looks at: in each of an article's tags, and in its section (cache/related-memo.ts marks the articles a change can reach by them). */
export const RELATED_WINDOWS = { tag: CANDIDATES_PER_TAG, section: RELATED_SIZE + 1 } as const;

/**
 * The first `count` entries of `list` (newest first, as `order` ranks them) published before
 * `article`: those after it in the list (a slice of `count`, never of the rest: lists run to
 * hundreds of thousands of entries at a million articles).
 */
function before(list: readonly ArticleSummary[], article: ArticleSummary, order: ReadonlyMap<string, number>, count: number): readonly ArticleSummary[] {
  const place = order.get(article.slug)!;
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order.get(list[middle]!.slug)! <= place) low = middle + 1;
    else high = middle;
  }
  return list.slice(low, low + count);
}

/**
 * "More in <section>": among the articles published before `article` — the newest of each of its
 * tags (in its section when it has one) — those that share the most tags with it, newest first
 * among equals, then the newest of its section before it (`section`, the whole section newest
 * first). Only earlier articles: publishing a new one then changes no other article's page (nor
 * its pack), where choosing among the newest changed every article sharing a tag with it (429
 * articles' pages, 302 packs at 10,000 articles). `byTag` lists each tag's articles newest first.
 * Chosen once, at build time.
 */
export function relatedArticles(article: ArticleSummary, byTag: ReadonlyMap<string, readonly ArticleSummary[]>, order: ReadonlyMap<string, number>, section: readonly ArticleSummary[] = []): ArticleSummary[] {
  const shared = new Map<ArticleSummary, number>();
  for (const tag of article.tags) {
    for (const other of before(byTag.get(tag) ?? [], article, order, CANDIDATES_PER_TAG)) {
      if (article.section !== null && other.section?.slug !== article.section.slug) continue;
      shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const ranked = firstRanked(shared, order, RELATED_SIZE);
  // Too few share a tag: the section's newest before it fill the rest.
  const fill = before(section, article, order, RELATED_WINDOWS.section).filter((other) => !shared.has(other));
  return [...ranked, ...fill].slice(0, RELATED_SIZE);
}

/**
 * The first `count` of `shared` by most tags shared, then newest: what sorting them all would put
 * first, picked in one pass (an article's candidates are up to 30 a tag, and every article has them).
 */
function firstRanked(shared: ReadonlyMap<ArticleSummary, number>, order: ReadonlyMap<string, number>, count: number): ArticleSummary[] {
  const first: [ArticleSummary, number, number][] = [];
  for (const [other, tags] of shared) {
    const place = order.get(other.slug)!;
    let at = first.length;
    while (at > 0 && (first[at - 1]![1] < tags || (first[at - 1]![1] === tags && first[at - 1]![2] > place))) at--;
    if (at < count) {
      first.splice(at, 0, [other, tags, place]);
      if (first.length > count) first.pop();
    }
  }
  return first.map(([other]) => other);
}
