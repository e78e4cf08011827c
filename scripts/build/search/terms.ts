import { languageOf, termOf, words } from '../../../src/search/analyze';
import { FIELDS } from '../../../src/search/rank';

/**
 * An article's terms as the search index needs them, made once when the article is read (its
 * listing, kept by the listing memo with the rest of its metadata): each field's length in words,
 * and each term's occurrences per field. Compact text, since a build keeps one per article:
 * `<lengths>` then `|<term> <field letter><count>…` for each term (`council t1b3`: once in the
 * headline, three times in the body).
 */

/** What the search reads of an article. */
export interface SearchFields {
  title: string;
  alternativeHeadline: string | null;
  description: string;
  tags: readonly string[];
  authors: readonly { name: string }[];
  text: string;
  lang: string;
}

const LETTERS = 'tdgab';

/** The article's terms in its language (stop words counted in the lengths, not kept as terms). */
export function articleTerms({ title, alternativeHeadline, description, tags, authors, text, lang }: SearchFields): string {
  const language = languageOf(lang);
  const fields = [[title, alternativeHeadline ?? ''].join(' '), description, tags.join(' '), authors.map(({ name }) => name).join(', '), text];
  const counts = new Map<string, number[]>();
  const lengths = fields.map((value, field) => {
    const found = words(value);
    for (const word of found) {
      const term = termOf(word, language);
      if (term === null) continue;
      let of = counts.get(term);
      if (of === undefined) counts.set(term, (of = [0, 0, 0, 0, 0]));
      of[field]! += 1;
    }
    return found.length;
  });
  const entries = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, of]) => `${term} ${of.map((count, field) => (count === 0 ? '' : `${LETTERS[field]}${count}`)).join('')}`);
  return [lengths.join(' '), ...entries].join('|');
}

/** Characters of an article's text the search keeps for its snippets and phrases: its opening, some 100 words. */
export const LEAD_CHARACTERS = 600;

/** The opening of an article's text, spaces collapsed, cut at a word's end. */
export function leadOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= LEAD_CHARACTERS) return flat;
  const cut = flat.lastIndexOf(' ', LEAD_CHARACTERS);
  return flat.slice(0, cut > 0 ? cut : LEAD_CHARACTERS);
}

/** An article's field lengths in words (in FIELDS order). */
export function termLengths(text: string): number[] {
  const end = text.indexOf('|');
  const lengths = text.slice(0, end < 0 ? text.length : end).split(' ').map(Number);
  return lengths.length === FIELDS.length && lengths.every(Number.isInteger) ? lengths : [0, 0, 0, 0, 0];
}

/** An article's terms read back: each term with its counts per field (in FIELDS order). */
export function readTerms(text: string, each: (term: string, counts: number[]) => void): void {
  const parts = text.split('|');
  for (let at = 1; at < parts.length; at++) {
    const entry = parts[at]!;
    const space = entry.lastIndexOf(' ');
    const counts = [0, 0, 0, 0, 0];
    for (const [, letter, count] of entry.slice(space + 1).matchAll(/([a-z])(\d+)/g)) counts[LETTERS.indexOf(letter!)] = Number(count);
    each(entry.slice(0, space), counts);
  }
}
