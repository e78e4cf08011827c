import type { Language } from './analyze';

/**
 * The search index as records of the sharded index (src/store/shards.ts), written by the build
 * (scripts/build/search/) and read lazily by the Worker (engine.ts), one edition at a time: a
 * scheduled article is in the search of the editions from its release on, and in no other.
 *
 * Articles are numbered from the oldest (the order of the list of every article), so that a new
 * article adds to the end of the postings of its own terms and leaves the other records as they were.
 */

/** Articles per `docs` record. */
export const DOC_CHUNK = 512;

/** Articles per `leads` record. */
export const LEAD_CHUNK = 32;

/** Articles `k * LEAD_CHUNK` onwards: the opening of each one's text (its snippet's source, and where a phrase is looked for besides its headline and dek). */
export type LeadChunk = string[];

/** Articles per `lengths` record. */
export const LENGTH_CHUNK = 8192;

/** The one `stats` record: how many articles, their length in words summed, which languages they are in, the first date of each docs record. */
export interface SearchStats {
  count: number;
  length: number;
  languages: Language[];
  /** Seconds since the epoch: datePublished of article `k * DOC_CHUNK`, for each k. */
  firsts: number[];
}

/** Articles `k * DOC_CHUNK` onwards: their slugs and dates (datePublished, seconds since the epoch). */
export interface DocChunk {
  slugs: string[];
  dates: number[];
}

/**
 * A term's postings: pairs of (article number minus the previous one's, weighted frequency in
 * halves: rank.ts `weightedFrequency`), article numbers rising.
 */
export type Postings = number[];

/** Articles `k * LENGTH_CHUNK` onwards: each one's length in words as a byte (rank.ts `lengthByte`). */
export type LengthChunk = number[];

/** A filter's articles (a tag's, a section's, an author's): article numbers, each minus the previous one. */
export type FilterList = number[];

/** Terms that begin with a prefix, most used first: `[key, articles]` (key: `<language>:<term>`). */
export type PrefixTerms = [string, number][];

/** Prefixes are looked up by their first PREFIX_KEY characters (shorter ones hold only their PREFIX_TERMS best). */
export const PREFIX_KEY = 3;

export type FilterKind = 'tag' | 'section' | 'author';

/** A term's key: the term in its language (the same stem in two languages is two terms). */
export const termKey = (language: Language, term: string) => `${language}:${term}`;

export const searchKeys = {
  postings: (key: string): `s:${string}` => `s:${key}`,
  filter: (kind: FilterKind, value: string): `s:${string}` => `s:#${kind}:${value}`,
  prefix: (prefix: string): `p:${string}` => `p:${prefix}`,
  docs: (at: number): `u:${string}` => `u:${at}`,
  lengths: (at: number): `r:${string}` => `r:${at}`,
  leads: (at: number): `t:${string}` => `t:${at}`,
  stats: 'q:' as const,
};
