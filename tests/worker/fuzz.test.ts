/**
 * Property-based fuzzing of the whole Worker: thousands of generated requests (paths, methods,
 * negotiation and conditional headers, query strings) sent to the real default export in workerd.
 * Whatever the input, the answer is never a 5xx, always carries the common headers and a
 * Cache-Control from the policy table, every 4xx is a problem document or the HTML 404 page, and
 * every answer is one the OpenAPI document describes (contract.ts).
 * The seed is fixed, so a failure names a counterexample that reproduces on every run.
 */
import { exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { expectContract } from './contract';
import { index, ORIGIN } from './helpers';

const SEED = 20261128;
const RUNS = 5000;

/** One generated request, printed as fast-check's counterexample when a property fails. */
interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const ARTICLE_CACHE = 'public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800';
const LIST_CACHE = 'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800';
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** The README's caching table, by status: which Cache-Control values each status may carry. */
const CACHE_CONTROL_BY_STATUS: Readonly<Record<number, readonly string[]>> = {
  200: [ARTICLE_CACHE, LIST_CACHE, ASSET_CACHE],
  204: ['public, max-age=86400'],
  301: ['public, max-age=3600, s-maxage=86400'],
  304: [ARTICLE_CACHE, LIST_CACHE, ASSET_CACHE],
  400: ['no-store'],
  404: ['public, max-age=60, s-maxage=300'],
  405: ['no-store'],
  406: ['no-store'],
  412: ['no-store'],
  // oEmbed's one 5xx (oembed.com §2.3.5): a format the provider does not make.
  501: ['no-store'],
};

const TITLES: Readonly<Record<number, string>> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 501: 'Not Implemented' };
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;
const HTML = 'text/html; charset=utf-8';

// ---- requests --------------------------------------------------------------------------------

const mixedCase = [...seed.slug].map((char, i) => (i % 2 === 0 ? char.toUpperCase() : char)).join('');
const slug = fc.oneof(
  { weight: 6, arbitrary: fc.constant(seed.slug) },
  { weight: 2, arbitrary: fc.constantFrom(seed.slug.toUpperCase(), mixedCase) },
  { weight: 2, arbitrary: fc.constantFrom('no-such-article', `${seed.slug}-`, `${seed.slug}%2F`, `${seed.slug}%00`, '', '-') },
);
const assetName = index.assets[0]!.name;

/** One path segment: names the Worker knows, encodings, dot segments, very long and non-ASCII text. */
const segment = fc.oneof(
  slug,
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent),
  fc.constantFrom('.', '..', '%2e%2e', '%2E', '%2F', '%00', '%ZZ', '%', '%C3%A9', '%FF', '%E2%80%AE', ';a=b', 'articles', 'api', 'assets', assetName),
  fc.integer({ min: 256, max: 16_384 }).map((length) => 'a'.repeat(length)),
);

/** Mostly the canonical URL, then the explicit and trailing-slash spellings, then near misses. */
const articleSuffix = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('.html', '.md', '/', '/embed') },
  { weight: 1, arbitrary: fc.constantFrom('.json', '.HTML', '.md/', '//', '.html.md') },
);

/** Known routes, near misses, and made-up paths (with `//`, dot segments and long segments). */
const anyPath = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('/', '', '/api', '/api/', '/api/articles', '/api/articles/', '/API/articles', '/articles', '/articles/', '/assets/', '//', '/index.html', '/api/oembed') },
  { weight: 4, arbitrary: fc.tuple(slug, articleSuffix).map(([name, suffix]) => `/articles/${name}${suffix}`) },
  { weight: 2, arbitrary: fc.tuple(slug, fc.constantFrom('', '/', '.json', '//x')).map(([name, suffix]) => `/api/articles/${name}${suffix}`) },
  { weight: 1, arbitrary: fc.constantFrom(assetName, assetName.toUpperCase(), 'site.css', `${assetName}/`, '..%2Fb').map((name) => `/assets/${name}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('', '/articles', '/api', '/api/articles', '/assets', '/x/..', '/.'), fc.array(segment, { maxLength: 4 }), fc.constantFrom('/', '//'))
      .map(([prefix, segments, separator]) => `${prefix}/${segments.join(separator)}`),
  },
);

const queryValue = fc.oneof(
  fc.constantFrom('1', '2', '0', '-1', '', '9'.repeat(40), '1.5', '1e2', '01', ' 1', '+1', '100', '101', '0x10', 'sahel', 'security', 'Sahel', 'a--b', 'é', '%FF', '%', '😀', 'null'),
  fc.nat({ max: 1_000_000 }).map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const queryName = fc.constantFrom('page', 'limit', 'tag', 'utm_source', 'utm_medium', 'utm_campaign', 'fbclid', 'Page', '', 'url', 'format', 'maxwidth', 'maxheight');
const anyQuery = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?page', '?page=1&page=1', '?utm_source=x#frag', '#page=2') },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.array(fc.tuple(queryName, queryValue), { maxLength: 5 }), fc.boolean()).map(([pairs, encoded]) =>
      encoded ? `?${new URLSearchParams(pairs).toString()}` : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`,
    ),
  },
);

const qValue = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((q) => q.toFixed(3)),
  fc.constantFrom('0', '1', '1.0', '0.5', '1.5', '-1', 'abc', '', '0.', '.5', 'NaN', 'Infinity', '1e-3', '0.0001'),
);
const mediaRange = fc.tuple(
  fc.oneof(
    fc.constantFrom('text/html', 'application/json', 'text/markdown', 'text/*', 'application/*', '*/*', 'image/png', 'TEXT/HTML', 'Application/JSON', 'application/problem+json', '*', 'text', '/', '', 'text/html;level=1'),
    fc.string({ maxLength: 16 }),
  ),
  fc.option(qValue, { nil: undefined }),
  fc.option(fc.constantFrom('charset=utf-8', 'variant=CommonMark', 'q', 'q=', '=', ';;'), { nil: undefined }),
).map(([range, q, parameter]) => [range, q === undefined ? null : `q=${q}`, parameter ?? null].filter((part) => part !== null).join(';'));
const anyAccept = fc.oneof(
  fc.tuple(fc.array(mediaRange, { minLength: 1, maxLength: 5 }), fc.constantFrom(', ', ',', ' , ')).map(([ranges, separator]) => ranges.join(separator)),
  fc.string({ maxLength: 40 }),
);

/** An entity-tag list: real ETags of this build (weak or not), `*`, strangers and malformed ones. */
const etagList = (realETags: readonly string[]) =>
  fc.oneof(
    fc.array(
      fc.oneof(
        fc.constantFrom(...realETags),
        fc.constantFrom(...realETags).map((etag) => `W/${etag}`),
        fc.constantFrom('*', '"x"', 'W/"x"', '""', '"', 'W/', 'abc', '"a,b"'),
        fc.string({ maxLength: 12 }).map((text) => `"${text}"`),
      ),
      { minLength: 1, maxLength: 4 },
    ).map((tags) => tags.join(', ')),
    fc.string({ maxLength: 30 }),
  );

/** HTTP-dates around the article's Last-Modified, other formats, and garbage. */
const httpDate = (lastModified: string) =>
  fc.oneof(
    fc.constant(lastModified),
    fc.integer({ min: -86_400, max: 86_400 }).map((seconds) => new Date(Date.parse(lastModified) + seconds * 1000).toUTCString()),
    fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toUTCString()),
    fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom('Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994', '0', '-1', 'Invalid Date', '', 'Fri, 31 Feb 2026 25:61:61 GMT', '9'.repeat(30)),
    fc.string({ maxLength: 30 }),
  );

/** `arbitrary` in `percent` of the cases, else undefined (the header is not sent). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ withCrossShrink: true }, { weight: 100 - percent, arbitrary: fc.constant(undefined) }, { weight: percent, arbitrary });

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'];
/** Tokens workerd accepts in `new Request` besides those (it refuses methods it does not know). */
const ODD_METHODS = ['get', 'Head', 'options', 'pRoPfInD', 'PURGE', 'TRACE', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'REPORT', 'SEARCH', 'QUERY', 'ACL', 'MERGE', 'NOTIFY', 'MSEARCH'];
const anyMethod = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('GET', 'HEAD') }, { weight: 3, arbitrary: fc.constantFrom(...METHODS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_METHODS) });

/** Every request the fuzzer sends, given this build's real ETags and the seed's Last-Modified. */
function requests(realETags: readonly string[], lastModified: string): fc.Arbitrary<FuzzRequest> {
  const headers = fc
    .record({
      Accept: sometimes(anyAccept, 60),
      'If-None-Match': sometimes(etagList(realETags), 25),
      'If-Match': sometimes(etagList(realETags), 10),
      'If-Modified-Since': sometimes(httpDate(lastModified), 20),
      'If-Unmodified-Since': sometimes(httpDate(lastModified), 10),
      Origin: sometimes(fc.oneof(fc.constantFrom('https://example.org', 'null', ORIGIN, 'https://news.example'), fc.string({ maxLength: 20 })), 30),
      'Access-Control-Request-Method': sometimes(fc.constantFrom(...METHODS, 'FOO', ''), 15),
    })
    .map((fields) => Object.fromEntries(Object.entries(fields).filter((field): field is [string, string] => field[1] !== undefined)));
  const anyOrigin = fc.constantFrom(ORIGIN, 'https://news.example');
  return fc
    .record({ method: anyMethod, origin: anyOrigin, path: anyPath, query: anyQuery, headers, body: fc.option(fc.string({ maxLength: 64 }), { nil: undefined }) })
    .map(({ method, origin, path, query, headers, body }) => {
      const request: FuzzRequest = { method, url: `${origin}${path}${query}`, headers };
      // GET and HEAD cannot carry a body (Fetch standard); every other method may.
      if (body !== undefined && !['GET', 'HEAD'].includes(method.toUpperCase())) request.body = body;
      return request;
    });
}

// ---- the oracle ------------------------------------------------------------------------------

/** What every response must satisfy, whatever was asked. */
async function expectSound(sent: Request, response: Response): Promise<void> {
  const { status, headers } = response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const { pathname, search } = new URL(sent.url);
  if (status !== 501) expect(status).toBeLessThan(500);
  expect(Object.keys(CACHE_CONTROL_BY_STATUS).map(Number)).toContain(status);

  expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  expect(headers.get('Access-Control-Allow-Origin')).toBe('*');
  expect(headers.get('Date')).toMatch(IMF_FIXDATE);
  expect(CACHE_CONTROL_BY_STATUS[status]).toContain(headers.get('Cache-Control'));

  // Methods decide first: OPTIONS is always a preflight answer, anything but GET/HEAD a 405.
  if (sent.method === 'OPTIONS') expect(status).toBe(204);
  else if (sent.method !== 'GET' && sent.method !== 'HEAD') expect(status).toBe(405);
  else expect([204, 405]).not.toContain(status);

  if (sent.method === 'HEAD' || [204, 301, 304, 412].includes(status)) expect(text).toBe('');
  if (status === 200 && sent.method === 'GET') expect(headers.get('Content-Length')).toBe(String(bytes.byteLength));
  if (status === 200 || status === 304) expect(headers.get('ETag')).toMatch(/^"[\w.-]+"$/);
  // A 301 names the canonical spelling of a page's or the API's article URL (the API redirects another letter case too).
  if (status === 301) expect(headers.get('Location')).toMatch(/^(\/articles\/[a-z0-9-]+(\.html|\.md|\/embed)?|\/api\/articles\/[a-z0-9-]+)$/);
  if (status === 501) expect(pathname).toBe('/api/oembed');
  if (status === 412) expect(headers.get('Content-Type')).toBeNull();
  // Conditional outcomes only ever answer conditional requests (RFC 9110 §13.2.2).
  if (status === 304) expect(sent.headers.has('If-None-Match') || sent.headers.has('If-Modified-Since'), '304 to an unconditional GET').toBe(true);
  if (status === 412) expect(sent.headers.has('If-Match') || sent.headers.has('If-Unmodified-Since'), '412 without a precondition').toBe(true);
  if (status >= 400 && status !== 412) {
    // RFC 9457 under /api/ and for every 400/405/406; the HTML page for any other 404.
    const isProblem = status !== 404 || pathname === '/api' || pathname.startsWith('/api/');
    expect(headers.get('Content-Type')).toBe(isProblem ? 'application/problem+json' : HTML);
    if (status === 405) expect(headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    // A 406 names the article it could not represent; other problems name the URL asked for.
    const instances = status === 406 ? [`/articles/${seed.slug}`] : [pathname, pathname + search];
    if (sent.method === 'GET' && isProblem) expectProblemDocument(text, status, instances);
    if (sent.method === 'GET' && !isProblem) expect(text.startsWith('<!doctype html>')).toBe(true);
  }
}

function expectProblemDocument(text: string, status: number, instances: readonly string[]): void {
  const document: unknown = JSON.parse(text);
  expect(document).toMatchObject({ type: 'about:blank', title: TITLES[status], status, detail: expect.any(String) });
  const { instance } = document as { instance: unknown };
  expect(instances, `instance ${String(instance)}`).toContain(instance);
}

// ---- the property ----------------------------------------------------------------------------

/** The ETags and Last-Modified this build really sends, so conditional requests can match. */
async function realValidators(): Promise<{ etags: string[]; lastModified: string }> {
  const paths = [`/articles/${seed.slug}`, `/articles/${seed.slug}.md`, `/api/articles/${seed.slug}`, '/api/articles', '/', `/assets/${assetName}`, '/nothing'];
  const responses = await Promise.all(paths.map((one) => exports.default.fetch(new Request(`${ORIGIN}${one}`))));
  const etags = responses.map((response) => response.headers.get('ETag'));
  const lastModified = responses[0]!.headers.get('Last-Modified');
  await Promise.all(responses.map((response) => response.body?.cancel()));
  if (etags.some((etag) => etag === null) || lastModified === null) throw new Error('the known routes must send ETag and Last-Modified');
  return { etags: etags as string[], lastModified };
}

describe('fuzzing the Worker', () => {
  it(`answers ${RUNS} generated requests soundly: no 5xx, common headers, problem documents`, { timeout: 120_000 }, async () => {
    const { etags, lastModified } = await realValidators();
    await fc.assert(
      fc.asyncProperty(requests(etags, lastModified), async ({ method, url, headers, body }) => {
        // Manual: the binding would otherwise follow a 301 and hide it.
        const sent = new Request(url, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
        const response = await exports.default.fetch(sent);
        await expectContract(sent.method, sent.url, response.clone());
        await expectSound(sent, response);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
