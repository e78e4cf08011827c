import { languageOf, termOf, words, type Language } from './analyze';
import type { ParsedQuery } from './query';

/**
 * Relevance: BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and
 * Beyond", 2009, §3.4) over an article's fields, each with its weight: a term counts the more for
 * being in the headline or the tags. Each query word is matched in the language of each article
 * (its own stemmer); the last word, while it may still be typed, also matches the terms it begins
 * (the most used ones first, PREFIX_TERMS of them, at PREFIX_WEIGHT); a quoted phrase keeps only the
 * articles where its words stand together. Equal scores go to the newer article.
 */

export const FIELDS = ['title', 'description', 'tags', 'authors', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/** How much a term counts in each field (title boosted). */
export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = { title: 3, description: 1.5, tags: 2, authors: 2, body: 1 };
/** BM25's saturation (k1) and each field's length normalisation (b). */
export const K1 = 1.2;
export const FIELD_B: Readonly<Record<Field, number>> = { title: 0.5, description: 0.6, tags: 0.3, authors: 0.3, body: 0.75 };
/** Terms a prefix expands to, and what each counts against the word typed whole. */
export const PREFIX_TERMS = 8;
export const PREFIX_WEIGHT = 0.6;

/** An article as the search indexes it. */
export interface SearchDocument {
  slug: string;
  lang: string;
  /** datePublished, milliseconds since the epoch: the tie-breaker. */
  date: number;
  fields: Readonly<Record<Field, string>>;
}

/** A term's occurrences in one article: for each field, the word positions (stop words counted). */
export interface Posting {
  doc: number;
  positions: Partial<Record<Field, number[]>>;
}

export interface Hit {
  slug: string;
  score: number;
}

/** The index in memory: what the build writes in shards (and the Worker reads back) has the same parts. */
export class RankIndex {
  readonly postings = new Map<string, Posting[]>();
  readonly lengths: Record<Field, number>[] = [];
  readonly average: Record<Field, number>;
  readonly languages: Language[];
  private sortedTerms: string[] | undefined;

  constructor(readonly documents: readonly SearchDocument[]) {
    const totals = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<Field, number>;
    documents.forEach((document, doc) => {
      const language = languageOf(document.lang);
      const lengths = {} as Record<Field, number>;
      for (const field of FIELDS) {
        const folded = words(document.fields[field]);
        lengths[field] = folded.length;
        totals[field] += folded.length;
        folded.forEach((word, position) => {
          const term = termOf(word, language);
          if (term === null) return;
          let list = this.postings.get(term);
          if (list === undefined) this.postings.set(term, (list = []));
          let posting = list.at(-1);
          if (posting?.doc !== doc) list.push((posting = { doc, positions: {} }));
          (posting.positions[field] ??= []).push(position);
        });
      }
      this.lengths.push(lengths);
    });
    this.average = Object.fromEntries(FIELDS.map((field) => [field, documents.length === 0 ? 0 : totals[field] / documents.length])) as Record<Field, number>;
    this.languages = [...new Set(documents.map(({ lang }) => languageOf(lang)))];
  }

  /** Index terms that begin with `prefix`, the most used first. */
  termsFrom(prefix: string, limit: number): string[] {
    this.sortedTerms ??= [...this.postings.keys()].sort();
    const terms = this.sortedTerms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let at = low; at < terms.length && terms[at]!.startsWith(prefix); at++) found.push(terms[at]!);
    return found.sort((a, b) => this.postings.get(b)!.length - this.postings.get(a)!.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  search(query: ParsedQuery, limit = 10): Hit[] {
    const scores = new Map<number, number>();
    const count = this.documents.length;
    const add = (term: string, weight: number, language: Language | null) => {
      const list = this.postings.get(term);
      if (list === undefined) return;
      const idf = Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, positions } of list) {
        // A word's stem in another language than the article's is not its term there.
        if (language !== null && languageOf(this.documents[doc]!.lang) !== language) continue;
        let tf = 0;
        for (const field of FIELDS) {
          const occurrences = positions[field]?.length ?? 0;
          if (occurrences === 0) continue;
          const norm = 1 - FIELD_B[field] + FIELD_B[field] * (this.lengths[doc]![field] / (this.average[field] || 1));
          tf += (FIELD_WEIGHTS[field] * occurrences) / norm;
        }
        scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * ((tf * (K1 + 1)) / (tf + K1)));
      }
    };
    for (const word of query.words) {
      const seen = new Set<string>();
      for (const language of this.languages) {
        const term = termOf(word, language);
        if (term === null || seen.has(`${language} ${term}`)) continue;
        seen.add(`${language} ${term}`);
        add(term, 1, language);
      }
      if (word === query.prefix) {
        const whole = new Set(this.languages.map((language) => termOf(word, language)));
        for (const term of this.termsFrom(word, PREFIX_TERMS)) if (!whole.has(term)) add(term, PREFIX_WEIGHT, null);
      }
    }
    let docs = [...scores.keys()];
    for (const phrase of query.phrases) docs = docs.filter((doc) => this.hasPhrase(doc, phrase));
    return docs
      .map((doc) => ({ doc, score: scores.get(doc)! }))
      .sort((a, b) => roundScore(b.score) - roundScore(a.score) || this.documents[b.doc]!.date - this.documents[a.doc]!.date)
      .slice(0, limit)
      .map(({ doc, score }) => ({ slug: this.documents[doc]!.slug, score }));
  }

  /** Whether the phrase's words (stop words taking their places) stand together in one of the article's fields. */
  private hasPhrase(doc: number, phrase: readonly string[]): boolean {
    const language = languageOf(this.documents[doc]!.lang);
    const parts = phrase.map((word, offset) => ({ term: termOf(word, language), offset })).filter((part): part is { term: string; offset: number } => part.term !== null);
    if (parts.length === 0) return true;
    const positionsOf = (term: string, field: Field) => this.postings.get(term)?.find((posting) => posting.doc === doc)?.positions[field] ?? [];
    return FIELDS.some((field) => positionsOf(parts[0]!.term, field).some((start) => parts.every(({ term, offset }) => positionsOf(term, field).includes(start - parts[0]!.offset + offset))));
  }
}

/** Scores equal to 1e-9 tie (and go to the newer article). */
const roundScore = (score: number): number => Math.round(score * 1e9) / 1e9;
