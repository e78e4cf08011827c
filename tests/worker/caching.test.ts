import CachePolicy from 'http-cache-semantics';
import { describe, expect, it } from 'vitest';
import { problem } from '../../src/http/problem';
import { seed } from '../fixtures/seed';
import { SharedCacheModel } from './shared-cache';

const PAGE = `/articles/${seed.slug}`;
const API = `/api/articles/${seed.slug}`;
const DAY = 86_400;

describe('a shared cache in front of the Worker (RFC 9111 model)', () => {
  it('stores article responses for a day and serves repeats without the Worker', async () => {
    const cache = new SharedCacheModel();
    expect((await cache.fetch(API)).source).toBe('worker');
    const entry = cache.stored.get(API)![0]!;
    expect(entry.policy.maxAge()).toBe(DAY);
    cache.advance(DAY - 1);
    const repeat = await cache.fetch(API);
    expect(repeat.source).toBe('cache');
    expect(cache.workerHits).toBe(1);
  });

  it('revalidates after the lifetime with a 304 and refreshes the stored headers', async () => {
    const cache = new SharedCacheModel();
    const first = await cache.fetch(API);
    cache.advance(DAY + 1);
    const after = await cache.fetch(API);
    expect(after.source).toBe('revalidated');
    expect(after.body).toBe(first.body);
    expect(cache.workerHits).toBe(2);
    expect(cache.stored.get(API)![0]!.policy.maxAge()).toBe(DAY);
    expect((await cache.fetch(API)).source).toBe('cache');
  });

  it('keeps HTML and JSON of the canonical URL apart under Vary: Accept', async () => {
    const cache = new SharedCacheModel();
    const html = await cache.fetch(PAGE, { Accept: 'text/html' });
    const json = await cache.fetch(PAGE, { Accept: 'application/json' });
    expect(json.source).toBe('worker');
    expect(json.headers['content-type']).toBe('application/json');
    expect((await cache.fetch(PAGE, { Accept: 'text/html' })).body).toBe(html.body);
    expect((await cache.fetch(PAGE, { Accept: 'application/json' })).body).toBe(json.body);
    expect(cache.workerHits).toBe(2);
  });

  it('stores lists for an hour and a 404 for five minutes', async () => {
    const cache = new SharedCacheModel();
    await cache.fetch('/api/articles');
    await cache.fetch('/no/such/page');
    expect(cache.stored.get('/api/articles')![0]!.policy.maxAge()).toBe(3600);
    expect(cache.stored.get('/no/such/page')![0]!.policy.maxAge()).toBe(300);
  });

  it.each([
    ['/api/articles?page=0', 400],
    ['/api/articles?limit=1000', 400],
  ])('never stores %s (%i)', async (path, status) => {
    const cache = new SharedCacheModel();
    expect((await cache.fetch(path)).status).toBe(status);
    expect(cache.stored.has(path)).toBe(false);
  });

  it('never stores a 5xx the Worker would send', () => {
    const response = problem(500, 'The server could not answer this request.', '/api/articles');
    const policy = new CachePolicy({ url: '/api/articles', method: 'GET', headers: {} }, { status: 500, headers: Object.fromEntries(response.headers) }, { shared: true });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(policy.storable()).toBe(false);
  });
});
