import { words } from './analyze';

/**
 * A reader's query as the search reads it: its words, the phrases in quotes (each word of a phrase
 * is a word of the query too, and the phrase must stand in the article as written), and the last
 * word as a prefix when the reader may still be typing it. Bounded whatever comes in: a query
 * longer than QUERY_LIMITS.characters is refused (the API's 400), words past QUERY_LIMITS.words
 * are not read, so a query costs at most that many lookups.
 */
export const QUERY_LIMITS = { characters: 200, words: 12, phrases: 3 } as const;

export interface ParsedQuery {
  /** Folded words, in order, each once. */
  words: string[];
  /** Each quoted phrase's folded words, in order (two words or more). */
  phrases: string[][];
  /** The last word, read as the start of a word too (search as you type); null after a space or a quote. */
  prefix: string | null;
}

export type QueryResult = { ok: true; query: ParsedQuery } | { ok: false; detail: string };

const QUOTED = /["“”„«»]([^"“”„«»]*)["“”„«»]?/g;

export function parseQuery(text: string): QueryResult {
  if (text.length > QUERY_LIMITS.characters) return { ok: false, detail: `The query is ${text.length} characters long; at most ${QUERY_LIMITS.characters} are read.` };
  const phrases: string[][] = [];
  const plain = text.replace(QUOTED, (_quoted, inner: string) => {
    const phrase = words(inner);
    if (phrase.length > 1 && phrases.length < QUERY_LIMITS.phrases) phrases.push(phrase);
    return ` ${inner} `;
  });
  const all = [...new Set(words(plain))].slice(0, QUERY_LIMITS.words);
  // Still typing: the text ends in a letter or digit, outside any quote.
  const last = words(text).at(-1);
  const typing = /[\p{L}\p{N}]$/u.test(text) && (text.match(/["“”„«»]/g)?.length ?? 0) % 2 === 0;
  const prefix = typing && last !== undefined && last.length >= 2 && all.includes(last) ? last : null;
  return { ok: true, query: { words: all, phrases, prefix } };
}
