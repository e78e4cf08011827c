import type { ArticleSummary } from '../../../src/content/article';
import { RELATED_WINDOWS } from '../front-page';

/** What the previous build knew of an article's place among the others, and the related articles it chose for it. */
export interface RelatedEntry {
  /** The hash of what lists and related links show of it (article.ts `shown`). */
  shown: string;
  tags: readonly string[];
  section: string | null;
  datePublished: string;
  /** Its related articles' `rail` hashes (what their links show), in order: what its key is made of. */
  print: string;
  /** Its related articles' slugs, in order (a build that patches its page renders it with them: delta.ts). */
  related: readonly string[];
}

/** Whether two entries say the same (the next build's memory need not be written again for it). */
export function sameRelated(a: RelatedEntry, b: RelatedEntry): boolean {
  return a === b || (a.shown === b.shown && a.print === b.print && a.section === b.section && a.datePublished === b.datePublished && a.tags.join('\n') === b.tags.join('\n'));
}

/** Each article's entry by slug. */
export type KeptRelated = Map<string, RelatedEntry>;

/** The lists related articles are chosen from: each tag's and section's summaries, newest first, and each slug's place in the archive (newest first). */
export interface RelatedLists {
  byTag: ReadonlyMap<string, readonly ArticleSummary[]>;
  bySection: ReadonlyMap<string, readonly ArticleSummary[]>;
  order: ReadonlyMap<string, number>;
}

/** The first entry of `list` (newest first) not newer than an article published at `datePublished` with `slug` (the archive's order, derive.ts byNewest). */
function placeOf(list: readonly ArticleSummary[], datePublished: string, slug: string): number {
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = list[middle]!;
    const newer = other.datePublished > datePublished || (other.datePublished === datePublished && other.slug < slug);
    if (newer) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The articles whose related articles may differ from those the previous build chose: an article
 * picks among the TAG entries older than it in each of its tags' lists and the SECTION older than
 * it in its section's (front-page.ts), so only the articles just newer than an article that
 * changed what it shows, came, went or moved, in one of its lists then or now, can choose
 * differently. Every other article's choice (and so its key's print) is taken from the memory.
 */
export function unsettled(summaries: readonly ArticleSummary[], shown: (slug: string) => string, previous: KeptRelated, { byTag, bySection }: RelatedLists): Set<string> {
  const marked = new Set<string>();
  const markNewer = (list: readonly ArticleSummary[] | undefined, datePublished: string, slug: string, window: number) => {
    if (list === undefined) return;
    const place = placeOf(list, datePublished, slug);
    for (let at = Math.max(0, place - window - 1); at < place; at++) marked.add(list[at]!.slug);
  };
  const around = (tags: readonly string[], section: string | null, datePublished: string, slug: string) => {
    for (const tag of tags) markNewer(byTag.get(tag), datePublished, slug, RELATED_WINDOWS.tag);
    if (section !== null) markNewer(bySection.get(section), datePublished, slug, RELATED_WINDOWS.section);
  };
  const present = new Set<string>();
  for (const summary of summaries) {
    present.add(summary.slug);
    const before = previous.get(summary.slug);
    if (before !== undefined && before.shown === shown(summary.slug)) continue;
    marked.add(summary.slug);
    around(summary.tags, summary.section?.slug ?? null, summary.datePublished, summary.slug);
    if (before !== undefined) around(before.tags, before.section, before.datePublished, summary.slug);
  }
  for (const [slug, before] of previous) if (!present.has(slug)) around(before.tags, before.section, before.datePublished, slug);
  return marked;
}
