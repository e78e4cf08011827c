import { languageOf } from '../../../src/search/analyze';
import { lengthByte, PREFIX_TERMS, weightedFrequency } from '../../../src/search/rank';
import { LEAD_CHUNK, LENGTH_CHUNK, PREFIX_KEY, searchKeys, termKey, type LeadChunk, type LengthChunk, type Postings, type PrefixTerms, type SearchStats } from '../../../src/search/records';
import { articleLength } from './records';
import { readTerms } from './terms';

/**
 * The search records after some articles' words changed in place (delta.ts: the same slugs, dates,
 * tags, section and authors, so the same article numbers and filters): the stats' total length,
 * each one's own length and opening, the postings of each term whose frequency in it changed (gained, lost, or
 * other), and the prefix groups of the terms whose article count changed. The bytes a build from
 * nothing makes, or why not: a shorter prefix's best terms could change in a way its record cannot tell.
 */

/** The records a patch reads and changes (delta.ts IndexPatch). */
export interface RecordAccess {
  get(key: string): unknown;
  /** Sets a record, adding it when it is new. */
  put(key: string, value: unknown): void;
  remove(key: string): void;
}

/** A changed article: its number (from the oldest), its language, its terms before and after (search/terms.ts), and its opening now. */
export interface WordsChange {
  doc: number;
  lang: string;
  before: string;
  after: string;
  lead: string;
}

export function patchSearch(changes: readonly WordsChange[], records: RecordAccess): { ok: true } | { ok: false; why: string } {
  const stats = records.get(searchKeys.stats) as SearchStats | undefined;
  if (stats === undefined) return { ok: false, why: 'no search index to patch' };
  let length = stats.length;
  // Each term's changed articles: doc → its frequency now (0: no longer there).
  const touched = new Map<string, Map<number, number>>();
  for (const { doc, lang, before, after, lead } of changes) {
    const leads = records.get(searchKeys.leads(Math.floor(doc / LEAD_CHUNK))) as LeadChunk | undefined;
    if (leads === undefined) return { ok: false, why: 'an article has no opening record' };
    if (leads[doc % LEAD_CHUNK] !== lead) records.put(searchKeys.leads(Math.floor(doc / LEAD_CHUNK)), leads.map((kept, at) => (at === doc % LEAD_CHUNK ? lead : kept)));
    const [old, now] = [articleLength(before), articleLength(after)];
    length += now - old;
    const lengths = records.get(searchKeys.lengths(Math.floor(doc / LENGTH_CHUNK))) as LengthChunk | undefined;
    if (lengths === undefined) return { ok: false, why: 'an article has no length record' };
    if (lengths[doc % LENGTH_CHUNK] !== lengthByte(now)) records.put(searchKeys.lengths(Math.floor(doc / LENGTH_CHUNK)), lengths.map((byte, at) => (at === doc % LENGTH_CHUNK ? lengthByte(now) : byte)));
    const language = languageOf(lang);
    const frequencies = (text: string) => {
      const found = new Map<string, number>();
      readTerms(text, (term, counts) => found.set(termKey(language, term), weightedFrequency(counts)));
      return found;
    };
    const [was, is] = [frequencies(before), frequencies(after)];
    for (const key of new Set([...was.keys(), ...is.keys()])) {
      if (was.get(key) === is.get(key)) continue;
      let docs = touched.get(key);
      if (docs === undefined) touched.set(key, (docs = new Map()));
      docs.set(doc, is.get(key) ?? 0);
    }
  }
  if (length !== stats.length) records.put(searchKeys.stats, { ...stats, length } satisfies SearchStats);
  const counted = new Map<string, number>();
  for (const [key, docs] of touched) {
    const record = searchKeys.postings(key);
    const postings = (records.get(record) as Postings | undefined) ?? [];
    const entries = new Map<number, number>();
    let doc = 0;
    for (let at = 0; at < postings.length; at += 2) entries.set((doc += postings[at]!), postings[at + 1]!);
    const df = entries.size;
    for (const [changed, frequency] of docs) {
      if (frequency === 0) entries.delete(changed);
      else entries.set(changed, frequency);
    }
    const next: number[] = [];
    let previous = 0;
    for (const changed of [...entries.keys()].sort((a, b) => a - b)) {
      next.push(changed - previous, entries.get(changed)!);
      previous = changed;
    }
    if (next.length === 0) records.remove(record);
    else records.put(record, next);
    if (entries.size !== df) counted.set(key, entries.size);
  }
  for (const [key, df] of counted) {
    const term = key.slice(key.indexOf(':') + 1);
    for (let size = 2; size <= Math.min(PREFIX_KEY, term.length); size++) {
      const prefix = searchKeys.prefix(term.slice(0, size));
      const patched = prefixGroup(records.get(prefix) as PrefixTerms | undefined, key, df, size < PREFIX_KEY);
      if (patched === null) return { ok: false, why: `the best terms of the prefix "${term.slice(0, size)}" could change` };
      if (patched.length === 0) records.remove(prefix);
      else records.put(prefix, patched);
    }
  }
  return { ok: true };
}

const order = ([a, dfA]: [string, number], [b, dfB]: [string, number]) => dfB - dfA || (a < b ? -1 : 1);

/** A prefix group with `key`'s article count now `df` (0: gone); a group of the best only (`best`) cannot tell which term takes a place it gives up (null). */
function prefixGroup(group: PrefixTerms | undefined, key: string, df: number, best: boolean): PrefixTerms | null {
  const entries = (group ?? []).filter(([name]) => name !== key);
  const was = (group ?? []).find(([name]) => name === key);
  if (df > 0) entries.push([key, df]);
  entries.sort(order);
  if (!best) return entries;
  // A term of the best that falls to the last place (or goes) may be passed by one the group never held.
  if ((group?.length ?? 0) >= PREFIX_TERMS && was !== undefined && (df === 0 || (df < was[1] && entries.at(-1)?.[0] === key))) return null;
  return entries.slice(0, PREFIX_TERMS);
}
