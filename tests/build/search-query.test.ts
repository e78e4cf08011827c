import { describe, expect, it } from 'vitest';
import { fold, terms, words } from '../../src/search/analyze';
import { parseQuery, QUERY_LIMITS } from '../../src/search/query';

/** How text becomes search terms, and how a query is read, whatever comes in (issue 20). */

describe('analysis', () => {
  it('folds case and diacritics, ligatures spelled out, so a word typed without its accents is the same word', () => {
    expect(fold('Zoë Müller, SØREN Ålund, Straße, Œuvre, café')).toBe('zoe muller, soren alund, strasse, oeuvre, cafe');
    expect(words("The harbour's café — 2,000 boats!")).toEqual(['the', 'harbours', 'cafe', '2', '000', 'boats']);
  });

  it('stems each language with its own Snowball stemmer and leaves its stop words out', () => {
    expect(terms('The floods flooded the flooding fields', 'en')).toEqual(['flood', 'flood', 'flood', 'field']);
    expect(terms('Le fromage du marché et les fromages', 'fr')).toEqual(['fromag', 'march', 'fromag']);
    expect(terms('Der Hafen', 'other')).toEqual(['der', 'hafen']);
  });
});

describe('a query', () => {
  const parsed = (text: string) => {
    const result = parseQuery(text);
    if (!result.ok) throw new Error(result.detail);
    return result.query;
  };

  it('is its words, each once, the last a prefix while it may still be typed', () => {
    expect(parsed('Tram exte')).toEqual({ words: ['tram', 'exte'], phrases: [], prefix: 'exte' });
    expect(parsed('tram extension ')).toEqual({ words: ['tram', 'extension'], phrases: [], prefix: null });
    expect(parsed('flood Flood')).toEqual({ words: ['flood'], phrases: [], prefix: 'flood' });
  });

  it('keeps a phrase in quotes, straight or typographic, its words words of the query', () => {
    expect(parsed('"Harbour Road bridge" repairs')).toEqual({ words: ['harbour', 'road', 'bridge', 'repairs'], phrases: [['harbour', 'road', 'bridge']], prefix: 'repairs' });
    expect(parsed('“flood warning”')).toEqual({ words: ['flood', 'warning'], phrases: [['flood', 'warning']], prefix: null });
    // A phrase still open is no prefix; a quoted single word is a word.
    expect(parsed('"harbour ro')).toEqual({ words: ['harbour', 'ro'], phrases: [['harbour', 'ro']], prefix: null });
    expect(parsed('"otters"')).toEqual({ words: ['otters'], phrases: [], prefix: null });
  });

  it('is bounded whatever comes in: refused past the length, words past the limit not read, nothing from punctuation or a lone *', () => {
    expect(parseQuery('x'.repeat(20_000))).toEqual({ ok: false, detail: `The query is 20000 characters long; at most ${QUERY_LIMITS.characters} are read.` });
    const many = Array.from({ length: 40 }, (_, at) => `w${at}`).join(' ');
    expect(parsed(many).words).toHaveLength(QUERY_LIMITS.words);
    expect(parsed('?!… — ***')).toEqual({ words: [], phrases: [], prefix: null });
    expect(parsed('*')).toEqual({ words: [], phrases: [], prefix: null });
    expect(parsed('"a" "b c" "d e" "f g" "h i"').phrases).toHaveLength(QUERY_LIMITS.phrases);
  });
});
