import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClient, EdgewireProblem } from '../../src/client';
import { readArticles } from '../../examples/client';
import { seed } from '../fixtures/seed';
import { expectContract } from './contract';
import { findArticle, ORIGIN, originETag, request } from './helpers';

/** What went over the wire: each request's URL and If-None-Match, and the status the Worker answered. */
interface Exchange {
  url: string;
  ifNoneMatch: string | null;
  status: number;
}

/** A client whose fetch is the Worker's default export (checked against the contract), recording each exchange. */
function workerClient() {
  const exchanges: Exchange[] = [];
  const client = createClient({
    baseUrl: ORIGIN,
    async fetch(sent) {
      const response = await exports.default.fetch(sent);
      await expectContract(sent.method, sent.url, response.clone());
      exchanges.push({ url: sent.url, ifNoneMatch: sent.headers.get('If-None-Match'), status: response.status });
      return response;
    },
  });
  return { client, exchanges };
}

describe('createClient against the Worker', () => {
  it('article(slug) gives the data of GET /api/articles/:slug', async () => {
    const { client, exchanges } = workerClient();
    const article = await client.article(seed.slug);
    const served = await (await request(`/api/articles/${seed.slug}`)).json<{ data: unknown }>();
    expect(article).toEqual(served.data);
    expect(article.slug).toBe(seed.slug);
    expect(article.title).toBe(seed.title);
    expect(article.url).toBe(`${ORIGIN}/articles/${seed.slug}`);
    expect(exchanges).toEqual([{ url: `${ORIGIN}/api/articles/${seed.slug}`, ifNoneMatch: null, status: 200 }]);
  });

  it('ninjs(slug) gives the body of GET /api/articles/:slug/ninjs', async () => {
    const { client, exchanges } = workerClient();
    const ninjs = await client.ninjs(seed.slug);
    expect(ninjs).toEqual(await (await request(`/api/articles/${seed.slug}/ninjs`)).json());
    expect(ninjs.slugline).toBe(seed.slug);
    expect(exchanges).toEqual([{ url: `${ORIGIN}/api/articles/${seed.slug}/ninjs`, ifNoneMatch: null, status: 200 }]);
  });

  it('articles({ page, limit, tag }) gives the list body with its meta', async () => {
    const { client, exchanges } = workerClient();
    const list = await client.articles({ page: 1, limit: 1, tag: 'sahel' });
    const served = await (await request('/api/articles?page=1&limit=1&tag=sahel')).json();
    expect(list).toEqual(served);
    expect(list.meta).toEqual({ page: 1, limit: 1, pages: 1, total: 1 });
    expect(list.data.map(({ slug }) => slug)).toEqual([seed.slug]);
    expect(exchanges).toEqual([{ url: `${ORIGIN}/api/articles?page=1&limit=1&tag=sahel`, ifNoneMatch: null, status: 200 }]);
  });

  it('search({ q, … }) gives the body of GET /api/search', async () => {
    const { client, exchanges } = workerClient();
    const found = await client.search({ q: 'niger', limit: 1 });
    expect(found).toEqual(await (await request('/api/search?q=niger&limit=1')).json());
    expect(found.meta).toEqual({ q: 'niger', page: 1, limit: 1, pages: 1, total: 1 });
    expect(found.data.map(({ slug }) => slug)).toEqual([seed.slug]);
    expect(found.data[0]!.snippet).toContain('<mark>Niger</mark>');
    expect(exchanges).toEqual([{ url: `${ORIGIN}/api/search?q=niger&limit=1`, ifNoneMatch: null, status: 200 }]);
  });

  it('revalidates: the second call sends If-None-Match, gets a 304 and returns the cached article', async () => {
    const { client, exchanges } = workerClient();
    const first = await client.article(seed.slug);
    const second = await client.article(seed.slug);
    expect(second).toEqual(first);
    const url = `${ORIGIN}/api/articles/${seed.slug}`;
    const etag = await originETag(findArticle(seed.slug)!.json.hash);
    expect(exchanges).toEqual([
      { url, ifNoneMatch: null, status: 200 },
      { url, ifNoneMatch: etag, status: 304 },
    ]);
  });

  it('throws an unknown slug\'s 404 problem document as an EdgewireProblem', async () => {
    const { client } = workerClient();
    const error = await client.article('no-such-article').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EdgewireProblem);
    const problem = error as EdgewireProblem;
    const document = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'There is no article with this slug.', instance: '/api/articles/no-such-article' };
    expect(problem.document).toEqual(document);
    expect({ type: problem.type, title: problem.title, status: problem.status, detail: problem.detail, instance: problem.instance }).toEqual(document);
    expect(problem.name).toBe('EdgewireProblem');
    expect(problem.message).toBe('404 Not Found: There is no article with this slug.');
  });

  it('throws a bad list query\'s 400 with `errors` naming each parameter', async () => {
    const { client } = workerClient();
    const error = await client.articles({ page: 0, limit: 101 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EdgewireProblem);
    const problem = error as EdgewireProblem;
    expect(problem.is(400) && problem.document.errors).toEqual([
      { parameter: 'page', detail: 'must be a whole number from 1' },
      { parameter: 'limit', detail: 'must be a whole number from 1 to 100' },
    ]);
  });
});

describe('the README client example (examples/client.ts)', () => {
  it('reads the seed, the sahel headlines, revalidates with a 304 and meets the 404 problem', async () => {
    const recorded: Exchange[] = [];
    const result = await readArticles(ORIGIN, async (sent) => {
      const response = await exports.default.fetch(sent);
      recorded.push({ url: sent.url, ifNoneMatch: sent.headers.get('If-None-Match'), status: response.status });
      return response;
    });
    expect(result).toEqual({ title: seed.title, headlines: [seed.title], total: 1, missing: '404 There is no article with this slug.' });
    expect(recorded.map(({ status, ifNoneMatch }) => [status, ifNoneMatch === null])).toEqual([[200, true], [200, true], [304, false], [404, true]]);
  });
});
