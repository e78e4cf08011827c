import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';

/**
 * Text into search terms, the same in the build (documents) and the Worker (queries): words folded
 * (lower case, no diacritics: "Zoë" and "zoe" are one word), then each language's stop words left
 * out and its stemmer applied (Snowball's, from @orama/stemmers: "floods", "flooded" and
 * "flooding" are one term). A language without a stemmer here is folded only.
 */

/** Letters that carry no combining mark to strip (NFKD leaves them whole). */
const LIGATURES: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, compatibility forms decomposed, combining marks (accents) removed, the ligatures above spelled out. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LIGATURES[letter]!);
}

/** A word: letters and digits; an apostrophe inside one joins it ("harbour's" is "harbours"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The folded words of `text`, in order. */
export function words(text: string): string[] {
  return [...fold(text).matchAll(WORD)].map(([word]) => word.replace(/['’]/g, ''));
}

/** The languages with an analyser of their own; any other is folded only. */
export type Language = 'en' | 'fr' | 'other';

export function languageOf(lang: string): Language {
  const primary = lang.toLowerCase().split('-', 1)[0];
  return primary === 'en' || primary === 'fr' ? primary : 'other';
}

/** Words too common to tell articles apart (folded). */
const STOP_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set('a an and are as at be been but by for from had has have he her his i in into is it its of on or our she that the their them they this to was were which who will with you'.split(' ')),
  fr: new Set('a au aux avec ce ces dans de des du elle en est et il ils la le les leur lui mais ne on ou par pas pour qu que qui sa se ses son sur un une vous nous'.split(' ')),
  other: new Set(),
};

const STEMMERS: Readonly<Record<Language, (word: string) => string>> = { en: english, fr: french, other: (word) => word };

/** A folded word's term in `language`, or null for a stop word. */
export function termOf(word: string, language: Language): string | null {
  if (STOP_WORDS[language].has(word)) return null;
  return STEMMERS[language](word);
}

/** The terms of `text` in `language`, in order (stop words left out). */
export function terms(text: string, language: Language): string[] {
  const found: string[] = [];
  for (const word of words(text)) {
    const term = termOf(word, language);
    if (term !== null) found.push(term);
  }
  return found;
}
