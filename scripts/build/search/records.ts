import type { ArticleSummary } from '../../../src/content/article';
import { languageOf } from '../../../src/search/analyze';
import { lengthByte, PREFIX_TERMS, weightedFrequency } from '../../../src/search/rank';
import { DOC_CHUNK, LEAD_CHUNK, LENGTH_CHUNK, PREFIX_KEY, searchKeys, termKey, type DocChunk, type FilterKind, type LeadChunk, type LengthChunk, type PrefixTerms, type SearchStats } from '../../../src/search/records';
import { readTerms, termLengths } from './terms';

/**
 * The search index of an edition as records of the sharded index (src/search/records.ts): each
 * term's postings with its weighted frequencies, each filter's articles, the prefix dictionary,
 * the articles' lengths, slugs, dates and openings, and the stats. `articles` newest first, as the
 * index lists them; `source` gives each one's analysis and opening (terms.ts).
 */
/** What the search indexes of each article, by slug: its terms (terms.ts) and the opening of its text. */
export interface SearchSource {
  terms(slug: string): string;
  lead(slug: string): string;
}

export function searchRecords(articles: readonly ArticleSummary[], { terms, lead }: SearchSource, add: (key: string, value: unknown) => void): void {
  const oldestFirst = articles.toReversed();
  const count = oldestFirst.length;
  const postings = new Map<string, number[]>();
  const last = new Map<string, number>();
  const filters = new Map<string, number[]>();
  const languages = new Set<ReturnType<typeof languageOf>>();
  const lengths: number[] = [];
  let length = 0;
  const addTo = (lists: Map<string, number[]>, key: string, doc: number, ...more: number[]) => {
    const list = lists.get(key);
    if (list === undefined) lists.set(key, [doc, ...more]);
    else list.push(doc - last.get(key)!, ...more);
    last.set(key, doc);
  };
  oldestFirst.forEach((summary, doc) => {
    const language = languageOf(summary.lang);
    languages.add(language);
    const text = terms(summary.slug);
    const words = articleLength(text);
    length += words;
    lengths.push(lengthByte(words));
    readTerms(text, (term, counts) => addTo(postings, searchKeys.postings(termKey(language, term)), doc, weightedFrequency(counts)));
    const filter = (kind: FilterKind, value: string) => addTo(filters, searchKeys.filter(kind, value), doc);
    for (const tag of summary.tags) filter('tag', tag);
    if (summary.section !== null) filter('section', summary.section.slug);
    for (const { id } of summary.authors) if (id !== undefined) filter('author', id);
  });
  for (const [key, list] of postings) add(key, list);
  for (const [key, list] of filters) add(key, list);
  for (const [key, entries] of prefixDictionary(postings)) add(key, entries);
  for (let at = 0; at * LEAD_CHUNK < count; at++) add(searchKeys.leads(at), oldestFirst.slice(at * LEAD_CHUNK, (at + 1) * LEAD_CHUNK).map(({ slug }) => lead(slug)) satisfies LeadChunk);
  for (let at = 0; at * LENGTH_CHUNK < count; at++) add(searchKeys.lengths(at), lengths.slice(at * LENGTH_CHUNK, (at + 1) * LENGTH_CHUNK) satisfies LengthChunk);
  const firsts: number[] = [];
  for (let at = 0; at * DOC_CHUNK < count; at++) {
    const slice = oldestFirst.slice(at * DOC_CHUNK, (at + 1) * DOC_CHUNK);
    const chunk: DocChunk = { slugs: slice.map(({ slug }) => slug), dates: slice.map(({ datePublished }) => Date.parse(datePublished) / 1000) };
    firsts.push(chunk.dates[0]!);
    add(searchKeys.docs(at), chunk);
  }
  const stats: SearchStats = { count, length, languages: [...languages].sort(), firsts };
  add(searchKeys.stats, stats);
}

/** An article's length in words, every field together (what its length normalisation counts). */
export function articleLength(text: string): number {
  return termLengths(text).reduce((sum, words) => sum + words, 0);
}

/**
 * The terms each prefix begins, most used first: under its first PREFIX_KEY characters every term
 * that begins with them; under a shorter prefix only its PREFIX_TERMS most used (a shorter prefix
 * is expanded to no more than those).
 */
function prefixDictionary(postings: ReadonlyMap<string, number[]>): Map<string, PrefixTerms> {
  const groups = new Map<string, PrefixTerms>();
  for (const [key, list] of postings) {
    const name = key.slice(2);
    const term = name.slice(name.indexOf(':') + 1);
    for (let length = 2; length <= Math.min(PREFIX_KEY, term.length); length++) {
      const prefix = searchKeys.prefix(term.slice(0, length));
      const group = groups.get(prefix);
      if (group === undefined) groups.set(prefix, [[name, list.length / 2]]);
      else group.push([name, list.length / 2]);
    }
  }
  for (const [prefix, group] of groups) {
    group.sort(([a, dfA], [b, dfB]) => dfB - dfA || (a < b ? -1 : 1));
    if (prefix.length - 2 < PREFIX_KEY) group.length = Math.min(group.length, PREFIX_TERMS);
  }
  return groups;
}
