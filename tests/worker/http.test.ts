import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { expectProblem, findArticle, index, originETag, request } from './helpers';

const ARTICLE = `/api/articles/${seed.slug}`;
const PAGE = `/articles/${seed.slug}`;
const jsonETag = () => originETag(findArticle(seed.slug)!.json.hash);

const PAGE_CSP = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self' https:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(), camera=(), captured-surface-control=(), clipboard-read=(), clipboard-write=(), compute-pressure=(), ' +
  'digital-credentials-create=(), digital-credentials-get=(), display-capture=(), encrypted-media=(), fullscreen=(), gamepad=(), ' +
  'geolocation=(), gyroscope=(), hid=(), identity-credentials-get=(), idle-detection=(), keyboard-map=(), local-fonts=(), ' +
  'local-network-access=(), magnetometer=(), microphone=(), midi=(), otp-credentials=(), payment=(), picture-in-picture=(), ' +
  'publickey-credentials-create=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), speaker-selection=(), ' +
  'storage-access=(), usb=(), window-management=(), xr-spatial-tracking=()';
/** The fields only HTML carries. */
const HTML_ONLY = ['Content-Security-Policy', 'Permissions-Policy', 'Cross-Origin-Opener-Policy'];

describe('security and CORS headers', () => {
  it('sends a strict CSP on HTML that refuses framing, and security and CORS headers on every response', async () => {
    const response = await request(PAGE);
    expect(response.headers.get('Content-Security-Policy')).toBe(PAGE_CSP);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('ETag, Last-Modified, Link, Content-Location');
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('denies every powerful feature and isolates the browsing context on every HTML page, the 404 page included', async () => {
    for (const path of [PAGE, `${PAGE}.html`, '/', '/tags', '/tags/sahel', '/nothing']) {
      const response = await request(path);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('Permissions-Policy')).toBe(PERMISSIONS_POLICY);
      expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    }
  });

  it('sends the HTML-only fields on HTML alone: not on JSON, Markdown, feeds, problems, redirects or a 304', async () => {
    const pageETag = (await request(PAGE)).headers.get('ETag')!;
    const responses = [
      ...(await Promise.all([ARTICLE, '/api/articles?page=0', '/api/nothing', `${PAGE}.md`, '/rss.xml', '/feed.json', `/articles/${seed.slug}/`].map((path) => request(path, { redirect: 'manual' })))),
      await request(PAGE, { headers: { 'If-None-Match': pageETag } }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 400, 404, 200, 200, 200, 301, 304]);
    for (const response of responses) {
      expect(HTML_ONLY.map((name) => response.headers.get(name))).toEqual([null, null, null]);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    }
  });

  it('sends HSTS over HTTPS only', async () => {
    const response = await exports.default.fetch(new Request(`https://news.example${ARTICLE}`));
    expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('methods', () => {
  it('answers a CORS preflight with 204 and what may be sent', async () => {
    const response = await request(ARTICLE, {
      method: 'OPTIONS',
      headers: { Origin: 'https://other.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('Accept, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since');
    expect(response.headers.get('Access-Control-Max-Age')).toBe('86400');
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    const response = await request(ARTICLE, { method, body: method === 'DELETE' ? null : '{}' });
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    await expectProblem(response, { title: 'Method Not Allowed', status: 405, detail: `${method} is not allowed: this API is read-only.`, instance: ARTICLE });
  });

  it('answers HEAD with the GET headers, Content-Length included, and no body', async () => {
    for (const path of [ARTICLE, PAGE, '/api/articles']) {
      const get = await request(path);
      const getBody = new Uint8Array(await get.arrayBuffer());
      const head = await request(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      const withoutDate = (headers: Headers) => [...headers].filter(([name]) => name !== 'date');
      expect(withoutDate(head.headers)).toEqual(withoutDate(get.headers));
      expect(head.headers.get('Date')).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/);
      expect(head.headers.get('Content-Length')).toBe(String(getBody.byteLength));
      expect(await head.text()).toBe('');
    }
  });
});

describe('conditional requests (RFC 9110 §13)', () => {
  it.each([
    ['a weak match', (etag: string) => `W/${etag}`],
    ['a list', (etag: string) => `"other", ${etag}`],
    ['*', () => '*'],
  ])('answers If-None-Match with %s by 304', async (_, value) => {
    const response = await request(ARTICLE, { headers: { 'If-None-Match': value(await jsonETag()) } });
    expect(response.status).toBe(304);
  });

  it('answers If-Modified-Since at or after Last-Modified by 304, earlier by 200', async () => {
    expect((await request(ARTICLE, { headers: { 'If-Modified-Since': 'Fri, 27 Nov 2026 00:00:00 GMT' } })).status).toBe(304);
    expect((await request(ARTICLE, { headers: { 'If-Modified-Since': 'Thu, 26 Nov 2026 23:59:59 GMT' } })).status).toBe(200);
  });

  it('ignores If-Modified-Since when If-None-Match is present', async () => {
    const response = await request(ARTICLE, { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': 'Sat, 28 Nov 2026 00:00:00 GMT' } });
    expect(response.status).toBe(200);
  });

  it('answers a failing If-Match or If-Unmodified-Since by 412', async () => {
    expect((await request(ARTICLE, { headers: { 'If-Match': '"other"' } })).status).toBe(412);
    expect((await request(ARTICLE, { headers: { 'If-Match': `W/${await jsonETag()}` } })).status).toBe(412);
    expect((await request(ARTICLE, { headers: { 'If-Unmodified-Since': 'Thu, 26 Nov 2026 00:00:00 GMT' } })).status).toBe(412);
    expect((await request(ARTICLE, { headers: { 'If-Match': await jsonETag() } })).status).toBe(200);
  });
});

describe('odd input never gets a 5xx', () => {
  it.each([
    ['/api/articles/%', {}],
    ['/articles/%E0%A4%A', {}],
    ['//articles//x', {}],
    ['/assets/..%2f..%2fwrangler.toml', {}],
    ['/api/articles?page=99999999999999999999', {}],
    ['/api/articles?limit=%00', {}],
    [PAGE, { Accept: ';;;, q=abc, */*;q=nan' }],
    [PAGE, { Accept: 'text/html;q=2, application/json;q=-1' }],
    [ARTICLE, { 'If-None-Match': 'garbage, "unterminated' }],
    [ARTICLE, { 'If-Modified-Since': 'not a date', 'If-Unmodified-Since': '' }],
    [ARTICLE, { 'If-Match': '' }],
  ])('%s %j', async (path, headers) => {
    const response = await request(path, { headers });
    expect(response.status).toBeLessThan(500);
    expect(response.status).toBeGreaterThanOrEqual(200);
  });
});
