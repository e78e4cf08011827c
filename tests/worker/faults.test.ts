import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../src/app';
import type { Env } from '../../src/env';
import { seed } from '../fixtures/seed';
import { expectProblem, ORIGIN } from './helpers';

/** The real app with some bindings replaced: a misconfigured or broken deployment. */
function requestWith(bindings: Partial<Record<keyof Env, unknown>>, path: string, headers?: HeadersInit): Promise<Response> {
  return Promise.resolve(app.fetch(new Request(`${ORIGIN}${path}`, headers === undefined ? {} : { headers }), { ...env, ...bindings }));
}

/** A static-assets binding that has lost every file (an inconsistent deploy). */
const EMPTY_ASSETS = { fetch: async () => new Response('Not Found', { status: 404 }) };

function logLines(spy: { mock: { calls: unknown[][] } }): unknown[] {
  return spy.mock.calls.map(([line]) => JSON.parse(String(line)));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a bad SITE_URL', () => {
  it.each([
    [undefined, 'not set'],
    ['', 'empty'],
    ['localhost:8787', '"localhost:8787"'],
    ['ftp://news.example', '"ftp://news.example"'],
    ['https://news.example/edition', '"https://news.example/edition"'],
  ])('%j: every route answers 503 naming the setting, logged once', async (siteUrl, got) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const detail = `The server is misconfigured: SITE_URL must be an absolute http: or https: origin, such as https://news.example.com; it is ${got}.`;
    for (const path of [`/articles/${seed.slug}`, '/api/articles', '/']) {
      const response = await requestWith({ SITE_URL: siteUrl }, path);
      await expectProblem(response, { title: 'Service Unavailable', status: 503, detail, instance: path });
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
    expect(logLines(log)).toEqual([{ level: 'error', event: 'config', setting: 'SITE_URL', message: detail.slice('The server is misconfigured: '.length, -1) }]);
  });

  it('accepts an origin written with a trailing slash', async () => {
    const response = await requestWith({ SITE_URL: 'https://news.example/' }, `/api/articles/${seed.slug}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { url: string } }).data.url).toBe(`https://news.example/articles/${seed.slug}`);
  });
});

describe('a body file missing from the deployment', () => {
  it('answers 503 no-store with a request id, and logs the file once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { ASSETS: EMPTY_ASSETS, BODY_CACHE_BYTES: '0' };
    const first = await requestWith(broken, `/api/articles/${seed.slug}`, { 'cf-ray': '8f1d2c3b4a5e6f70-AMS' });
    await expectProblem(first, {
      title: 'Service Unavailable',
      status: 503,
      detail: 'Part of this deployment is missing; it answers again after the next deploy.',
      instance: `/api/articles/${seed.slug}`,
      requestId: '8f1d2c3b4a5e6f70-AMS',
    });
    expect(first.headers.get('Cache-Control')).toBe('no-store');
    const again = await requestWith(broken, `/articles/${seed.slug}.md`);
    expect(again.status).toBe(503);
    const lines = logLines(log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', event: 'missing-body-file', status: 404, requestId: '8f1d2c3b4a5e6f70-AMS', path: `/api/articles/${seed.slug}` });
    expect((lines[0] as { file: string }).file).toMatch(/^\/b\/[\w-]{22}\.txt$/);
  });

  it('answers 503, not 500, when the 404 page itself is missing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await requestWith({ ASSETS: EMPTY_ASSETS, BODY_CACHE_BYTES: '0' }, '/no-such-page');
    expect(response.status).toBe(503);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

describe('an unexpected error', () => {
  it('answers 500 with a problem document whose request id matches the one log line', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = { fetch: async () => Promise.reject(new TypeError('network connection lost')) };
    const response = await requestWith({ ASSETS: failing, BODY_CACHE_BYTES: '0' }, `/api/articles/${seed.slug}`);
    const body = (await response.clone().json()) as { requestId: string };
    expect(body.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expectProblem(response, { title: 'Internal Server Error', status: 500, detail: 'The server could not answer this request.', instance: `/api/articles/${seed.slug}`, requestId: body.requestId });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const lines = logLines(log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', event: 'unhandled-error', requestId: body.requestId, method: 'GET', path: `/api/articles/${seed.slug}`, error: 'TypeError', message: 'network connection lost' });
    expect(JSON.stringify(lines[0])).not.toContain(seed.paragraphs[0]!.slice(0, 40));
  });
});
