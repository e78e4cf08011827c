import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/build/index';
import { patchSearch } from '../../scripts/build/search/patch';
import { searchRecords } from '../../scripts/build/search/records';
import { articleTerms, leadOf as openingOf } from '../../scripts/build/search/terms';
import type { Article, ArticleSummary } from '../../src/content/article';
import { searchKeys, type DocChunk, type PrefixTerms, type SearchStats } from '../../src/search/records';
import { snippet, snippetHtml } from '../../src/search/snippet';
import { ORIGIN } from '../../src/store/bundle';

/**
 * The search's records as the build writes them (scripts/build/search/), over the judged
 * collection (tests/fixtures/search), and the patch an edit makes of them: the same records as
 * writing them again.
 */

const built = await buildContent({ root: join(import.meta.dirname, '../fixtures/search') });
if (!built.ok) throw new Error('the search fixture does not build');
const summaries: ArticleSummary[] = built.articles.map(({ summary }) => summary);
const termsOf = new Map(summaries.map(({ slug }) => [slug, built.search.terms(slug)]));
const leadOf = (slug: string) => built.search.lead(slug);

function recordsOf(terms: (slug: string) => string, lead: (slug: string) => string = leadOf): Map<string, unknown> {
  const records = new Map<string, unknown>();
  searchRecords(summaries, { terms, lead }, (key, value) => records.set(key, structuredClone(value)));
  return records;
}

/** A postings list's article numbers, from its differences. */
function docsOf(list: readonly number[], step: number): number[] {
  const docs: number[] = [];
  let doc = 0;
  for (let at = 0; at < list.length; at += step) docs.push((doc += list[at]!));
  return docs;
}

describe('the search records', () => {
  const records = recordsOf((slug) => termsOf.get(slug)!);

  it('number the articles from the oldest, with their dates, and count their words', () => {
    const stats = records.get(searchKeys.stats) as SearchStats;
    expect([stats.count, stats.languages, stats.firsts.length]).toEqual([60, ['en', 'fr'], 1]);
    const { slugs, dates } = records.get(searchKeys.docs(0)) as DocChunk;
    expect(slugs).toEqual(summaries.map(({ slug }) => slug).reverse());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect((records.get(searchKeys.lengths(0)) as number[]).length).toBe(60);
  });

  it('list each term\'s articles rising, with a weighted frequency each, and each filter\'s articles', () => {
    for (const [key, value] of records) {
      if (!key.startsWith('s:')) continue;
      const list = value as number[];
      const step = key.startsWith('s:#') ? 1 : 2;
      const docs = docsOf(list, step);
      expect(docs.every((doc, at) => doc < 60 && (at === 0 || doc > docs[at - 1]!)), key).toBe(true);
      if (step === 2) expect(list.filter((_, at) => at % 2 === 1).every((frequency) => Number.isInteger(frequency) && frequency > 0), key).toBe(true);
    }
    const council = docsOf(records.get(searchKeys.filter('tag', 'council')) as number[], 1);
    const oldestFirst = summaries.toReversed();
    expect(council.map((doc) => oldestFirst[doc]!.tags.includes('council'))).toEqual(council.map(() => true));
    expect(council.length).toBe(summaries.filter(({ tags }) => tags.includes('council')).length);
  });

  it('group the terms by the prefixes that begin them, most used first; a two-letter prefix keeps its best eight', () => {
    const group = records.get(searchKeys.prefix('flo')) as PrefixTerms;
    expect(group.map(([key]) => key)).toContain('en:flood');
    expect(group.map(([, df]) => df)).toEqual(group.map(([, df]) => df).sort((a, b) => b - a));
    expect((records.get(searchKeys.prefix('fl')) as PrefixTerms).length).toBeLessThanOrEqual(8);
  });
});

describe('patching the search records', () => {
  it("gives the records that writing them again gives, when an article's text grows: more of some words, one new to the archive", () => {
    const before = recordsOf((slug) => termsOf.get(slug)!);
    const slug = 'tram-fares-to-rise-in-january';
    const doc = summaries.length - 1 - summaries.findIndex((summary) => summary.slug === slug);
    const old = termsOf.get(slug)!;
    // The same article with a sentence first: more of some words, a word new to the archive.
    const line = built.articles.find(({ summary }) => summary.slug === slug)!;
    const { data } = JSON.parse(built.files.find(({ path }) => path === line.file)!.text.slice(...line.json).split(ORIGIN).join('')) as { data: Article };
    const text = `The quokka said tram fares rise again.\n\n${data.text}`;
    const after = articleTerms({ ...data, text });
    expect(after).not.toBe(old);
    const patched = new Map(before);
    const access = { get: (key: string) => patched.get(key), put: (key: string, value: unknown) => void patched.set(key, value), remove: (key: string) => void patched.delete(key) };
    // Its opening changed too: the sentence comes first.
    const lead = openingOf(text);
    expect(lead).not.toBe(leadOf(slug));
    expect(patchSearch([{ doc, lang: 'en', before: old, after, lead }], access)).toEqual({ ok: true });
    const again = recordsOf((other) => (other === slug ? after : termsOf.get(other)!), (other) => (other === slug ? lead : leadOf(other)));
    expect(Object.fromEntries([...patched].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(Object.fromEntries([...again].sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(again.has(searchKeys.postings('en:quokka'))).toBe(true);
  });

  it('refuses when a two-letter prefix could take in a term its record never held', () => {
    const records = new Map<string, unknown>([[searchKeys.stats, { count: 3, length: 3, languages: ['en'], firsts: [0] } satisfies SearchStats], [searchKeys.lengths(0), [10, 10, 10]]]);
    const best: PrefixTerms = Array.from({ length: 8 }, (_, at) => [`en:ab${'c'.repeat(at + 1)}`, at === 7 ? 1 : 2]);
    records.set(searchKeys.prefix('ab'), best);
    records.set(searchKeys.postings('en:abcccccccc'), [0, 2]);
    records.set(searchKeys.prefix('abc'), best);
    const access = { get: (key: string) => records.get(key), put: (key: string, value: unknown) => void records.set(key, value), remove: (key: string) => void records.delete(key) };
    // The last of the best loses its only article: a ninth term, unknown here, may now be among the best.
    records.set(searchKeys.leads(0), ['', '', '']);
    expect(patchSearch([{ doc: 0, lang: 'en', before: '1 0 0 0 0|abcccccccc t1', after: '1 0 0 0 0', lead: '' }], access)).toEqual({ ok: false, why: 'the best terms of the prefix "ab" could change' });
  });
});

describe('snippets', () => {
  const matched = { terms: { en: ['flood'] }, prefix: null, phrases: [] };

  it('show the passage where the words are thickest, marked, with an ellipsis where the text goes on', () => {
    const text = `${'Quiet words fill the start of this story. '.repeat(8)}The flood reached Kestford, and the floods came back the next day. ${'More calm follows here. '.repeat(8)}`;
    const parts = snippet(text, 'en', matched);
    expect(snippetHtml(parts)).toBe('… of this story. The <mark>flood</mark> reached Kestford, and the <mark>floods</mark> came back the next day. More calm follows here. More calm follows here. More calm follows here. More calm follows …');
  });

  it('escape the text as HTML, and start at the beginning when no word matches', () => {
    expect(snippetHtml(snippet('Tom & Jerry <b>flood</b> "quotes"', 'en', matched))).toBe('Tom &amp; Jerry &lt;b&gt;<mark>flood</mark>&lt;/b&gt; &quot;quotes&quot;');
    expect(snippetHtml(snippet('No match in this text at all.', 'en', matched))).toBe('No match in this text at all.');
    expect(snippet('', 'en', matched)).toEqual([]);
  });
});
