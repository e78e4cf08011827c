import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/content/article';
import { RELATED_SIZE, relatedArticles } from '../../scripts/build/front-page';

/**
 * relatedArticles picks its first few in one pass (every article of a million has candidates):
 * checked against the rule written out as a sort of every candidate, on random archives.
 */

const TAGS = ['a', 'b', 'c', 'd', 'e', 'f'];
const SECTIONS = [null, 'news', 'sport'];

/** The rule as a full sort: among earlier articles, the 30 newest of each tag (in its section if it has one), most tags shared, then newest; then the section's newest. */
function byFullSort(article: ArticleSummary, all: readonly ArticleSummary[]): ArticleSummary[] {
  const place = all.indexOf(article);
  const earlier = all.slice(place + 1);
  const shared = new Map<ArticleSummary, number>();
  for (const tag of article.tags) {
    for (const other of earlier.filter((candidate) => candidate.tags.includes(tag)).slice(0, 30)) {
      if (article.section !== null && other.section?.slug !== article.section.slug) continue;
      shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const ranked = [...shared].sort(([a, countA], [b, countB]) => countB - countA || all.indexOf(a) - all.indexOf(b)).map(([other]) => other);
  const section = article.section === null ? [] : earlier.filter((other) => other.section?.slug === article.section!.slug).slice(0, RELATED_SIZE + 1);
  return [...ranked, ...section.filter((other) => !shared.has(other))].slice(0, RELATED_SIZE);
}

const archive = fc.array(fc.record({ tags: fc.subarray(TAGS, { minLength: 1 }), section: fc.constantFrom(...SECTIONS) }), { minLength: 1, maxLength: 120 }).map((drawn) =>
  drawn.map(({ tags, section }, at) => ({ slug: `s${at}`, tags, section: section === null ? null : { slug: section, title: section } }) as unknown as ArticleSummary),
);

describe('relatedArticles', () => {
  it('gives what sorting every candidate gives', () => {
    fc.assert(
      fc.property(archive, (all) => {
        const order = new Map(all.map(({ slug }, at) => [slug, at]));
        const byTag = new Map(TAGS.map((tag) => [tag, all.filter((summary) => summary.tags.includes(tag))]));
        for (const article of all) {
          const section = article.section === null ? [] : all.filter((other) => other.section?.slug === article.section!.slug);
          expect(relatedArticles(article, byTag, order, section).map(({ slug }) => slug)).toEqual(byFullSort(article, all).map(({ slug }) => slug));
        }
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
