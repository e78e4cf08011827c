import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import content from '../../src/generated/content.txt';
import type { Env } from '../../src/env';
import worker, { ArticlesService } from '../../src/index';
import type { IndexHeader, Shard } from '../../src/store/shards';
import { expectContract } from '../worker/contract';

/**
 * Scheduled and embargoed stories (issue 19), served as of a moment set by the EDGEWIRE_NOW var:
 * `harbour-budget-vote` is dated 2099-03-01T09:00:00Z; `fishing-quota-report` is dated 2026 but
 * embargoed until 12:00 that day. Before its release a story exists nowhere; from it, everywhere;
 * and whatever changes then is cached no longer than until then.
 */

const ORIGIN = 'http://localhost:8787';
const BUDGET = 'harbour-budget-vote';
const QUOTAS = 'fishing-quota-report';
/** A sentence of each held story's body: no response may carry it before its time. */
const SECRETS = ["Councillors will vote on the harbour budget", "quotas for the fleet's main catches"];

const BEFORE = '2099-03-01T08:59:59Z';
const NINE = '2099-03-01T09:00:00Z';
const ELEVEN = '2099-03-01T11:00:00Z';
const NOON = '2099-03-01T12:00:00Z';
const LATER = '2099-03-02T00:00:00Z';

/** A request to the Worker as of `moment` (undefined: the real clock), its response checked against the OpenAPI document. */
async function at(moment: string | undefined, path: string, init?: RequestInit): Promise<Response> {
  const request = new Request(`${ORIGIN}${path}`, init);
  const response = await worker.fetch(request, moment === undefined ? env : { ...env, EDGEWIRE_NOW: moment }, createExecutionContext());
  await expectContract(request.method, request.url, response.clone());
  return response;
}

/** Every URL of an article (its representations, its oEmbed, its former slug), with what each answers once it is live. */
const urlsOf = (slug: string, alias?: string): [string, number][] => [
  [`/articles/${slug}`, 200],
  [`/articles/${slug}.html`, 200],
  [`/articles/${slug}.md`, 200],
  [`/articles/${slug}/embed`, 200],
  [`/articles/${slug}/`, 301],
  [`/api/articles/${slug}`, 200],
  [`/api/articles/${slug}/ninjs`, 200],
  [`/api/oembed?url=${ORIGIN}/articles/${slug}`, 200],
  ...(alias === undefined ? [] : ([[`/articles/${alias}`, 301], [`/api/articles/${alias}`, 301]] as [string, number][])),
];

describe('a scheduled story before, at and after its release', () => {
  const cases: [string, string, string[]][] = [
    // moment, what it is, the held stories live then
    [BEFORE, 'a second before the first release', []],
    [NINE, 'at the first release', [BUDGET]],
    [ELEVEN, 'between the releases', [BUDGET]],
    ['2099-03-01T11:59:59Z', 'a second before the embargo ends', [BUDGET]],
    [NOON, 'at the end of the embargo', [BUDGET, QUOTAS]],
    [LATER, 'after both', [BUDGET, QUOTAS]],
  ];

  it.each(cases)('every URL of each held story answers as it should as of %s (%s)', async (moment, _what, live) => {
    for (const [slug, alias] of [[BUDGET, 'harbour-budget'], [QUOTAS, undefined]] as const) {
      for (const [path, status] of urlsOf(slug, alias)) {
        const response = await at(moment, path, { redirect: 'manual' });
        expect([path, response.status], moment).toEqual([path, live.includes(slug) ? status : 404]);
        const body = await response.text();
        if (!live.includes(slug)) for (const secret of SECRETS) expect(body).not.toContain(secret);
      }
    }
  });

  /** Every list, feed and sitemap, and the held stories each names as of `moment` (null: the document does not exist yet). */
  const DOCUMENTS = ['/', '/?page=1', '/api/articles', '/api/articles?tag=harbour', '/api/articles?tag=council', '/tags/harbour', '/tags/council', '/tags/fishing', '/sections/harbour', '/rss.xml', '/atom.xml', '/feed.json', '/tags/harbour/rss.xml', '/tags/harbour/atom.xml', '/tags/harbour/feed.json', '/tags/council/rss.xml', '/sitemap.xml', '/news-sitemap.xml', '/llms.txt', '/authors/ana-ruiz', '/authors/ana-ruiz/rss.xml', '/authors/ana-ruiz/feed.json'];
  const named = async (moment: string | undefined) =>
    Object.fromEntries(
      await Promise.all(
        DOCUMENTS.map(async (path) => {
          const response = await at(moment, path);
          const body = await response.text();
          return [path, response.status === 404 ? null : [BUDGET, QUOTAS].filter((slug) => body.includes(slug))] as const;
        }),
      ),
    );

  it('names neither in any list, feed or sitemap before the first release; the tag only it has does not exist', async () => {
    const before = await named(BEFORE);
    expect(before).toEqual({ ...Object.fromEntries(DOCUMENTS.map((path) => [path, []])), '/tags/council': null, '/tags/fishing': null, '/tags/council/rss.xml': null });
    // The real clock (2026) is before both: the same edition.
    expect(await named(undefined)).toEqual(before);
    // The list of tags names only the tags of live stories.
    const tags = async (moment: string) => [...(await (await at(moment, '/tags')).text()).matchAll(/href="\/tags\/([a-z-]+)"/g)].map((match) => match[1]);
    expect(await tags(BEFORE)).toEqual(['harbour', 'transport']);
    expect(await tags(NINE)).toEqual(['council', 'harbour', 'transport']);
    expect(await tags(NOON)).toEqual(['council', 'fishing', 'harbour', 'transport']);
  });

  it('names the scheduled story everywhere from its release, and the embargoed one from the end of its embargo', async () => {
    for (const moment of [NINE, ELEVEN]) {
      expect(await named(moment)).toEqual({ ...Object.fromEntries(DOCUMENTS.map((path) => [path, [BUDGET]])), '/tags/fishing': null, '/?page=1': [BUDGET] });
    }
    // The news sitemap lists the last two days' stories by datePublished: the embargoed one is dated the December before.
    const byAna = { '/authors/ana-ruiz': [BUDGET], '/authors/ana-ruiz/rss.xml': [BUDGET], '/authors/ana-ruiz/feed.json': [BUDGET] };
    const both = { ...Object.fromEntries(DOCUMENTS.map((path) => [path, [BUDGET, QUOTAS]])), '/api/articles?tag=council': [BUDGET], '/tags/council': [BUDGET], '/tags/council/rss.xml': [BUDGET], '/tags/fishing': [QUOTAS], '/news-sitemap.xml': [BUDGET], ...byAna };
    expect(await named(NOON)).toEqual(both);
    expect(await named(LATER)).toEqual(both);
  });

  it('answers RPC callers as of the same moment', async () => {
    const service = (moment: string) => new ArticlesService(createExecutionContext(), { ...(env as unknown as Env), EDGEWIRE_NOW: moment });
    expect(await service(BEFORE).article(BUDGET)).toBeNull();
    expect(await service(BEFORE).ninjs(BUDGET)).toBeNull();
    expect(await service(BEFORE).representation(QUOTAS, 'html')).toBeNull();
    expect((await service(BEFORE).articles()).data.map(({ slug }) => slug)).toEqual(['harbour-lights', 'ferry-timetable', 'harbour-reopens']);
    expect((await service(NINE).article(BUDGET))?.title).toBe('Council Votes on the Harbour Budget');
    // Its byline's author page, with the origin in its URL (oEmbed too: the stored URL holds a marker where the origin goes).
    expect((await service(NINE).article(BUDGET))?.authors).toEqual([{ id: 'ana-ruiz', name: 'Ana Ruiz', url: `${ORIGIN}/authors/ana-ruiz` }]);
    const oembed = (await (await at(NINE, `/api/oembed?url=${ORIGIN}/articles/${BUDGET}`)).json()) as Record<string, unknown>;
    expect([oembed.author_name, oembed.author_url]).toEqual(['Ana Ruiz', `${ORIGIN}/authors/ana-ruiz`]);
    expect(await service(NINE).article(QUOTAS)).toBeNull();
    expect((await service(NOON).articles()).data.map(({ slug }) => slug)).toEqual([BUDGET, 'harbour-lights', QUOTAS, 'ferry-timetable', 'harbour-reopens']);
  });
});

describe('search while a story is scheduled', () => {
  const found = async (moment: string, path: string) => ((await (await at(moment, path)).json()) as { data: { slug: string; snippet: string }[] }).data.map(({ slug }) => slug);

  it('finds each held story from its release and never before, by the API, the page and RPC, and caches until then', async () => {
    for (const [moment, live] of [[BEFORE, []], [NINE, [BUDGET]], [NOON, [BUDGET, QUOTAS]]] as [string, string[]][]) {
      expect([moment, (await found(moment, '/api/search?q=harbour+budget')).filter((slug) => slug === BUDGET)]).toEqual([moment, live.filter((slug) => slug === BUDGET)]);
      expect([moment, (await found(moment, '/api/search?q=quotas')).filter((slug) => slug === QUOTAS)]).toEqual([moment, live.filter((slug) => slug === QUOTAS)]);
      const page = await (await at(moment, '/search?q=harbour+budget+quotas')).text();
      for (const slug of [BUDGET, QUOTAS]) expect([moment, slug, page.includes(`/articles/${slug}"`)]).toEqual([moment, slug, live.includes(slug)]);
      for (const secret of SECRETS) if (live.length === 0) expect(page).not.toContain(secret.slice(0, 30));
    }
    // Words only the held story has: nothing at all before its release.
    expect(await found(BEFORE, '/api/search?q=quotas+catches')).toEqual([]);
    expect((await found(NOON, '/api/search?q=quotas+catches'))[0]).toBe(QUOTAS);
    const service = (moment: string) => new ArticlesService(createExecutionContext(), { ...(env as unknown as Env), EDGEWIRE_NOW: moment });
    expect((await service(BEFORE).search({ q: 'quotas' })).data).toEqual([]);
    expect((await service(NOON).search({ q: 'quotas' })).data.map(({ slug }) => slug)).toContain(QUOTAS);
    const response = await at(BEFORE, '/api/search?q=harbour');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=1, s-maxage=1, stale-while-revalidate=0, stale-if-error=0');
    expect(response.headers.get('Cache-Tag')).toMatch(/^search,build:/);
  });
});

describe('lifetimes while a story is scheduled', () => {
  const UNCAPPED = { list: 'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800', article: 'public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800', notFound: 'public, max-age=60, s-maxage=300' };
  const cacheControl = async (moment: string | undefined, path: string) => (await at(moment, path)).headers.get('Cache-Control');

  it('end by the next release for what changes then: lists, feeds, sitemaps and 404s', async () => {
    // One second left: every cache may keep them a second, and nothing stale after it.
    for (const path of ['/', '/api/articles', '/rss.xml', '/sitemap.xml', '/llms.txt', '/tags/harbour']) expect([path, await cacheControl(BEFORE, path)]).toEqual([path, 'public, max-age=1, s-maxage=1, stale-while-revalidate=0, stale-if-error=0']);
    for (const path of [`/articles/${BUDGET}`, `/api/articles/${BUDGET}`, '/no-such-page']) expect([path, await cacheControl(BEFORE, path)]).toEqual([path, 'public, max-age=1, s-maxage=1']);
    // An hour before the embargo ends: an hour fresh at the edge, and no stale period past it.
    expect(await cacheControl(ELEVEN, '/')).toBe('public, max-age=60, s-maxage=3600, stale-while-revalidate=0, stale-if-error=0');
    expect(await cacheControl(ELEVEN, `/articles/${QUOTAS}`)).toBe('public, max-age=60, s-maxage=300');
    // Three hours before it: fresh as ever, stale until the release and no later.
    expect(await cacheControl(NINE, '/feed.json')).toBe('public, max-age=60, s-maxage=3600, stale-while-revalidate=7200, stale-if-error=7200');
  });

  it('leave alone what a release does not change: a live article, its 304, a redirect, an asset', async () => {
    expect(await cacheControl(BEFORE, '/articles/ferry-timetable')).toBe(UNCAPPED.article);
    const page = await at(BEFORE, '/articles/ferry-timetable');
    const revalidated = await at(BEFORE, '/articles/ferry-timetable', { headers: { 'If-None-Match': page.headers.get('ETag')! } });
    expect([revalidated.status, revalidated.headers.get('Cache-Control')]).toEqual([304, UNCAPPED.article]);
    expect(await cacheControl(NINE, '/articles/harbour-budget')).toBe('public, max-age=3600, s-maxage=86400');
    const asset = /href="(\/assets\/site\.[^"]+)"/.exec(await page.text())![1]!;
    expect(await cacheControl(BEFORE, asset)).toBe('public, max-age=31536000, immutable');
  });

  it('are the table\'s own once nothing is scheduled any more, or when the release is far away', async () => {
    for (const [path, kind] of [['/', 'list'], ['/rss.xml', 'list'], ['/no-such-page', 'notFound']] as const) {
      expect(await cacheControl(LATER, path)).toBe(UNCAPPED[kind]);
      // The real clock: 2026, seventy years before the release.
      expect(await cacheControl(undefined, path)).toBe(UNCAPPED[kind]);
    }
  });

  it('a 304 is not given across a release: the front page has another ETag once the story is live', async () => {
    const before = await at(BEFORE, '/');
    const etag = before.headers.get('ETag')!;
    const same = await at(BEFORE, '/', { headers: { 'If-None-Match': etag } });
    expect([same.status, same.headers.get('Cache-Control')]).toEqual([304, 'public, max-age=1, s-maxage=1, stale-while-revalidate=0, stale-if-error=0']);
    const after = await at(NINE, '/', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    expect(await after.text()).toContain(`<a href="/articles/${BUDGET}">Council Votes on the Harbour Budget</a>`);
  });
});

describe('no URL reaches a held story\'s bytes early', () => {
  const header = JSON.parse(content) as IndexHeader;
  const asset = async (path: string) => (await env.ASSETS.fetch(`https://assets.invalid${path}`)).text();

  it('the build made an edition per release, and the first names neither story', async () => {
    expect(header.editions?.map(({ from }) => from)).toEqual([NINE, NOON]);
    const first = JSON.parse(await asset(header.directory)) as string[];
    for (const path of first) expect(Object.keys(JSON.parse(await asset(path)) as Shard).filter((key) => key.includes(BUDGET) || key.includes(QUOTAS))).toEqual([]);
  });

  it('the files behind every edition, asked for by their paths, are 404s at every moment', async () => {
    const files = new Set<string>();
    for (const directory of [header.directory, ...header.editions!.map((edition) => edition.directory)]) {
      files.add(directory);
      for (const path of JSON.parse(await asset(directory)) as string[]) {
        files.add(path);
        for (const value of Object.values(JSON.parse(await asset(path)) as Shard)) if (typeof value === 'object' && value !== null && 'file' in value) files.add((value as { file: string }).file);
      }
    }
    expect(files.size).toBeGreaterThan(6);
    for (const moment of [BEFORE, NOON]) {
      for (const path of files) {
        const response = await at(moment, path);
        expect([path, response.status]).toEqual([path, 404]);
        const body = await response.text();
        for (const secret of SECRETS) expect(body).not.toContain(secret);
      }
    }
  });

  it('a crawl of the site a second before the release, every link and every URL it names followed, meets neither story', async () => {
    const seen = new Set<string>(['/', '/sitemap.xml', '/robots.txt', '/llms.txt', '/rss.xml', '/atom.xml', '/feed.json', '/api/articles', '/api/openapi.json']);
    const queue = [...seen];
    let pages = 0;
    while (queue.length > 0) {
      const path = queue.shift()!;
      const response = await at(BEFORE, path, { redirect: 'manual' });
      const body = await response.text();
      pages++;
      for (const held of [BUDGET, QUOTAS, ...SECRETS]) expect([path, body.includes(held)]).toEqual([path, false]);
      if (path === '/api/openapi.json') continue;
      for (const link of [...body.matchAll(/(?:href|src)="([^"#]+)"|(?:<loc>|<link>|"url":"|"href":")(http:\/\/localhost:8787[^<"]*)/g)].map((match) => match[1] ?? match[2]!)) {
        const local = link.startsWith(ORIGIN) ? link.slice(ORIGIN.length) : link;
        if (!local.startsWith('/') || local.startsWith('//') || local.startsWith('/images/')) continue;
        const decoded = local.replaceAll('&amp;', '&');
        if (!seen.has(decoded)) {
          seen.add(decoded);
          queue.push(decoded);
        }
      }
    }
    expect(pages).toBeGreaterThan(30);
  });
});

it('refuses a clock that is not an RFC 3339 instant, naming the setting, logged once', async () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  const message = 'EDGEWIRE_NOW must be an RFC 3339 instant such as 2026-12-06T09:30:00Z; it is "tomorrow"';
  for (const path of ['/', '/api/articles']) {
    const response = await at('tomorrow', path);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { detail: string }).detail).toBe(`The server is misconfigured: ${message}.`);
  }
  expect(log.mock.calls.map(([line]) => JSON.parse(String(line)) as unknown)).toEqual([{ level: 'error', event: 'config', setting: 'EDGEWIRE_NOW', message }]);
  log.mockRestore();
});
