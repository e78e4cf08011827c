import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../scripts/build/render';

/**
 * Word counts (an article's wordCount and reading time): plain text is counted by a pattern
 * (render.ts) instead of Intl.Segmenter's iterator, 100× faster; every count must stay the
 * segmenter's, in every language, or the API's wordCount would change.
 */

const SEED = 1705;
const segmenterCount = (text: string, lang: string) => [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].filter((segment) => segment.isWordLike).length;

/** Every ASCII character (letters and digits as a few of each: UAX #29 treats each class alike) and the typographic ones the pattern takes. */
const CHARACTERS = [...'aZq09_ !"#$%&\'()*+,-./:;<=>?@[\\]^`{|}~\t\n\r\x0B\x0C\x00\x7F', '\u2018', '\u2019', '\u201C', '\u201D', '\u2013', '\u2014'];
/** Pieces of news copy, so that joins (3.14, don't, e.g., 1,000, a_b) come up often. */
const PIECES = ['word', 'A', '42', '3.14', "don't", 'it\u2019s', 'e.g.', '1,000', '12;34', 'a:b', 'a_b', '__', '_', ' ', '\n'];
const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'sv', 'fi', 'da', 'el', 'ru', 'tr', 'pl', 'ja', 'zh', 'ko', 'he', 'ar', 'th', 'hi', 'und'];

const text = fc.array(fc.constantFrom(...CHARACTERS, ...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('countWords', () => {
  it.each(LANGUAGES)('counts plain text as Intl.Segmenter does (%s)', (lang) => {
    fc.assert(
      fc.property(text, (sample) => countWords(sample, lang) === segmenterCount(sample, lang)),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('gives the segmenter text it cannot take', () => {
    for (const sample of ['naïve café', '東京の天気は晴れです', 'über\u00A0alles', 'a\u2026b', 'x\u0301y']) expect(countWords(sample, 'en')).toBe(segmenterCount(sample, 'en'));
  });

  it('counts words, numbers and joined forms once, a lone underscore and punctuation not at all', () => {
    expect(countWords("It's 3.14, e.g. don't \u2014 1,000 a_b _ __ \u201Cq\u201D", 'en')).toBe(8);
  });
});
