/**
 * Relevance: BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
 * 2009) over an article's fields weighted as BM25F does (§3.4: a term counts the more for being in
 * the headline, the tags or the authors), with one length normalisation for the whole article. The
 * build stores each term's weighted frequency in each article and each article's length; the Worker
 * adds up, for the words of a query, idf × the frequency saturated by K1 and normalised by the
 * article's length against the average (engine.ts). Nothing stored depends on other articles, so an
 * edit changes the records of its own changed words and its own length only (scripts/build/search/patch.ts).
 */

export const FIELDS = ['title', 'description', 'tags', 'authors', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/** How much a term counts in each field (the headline boosted), in halves: stored frequencies are whole numbers. */
export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = { title: 3, description: 1.5, tags: 2, authors: 2, body: 1 };
/** BM25's saturation (k1) and length normalisation (b). */
export const K1 = 1.2;
export const B = 0.75;
/** Terms a prefix expands to, and what each counts against the word typed whole. */
export const PREFIX_TERMS = 8;
export const PREFIX_WEIGHT = 0.6;

/** A term's weighted frequency in an article, in halves (a whole number): its occurrences in each field times the field's weight. */
export function weightedFrequency(counts: readonly number[]): number {
  return FIELDS.reduce((sum, field, at) => sum + 2 * FIELD_WEIGHTS[field] * (counts[at] ?? 0), 0);
}

/** Robertson–Spärck Jones idf, kept positive: a term in `df` of `count` articles. */
export function idfOf(df: number, count: number): number {
  return Math.log(1 + (count - df + 0.5) / (df + 0.5));
}

/** An article's length in words as one byte: 28 steps to each factor of e, up to some 9,000 words (longer ones count as that). */
export function lengthByte(words: number): number {
  return Math.min(255, Math.round(Math.log1p(words) * 28));
}

/** The length a byte stands for. */
export function lengthOf(byte: number): number {
  return Math.expm1(byte / 28);
}

/** What a term adds to an article's score: its idf times its frequency (`halves`) saturated, normalised by the article's length against the average. */
export function termScore(idf: number, halves: number, length: number, average: number): number {
  const tf = halves / 2;
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / (average || 1)));
}
