import { termOf, words, type Language } from './analyze';
import type { ParsedQuery } from './query';
import { B, idfOf, K1, lengthOf, PREFIX_TERMS, PREFIX_WEIGHT } from './rank';
import { DOC_CHUNK, LEAD_CHUNK, LENGTH_CHUNK, PREFIX_KEY, searchKeys, termKey, type DocChunk, type FilterKind, type FilterList, type LeadChunk, type LengthChunk, type Postings, type PrefixTerms, type SearchStats } from './records';

/**
 * A query against an edition's search records (records.ts), read through `read` (the Worker's
 * lazy shard lookups, or a test's map): each word's postings in each language the archive uses,
 * the last word's prefix expanded to the most used terms it begins, the filters as lists of
 * articles, the date range as a range of article numbers. The work is bounded whatever the query:
 * at most QUERY_LIMITS words (query.ts) times the languages, PREFIX_TERMS more terms and three
 * filters are read, each a list no longer than the archive; the best MAX_RESULTS are kept.
 */

/** A value now, or once a read is done. */
type Maybe<T> = T | Promise<T>;
export type RecordReader = (key: string) => Maybe<unknown>;

/** Results past this rank are not served (as a web search engine stops at some hundreds). */
export const MAX_RESULTS = 1000;
/** A phrase is looked for in the best this many articles holding its words (their headline, dek and opening). */
export const PHRASE_CANDIDATES = 50;

export interface SearchFilters {
  tag: string | null;
  section: string | null;
  /** An author's id (their page's). */
  author: string | null;
  /** Published at or after / at or before, seconds since the epoch. */
  from: number | null;
  to: number | null;
}

export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  page: number;
  limit: number;
}

export interface SearchHit {
  slug: string;
  score: number;
  /** The opening of its text (records.ts LeadChunk): the snippet's source. */
  lead: string;
}

export interface SearchResults {
  /** Articles that match (a phrase query: those of the PHRASE_CANDIDATES best that hold the phrase). */
  total: number;
  hits: SearchHit[];
  /** What was matched, for the snippets. */
  matched: MatchedTerms;
}

/** What a query matched: each language's terms, the prefix (words it begins are marked too) and the phrases. */
export interface MatchedTerms {
  terms: Partial<Record<Language, string[]>>;
  prefix: string | null;
  phrases: string[][];
}

const EMPTY: SearchStats = { count: 0, length: 0, languages: [], firsts: [] };

/** `phraseText(slug, lead)`: where a phrase is looked for in an article (its headline and dek, and its opening). */
export async function runSearch({ query, filters, page, limit }: SearchRequest, read: RecordReader, phraseText: (slug: string, lead: string) => Maybe<string>): Promise<SearchResults> {
  const stats = ((await read(searchKeys.stats)) as SearchStats | undefined) ?? EMPTY;
  const matched: MatchedTerms = { terms: {}, prefix: query.prefix, phrases: query.phrases };
  const none = { total: 0, hits: [], matched };
  if (stats.count === 0 || query.words.length === 0) return none;
  const range = await docRange(filters, stats, read);
  if (range === null) return none;
  const allowed = await filterMarks(filters, stats.count, read);
  if (allowed === null) return none;
  const scores = new Float64Array(stats.count);
  const touched: number[] = [];
  const lengths = await lengthBytes(range, read);
  // Each length byte's part of the denominator, once per search: K1 × (1 − B + B × length ÷ average).
  const average = stats.length / stats.count;
  const norms = Array.from({ length: 256 }, (_, byte) => K1 * (1 - B + (B * lengthOf(byte)) / (average || 1)));
  /** A term's postings into the scores, at `weight`, with its own idf or `df`'s (a prefix's expansions count as one term). */
  const add = async (key: string, weight: number, df?: number): Promise<void> => {
    const postings = (await read(searchKeys.postings(key))) as Postings | undefined;
    if (postings === undefined) return;
    const idf = weight * idfOf(df ?? postings.length / 2, stats.count) * (K1 + 1);
    let doc = 0;
    for (let at = 0; at < postings.length; at += 2) {
      doc += postings[at]!;
      if (doc < range[0] || doc > range[1] || (allowed !== undefined && allowed[doc] === 0)) continue;
      if (scores[doc] === 0) touched.push(doc);
      const tf = postings[at + 1]! / 2;
      scores[doc]! += (idf * tf) / (tf + norms[lengths[doc >> LENGTH_SHIFT]![doc & LENGTH_MASK]!]!);
    }
  };
  const seen = new Set<string>();
  for (const word of query.words) {
    for (const language of stats.languages) {
      const term = termOf(word, language);
      if (term === null) continue;
      const key = termKey(language, term);
      if (seen.has(key)) continue;
      seen.add(key);
      (matched.terms[language] ??= []).push(term);
      await add(key, 1);
    }
  }
  if (query.prefix !== null) {
    const group = ((await read(searchKeys.prefix(query.prefix.slice(0, PREFIX_KEY)))) as PrefixTerms | undefined) ?? [];
    const prefix = query.prefix;
    const begun = group.filter(([key]) => key.slice(key.indexOf(':') + 1).startsWith(prefix));
    const expanded = begun.filter(([key]) => !seen.has(key)).slice(0, PREFIX_TERMS);
    // The words it may become count as one, with the word itself: a rare one is no rarer than the prefix that finds it.
    const df = Math.min(stats.count, begun.slice(0, PREFIX_TERMS + 1).reduce((sum, [, articles]) => sum + articles, 0));
    for (const [key] of expanded) await add(key, PREFIX_WEIGHT, df);
  }
  const ranked = best(touched, scores, query.phrases.length > 0 ? PHRASE_CANDIDATES : Math.min(MAX_RESULTS, page * limit));
  let total = touched.length;
  let kept = ranked;
  if (query.phrases.length > 0) {
    const candidates = await articlesOf(ranked, read);
    kept = [];
    for (const doc of ranked) {
      const { slug, lead } = candidates.get(doc)!;
      if (hasPhrases(await phraseText(slug, lead), query.phrases)) kept.push(doc);
    }
    total = kept.length;
  }
  const shown = kept.slice((page - 1) * limit, page * limit);
  const found = await articlesOf(shown, read);
  const hits = shown.map((doc) => ({ ...found.get(doc)!, score: Math.round(scores[doc]! * 1000) / 1000 }));
  return { total, hits, matched };
}

/** Scores equal to 1e-9 tie, and the newer article (the higher number) goes first. */
const before = (scores: Float64Array, a: number, b: number) => {
  const difference = Math.round(scores[a]! * 1e9) - Math.round(scores[b]! * 1e9);
  return difference !== 0 ? difference > 0 : a > b;
};

/** The `count` best articles, best first: a bounded heap (the worst kept at its root), so a long list costs its length, not a sort. */
function best(touched: readonly number[], scores: Float64Array, count: number): number[] {
  const heap: number[] = [];
  const sift = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && before(scores, heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && before(scores, heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (const doc of touched) {
    if (heap.length < count) {
      heap.push(doc);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!before(scores, heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (count > 0 && before(scores, doc, heap[0]!)) {
      heap[0] = doc;
      sift(0);
    }
  }
  return heap.sort((a, b) => (before(scores, a, b) ? -1 : 1));
}

/** LENGTH_CHUNK is a power of two: an article's length is at [doc >> LENGTH_SHIFT][doc & LENGTH_MASK]. */
const LENGTH_SHIFT = Math.log2(LENGTH_CHUNK);
const LENGTH_MASK = LENGTH_CHUNK - 1;

/** The length records of the articles in `range`, by their number (the others left empty). */
async function lengthBytes([first, last]: [number, number], read: RecordReader): Promise<LengthChunk[]> {
  const chunks: LengthChunk[] = [];
  for (let at = first >> LENGTH_SHIFT; at <= last >> LENGTH_SHIFT; at++) chunks[at] = ((await read(searchKeys.lengths(at))) as LengthChunk | undefined) ?? [];
  return chunks;
}

/** The slugs and openings of articles by number, from their records. */
async function articlesOf(docs: readonly number[], read: RecordReader): Promise<Map<number, { slug: string; lead: string }>> {
  const found = new Map<number, { slug: string; lead: string }>();
  for (const doc of docs) {
    const chunk = (await read(searchKeys.docs(Math.floor(doc / DOC_CHUNK)))) as DocChunk;
    const leads = ((await read(searchKeys.leads(Math.floor(doc / LEAD_CHUNK)))) as LeadChunk | undefined) ?? [];
    found.set(doc, { slug: chunk.slugs[doc % DOC_CHUNK]!, lead: leads[doc % LEAD_CHUNK] ?? '' });
  }
  return found;
}

/** The articles published in [from, to], as a range of numbers (dates rise with them), or null when none is. */
async function docRange({ from, to }: SearchFilters, stats: SearchStats, read: RecordReader): Promise<[number, number] | null> {
  const first = from === null ? 0 : await firstAfter(from, stats, read, false);
  const last = to === null ? stats.count - 1 : (await firstAfter(to, stats, read, true)) - 1;
  return first > last ? null : [first, last];
}

/** The first article published at or after `seconds` (`strictly`: after it); `count` when none is. */
async function firstAfter(seconds: number, stats: SearchStats, read: RecordReader, strictly: boolean): Promise<number> {
  const past = (date: number) => (strictly ? date > seconds : date >= seconds);
  // The last chunk whose first article is not past it holds the boundary, or the next one starts it.
  let chunk = stats.firsts.findIndex(past);
  chunk = chunk < 0 ? stats.firsts.length - 1 : chunk - 1;
  if (chunk < 0) return 0;
  const { dates } = (await read(searchKeys.docs(chunk))) as DocChunk;
  const at = dates.findIndex(past);
  return at < 0 ? Math.min(stats.count, (chunk + 1) * DOC_CHUNK) : chunk * DOC_CHUNK + at;
}

/** Marks of the articles every filter allows (undefined: no filter), or null when a filter allows none. */
async function filterMarks({ tag, section, author }: SearchFilters, count: number, read: RecordReader): Promise<Uint8Array | undefined | null> {
  const given = ([['tag', tag], ['section', section], ['author', author]] as [FilterKind, string | null][]).filter((filter): filter is [FilterKind, string] => filter[1] !== null);
  if (given.length === 0) return undefined;
  const marks = new Uint8Array(count);
  for (const [kind, value] of given) {
    const list = (await read(searchKeys.filter(kind, value))) as FilterList | undefined;
    if (list === undefined) return null;
    let doc = 0;
    for (const delta of list) marks[(doc += delta)]! += 1;
  }
  if (given.length > 1) for (let doc = 0; doc < count; doc++) marks[doc] = marks[doc] === given.length ? 1 : 0;
  return marks;
}

/** Whether every phrase stands in `text` as written (its folded words, one after the other). */
export function hasPhrases(text: string, phrases: readonly (readonly string[])[]): boolean {
  const all = ` ${words(text).join(' ')} `;
  return phrases.every((phrase) => all.includes(` ${phrase.join(' ')} `));
}
