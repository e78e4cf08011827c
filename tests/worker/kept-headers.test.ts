import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../src/app';
import { httpDate } from '../../src/http/date';
import { keptHeaders } from '../../src/http/header-sets';
import { keepBounded } from '../../src/store/keep';
import { seed } from '../fixtures/seed';
import { ORIGIN, request } from './helpers';

const ARTICLE = `/api/articles/${seed.slug}`;
const PAGE = `/articles/${seed.slug}`;

afterEach(() => vi.useRealTimers());

describe('httpDate', () => {
  it('is the IMF-fixdate of the second, one object for every call within it', () => {
    const first = httpDate(Date.UTC(2026, 10, 30, 10, 0, 0, 1));
    expect(first).toEqual({ second: 1_796_032_800, text: 'Mon, 30 Nov 2026 10:00:00 GMT' });
    expect(httpDate(Date.UTC(2026, 10, 30, 10, 0, 0, 999))).toBe(first);
    expect(httpDate(Date.UTC(2026, 10, 30, 10, 0, 1))).toEqual({ second: 1_796_032_801, text: 'Mon, 30 Nov 2026 10:00:01 GMT' });
  });
});

describe('keptHeaders', () => {
  it('makes a set once per key and gives it the new Date once a second', () => {
    let made = 0;
    const make = () => {
      made += 1;
      return new Headers({ Date: httpDate(Date.UTC(2026, 10, 30, 9)).text, ETag: '"e"' });
    };
    const first = keptHeaders('kept-headers test', httpDate(Date.UTC(2026, 10, 30, 9)), make);
    expect(keptHeaders('kept-headers test', httpDate(Date.UTC(2026, 10, 30, 9, 0, 0, 500)), make)).toBe(first);
    const later = keptHeaders('kept-headers test', httpDate(Date.UTC(2026, 10, 30, 9, 0, 2)), make);
    expect(later).toBe(first);
    expect(made).toBe(1);
    expect([...later]).toEqual([
      ['date', 'Mon, 30 Nov 2026 09:00:02 GMT'],
      ['etag', '"e"'],
    ]);
  });
});

describe('keepBounded', () => {
  it('keeps at most the limit, dropping the first kept; setting a kept key again drops nothing', () => {
    const map = new Map<string, number>();
    for (const [key, value] of [['a', 1], ['b', 2], ['c', 3]] as const) keepBounded(map, 3, key, value);
    expect(keepBounded(map, 3, 'b', 20)).toBe(20);
    expect([...map]).toEqual([['a', 1], ['b', 20], ['c', 3]]);
    keepBounded(map, 3, 'd', 4);
    expect([...map]).toEqual([['b', 20], ['c', 3], ['d', 4]]);
  });
});

describe('responses made from kept header sets', () => {
  it('each have their own headers: changing one response changes no other', async () => {
    // The app's own Response objects (a response fetched through the runtime has immutable headers).
    // The clock stands still, so both answers fall in the same second and carry the same Date.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 10, 30, 10, 0, 0, 500));
    const answer = (path: string) => Promise.resolve(app.fetch(new Request(`${ORIGIN}${path}`), env));
    for (const path of [ARTICLE, PAGE]) {
      const first = await answer(path);
      const before = [...first.headers];
      first.headers.set('X-Changed', 'yes');
      first.headers.delete('ETag');
      const second = await answer(path);
      expect([...second.headers]).toEqual(before);
      expect(second.headers.get('ETag')).not.toBeNull();
    }
  });

  it('carry the Date of the second they are sent in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 10, 30, 11, 59, 59, 900));
    expect((await request(ARTICLE)).headers.get('Date')).toBe('Mon, 30 Nov 2026 11:59:59 GMT');
    vi.setSystemTime(Date.UTC(2026, 10, 30, 12, 0, 0, 100));
    expect((await request(ARTICLE)).headers.get('Date')).toBe('Mon, 30 Nov 2026 12:00:00 GMT');
    const notModified = await request(ARTICLE, { headers: { 'If-None-Match': (await request(ARTICLE)).headers.get('ETag')! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('Date')).toBe('Mon, 30 Nov 2026 12:00:00 GMT');
  });
});
