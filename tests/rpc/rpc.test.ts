import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';

/** wrangler.toml's SITE_URL: the origin of every absolute URL, over HTTP and over RPC. */
const ORIGIN = 'http://localhost:8787';

/** edgewire's HTTP answer for `path`, from the same Worker the RPC calls reach. */
async function http(path: string, binding: Fetcher = env.EDGEWIRE): Promise<{ status: number; text: string }> {
  const response = await binding.fetch(`${ORIGIN}${path}`);
  return { status: response.status, text: await response.text() };
}

/** The error a call rejects with (RPC rebuilds it in this Worker: its class and message). */
async function rejection(call: Promise<unknown>): Promise<Error> {
  const error: unknown = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error(`expected a rejection with an Error, got ${String(error)}`);
  return error;
}

describe('article(slug) over the ARTICLES service binding', () => {
  it('is `data` of GET /api/articles/:slug, with the same members in the same order', async () => {
    const api = await http(`/api/articles/${seed.slug}`);
    expect(api.status).toBe(200);
    const article = await env.ARTICLES.article(seed.slug);
    expect(article).toEqual(JSON.parse(api.text).data);
    expect(JSON.stringify({ data: article })).toBe(api.text);
    expect(article?.url).toBe(`${ORIGIN}/articles/${seed.slug}`);
    expect(article?.title).toBe(seed.title);
  });

  it('is null for a slug that names nothing, where the API answers 404', async () => {
    expect((await http('/api/articles/no-such-article')).status).toBe(404);
    expect(await env.ARTICLES.article('no-such-article')).toBeNull();
  });

  it('follows the API\'s redirect: a slug in another letter case reads the article', async () => {
    const response = await env.EDGEWIRE.fetch(`${ORIGIN}/api/articles/${seed.slug.toUpperCase()}`, { redirect: 'manual' });
    expect([response.status, response.headers.get('Location')]).toEqual([301, `/api/articles/${seed.slug}`]);
    expect((await env.ARTICLES.article(seed.slug.toUpperCase()))?.slug).toBe(seed.slug);
  });
});

describe('ninjs(slug) over the ARTICLES service binding', () => {
  it('is the body of GET /api/articles/:slug/ninjs, byte for byte once serialized', async () => {
    const api = await http(`/api/articles/${seed.slug}/ninjs`);
    expect(api.status).toBe(200);
    const ninjs = await env.ARTICLES.ninjs(seed.slug);
    expect(JSON.stringify(ninjs)).toBe(api.text);
    expect(ninjs?.uri).toBe(`${ORIGIN}/articles/${seed.slug}`);
  });

  it('is null for a slug that names nothing, and follows a redirect as article() does', async () => {
    expect(await env.ARTICLES.ninjs('no-such-article')).toBeNull();
    expect((await env.ARTICLES.ninjs(seed.slug.toUpperCase()))?.slugline).toBe(seed.slug);
  });
});

describe('articles(options) over the ARTICLES service binding', () => {
  it.each([
    [{}, ''],
    [{ limit: 1 }, '?limit=1'],
    [{ page: 1, limit: 100, tag: 'sahel' }, '?page=1&limit=100&tag=sahel'],
    [{ tag: null }, ''],
    [{ tag: 'sport' }, '?tag=sport'],
  ])('%j is the body of GET /api/articles%s', async (options, search) => {
    const api = await http(`/api/articles${search}`);
    expect(api.status).toBe(200);
    const list = await env.ARTICLES.articles(options);
    expect(list).toEqual(JSON.parse(api.text));
    expect(JSON.stringify(list)).toBe(api.text);
  });

  it('lists the seed article with the meta of the one page there is', async () => {
    const list = await env.ARTICLES.articles({ tag: 'niger' });
    expect(list.data.map((article) => article.slug)).toEqual([seed.slug]);
    expect(list.meta).toEqual({ page: 1, limit: 20, pages: 1, total: 1 });
  });

  it('refuses the options the API refuses with a TypeError naming each, as its 400 does', async () => {
    const api = await http('/api/articles?page=0&limit=101&tag=Sahel');
    expect(api.status).toBe(400);
    const { errors } = JSON.parse(api.text) as { errors: { parameter: string; detail: string }[] };
    const error = await rejection(env.ARTICLES.articles({ page: 0, limit: 101, tag: 'Sahel' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(`The list query is not valid: ${errors.map(({ parameter, detail }) => `${parameter} ${detail}`).join('; ')}.`);
    expect(error.message).toBe(
      'The list query is not valid: page must be a whole number from 1; limit must be a whole number from 1 to 100; tag must be a tag: lowercase a-z, 0-9 and single hyphens.',
    );
  });

  it('refuses values of the wrong type, and an argument that is not an object', async () => {
    // @ts-expect-error: page is a number; a JavaScript caller may send anything.
    const wrongTypes = await rejection(env.ARTICLES.articles({ page: '2', limit: 1.5, tag: 7 }));
    expect(wrongTypes).toBeInstanceOf(TypeError);
    expect(wrongTypes.message).toBe('The list query is not valid: page must be a number; tag must be a string; limit must be a whole number from 1 to 100.');
    // @ts-expect-error: the options are an object.
    const notAnObject = await rejection(env.ARTICLES.articles('page=2'));
    expect(notAnObject.message).toBe('The list query is not valid: options must be an object { page, limit, tag }.');
  });

  it('refuses a page past the last with a RangeError carrying the 404 detail', async () => {
    const api = await http('/api/articles?page=2');
    expect(api.status).toBe(404);
    const error = await rejection(env.ARTICLES.articles({ page: 2 }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(JSON.parse(api.text).detail);
    expect(error.message).toBe('Page 2 does not exist: there is 1 page.');
  });
});

describe('representation(slug, format) over the ARTICLES service binding', () => {
  it.each([
    ['html', `/articles/${seed.slug}.html`],
    ['markdown', `/articles/${seed.slug}.md`],
    ['json', `/api/articles/${seed.slug}`],
  ] as const)('%s is the exact body of GET %s', async (format, path) => {
    const api = await http(path);
    expect(api.status).toBe(200);
    const body = await env.ARTICLES.representation(seed.slug, format);
    expect(body).toBe(api.text);
    expect(body).toContain(`${ORIGIN}/articles/${seed.slug}`);
  });

  it('is null for an unknown slug', async () => {
    expect(await env.ARTICLES.representation('no-such-article', 'html')).toBeNull();
  });

  it('refuses a format it does not have, and a slug that is not a string, with a TypeError', async () => {
    // @ts-expect-error: the formats are html, markdown and json.
    const format = await rejection(env.ARTICLES.representation(seed.slug, 'xml'));
    expect(format).toBeInstanceOf(TypeError);
    expect(format.message).toBe('format must be one of html, markdown, json; it is "xml".');
    // @ts-expect-error: a slug is a string.
    const slug = await rejection(env.ARTICLES.article(42));
    expect(slug).toBeInstanceOf(TypeError);
    expect(slug.message).toBe('slug must be a string; it is number.');
  });
});

describe('a deployment with a bad SITE_URL', () => {
  it('rejects every call with the message of its 503', async () => {
    const api = await http('/api/articles', env.MISCONFIGURED_HTTP);
    expect(api.status).toBe(503);
    const detail = 'The server is misconfigured: SITE_URL must be an absolute http: or https: origin, such as https://news.example.com; it is "news.example.com".';
    expect(JSON.parse(api.text).detail).toBe(detail);
    for (const call of [env.MISCONFIGURED.article(seed.slug), env.MISCONFIGURED.articles(), env.MISCONFIGURED.representation(seed.slug, 'html'), env.MISCONFIGURED.ninjs(seed.slug)]) {
      expect((await rejection(call)).message).toBe(detail);
    }
  });

  it('logs the bad setting once for its operators, not once per call', async () => {
    await rejection(env.MISCONFIGURED.articles());
    const message = 'SITE_URL must be an absolute http: or https: origin, such as https://news.example.com; it is "news.example.com"';
    const line = JSON.stringify({ level: 'error', event: 'config', setting: 'SITE_URL', message });
    expect(await env.MISCONFIGURED_CONSOLE.take()).toEqual([{ level: 'error', text: line }]);
    await rejection(env.MISCONFIGURED.articles());
    expect(await env.MISCONFIGURED_CONSOLE.take()).toEqual([]);
  });
});

describe('the consumer Worker (consumer.ts)', () => {
  it('serves an article it read over the binding', async () => {
    const response = await exports.default.fetch(`https://consumer.example/${seed.slug}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse((await http(`/api/articles/${seed.slug}`)).text).data);
  });

  it('lists the headlines of a tag, and answers 404 for an unknown slug', async () => {
    const list = await exports.default.fetch('https://consumer.example/?tag=sahel');
    expect(await list.json()).toEqual({ headlines: [seed.title], total: 1 });
    const missing = await exports.default.fetch('https://consumer.example/no-such-article');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('No such article');
  });
});
