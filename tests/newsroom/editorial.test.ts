import { describe, expect, it } from 'vitest';
import { expectProblem, jsonLdOf, ORIGIN, request } from '../worker/helpers';

/**
 * The newsroom fixture (tests/fixtures/newsroom): corrections, a withdrawn article, a renamed one.
 * Every response is checked against the OpenAPI document by `request` (tests/worker/contract.ts).
 */

const WITHDRAWN = 'main-street-bakery-closes';
const REASON = "The bakery's owners say they are not closing; the article relied on a notice that was posted in error.";
const CORRECTION = { date: '2026-12-04T16:15:00Z', text: 'An earlier version of this article gave the wrong vote count. The budget passed 6–3, not 7–2.' };

describe('a correction', () => {
  it('is in the JSON, newest first, and moves dateModified to its date', async () => {
    const { data } = await (await request('/api/articles/council-approves-budget')).json<{ data: Record<string, unknown> }>();
    expect(data.corrections).toEqual([CORRECTION]);
    expect(data.datePublished).toBe('2026-12-04T03:30:00Z');
    expect(data.dateModified).toBe(CORRECTION.date);
  });

  it('is in the JSON-LD as a CorrectionComment, and dateModified follows it', async () => {
    const data = jsonLdOf(await (await request('/articles/council-approves-budget')).text()) as Record<string, unknown>;
    expect(data.correction).toEqual([{ '@type': 'CorrectionComment', datePublished: CORRECTION.date, text: CORRECTION.text }]);
    expect(data.dateModified).toBe(CORRECTION.date);
  });

  it("sets the feeds' updated date, the entry's and the sitemap's lastmod", async () => {
    const atom = await (await request('/atom.xml')).text();
    expect(atom).toContain(`<updated>${CORRECTION.date}</updated>\n  <link rel="self"`);
    expect(atom).toMatch(new RegExp(`<link rel="alternate" type="text/html" href="${ORIGIN}/articles/council-approves-budget"/>\\s*<published>2026-12-04T03:30:00Z</published>\\s*<updated>${CORRECTION.date}</updated>`));
    const feed = await (await request('/feed.json')).json<{ items: { url: string; date_modified?: string }[] }>();
    expect(feed.items.find(({ url }) => url === `${ORIGIN}/articles/council-approves-budget`)?.date_modified).toBe(CORRECTION.date);
    const sitemap = await (await request('/sitemap.xml')).text();
    expect(sitemap).toContain(`<loc>${ORIGIN}/articles/council-approves-budget</loc>\n  <lastmod>${CORRECTION.date}</lastmod>`);
  });

  it('is listed on /corrections, linking the corrected article', async () => {
    const page = await (await request('/corrections')).text();
    expect(page).toContain('<a href="/articles/council-approves-budget#corrections">City Council Approves 2027 Budget After Late-Night Session</a>');
    expect(page).toContain(`<time datetime="${CORRECTION.date}">December 4, 2026 at 10:15 AM CST</time>: ${CORRECTION.text.replace("'", '&#39;')}`);
  });
});

describe('a withdrawn article', () => {
  it.each([`/articles/${WITHDRAWN}`, `/articles/${WITHDRAWN}.html`, `/articles/${WITHDRAWN}.md`, `/articles/${WITHDRAWN}/embed`])('answers %s with the 410 page and the reason', async (path) => {
    const response = await request(path);
    expect(response.status).toBe(410);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=86400');
    expect(response.headers.get('Cache-Tag')).toMatch(new RegExp(`^article:${WITHDRAWN},build:`));
    const page = await response.text();
    expect(page).toContain('<title>Withdrawn · The Riverside Ledger</title>');
    expect(page).toContain('“Main Street Bakery to Close After 40 Years” was withdrawn on <time datetime="2026-12-02T14:00:00Z">December 2, 2026 at 8:00 AM CST</time>.');
    expect(page).toContain(`<p>${REASON.replace("'", '&#39;')}</p>`);
  });

  it('answers the API and oEmbed with a 410 problem document', async () => {
    const detail = `This article was withdrawn on 2026-12-02T14:00:00Z: ${REASON}`;
    await expectProblem(await request(`/api/articles/${WITHDRAWN}`), { title: 'Gone', status: 410, detail, instance: `/api/articles/${WITHDRAWN}` });
    const oembed = `/api/oembed?url=${ORIGIN}/articles/${WITHDRAWN}`;
    await expectProblem(await request(oembed), { title: 'Gone', status: 410, detail, instance: oembed });
  });

  it.each(['/', '/?page=1', '/sections/business', '/tags/economy', '/authors/maria-santos', '/api/articles', '/api/articles?tag=economy', '/rss.xml', '/atom.xml', '/feed.json', '/tags/economy/rss.xml', '/authors/maria-santos/atom.xml', '/sitemap.xml', '/news-sitemap.xml', '/llms.txt', '/tags'])(
    'is absent from %s',
    async (path) => {
      const response = await request(path);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).not.toContain(WITHDRAWN);
      expect(body).not.toContain('Main Street Bakery');
    },
  );
});

describe("a renamed article's former slug", () => {
  it.each([
    ['/articles/jobs-numbers-november', '/articles/november-jobs-report'],
    ['/articles/jobs-numbers-november.html', '/articles/november-jobs-report.html'],
    ['/articles/jobs-numbers-november.md', '/articles/november-jobs-report.md'],
    ['/articles/jobs-numbers-november/embed', '/articles/november-jobs-report/embed'],
    ['/articles/jobs-numbers-november/', '/articles/november-jobs-report'],
    ['/articles/Jobs-Numbers-November', '/articles/november-jobs-report'],
    ['/api/articles/jobs-numbers-november', '/api/articles/november-jobs-report'],
  ])('answers %s with a 301 to %s', async (path, location) => {
    const response = await request(path, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(location);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600, s-maxage=86400');
  });

  it('embeds as the article it became (oEmbed)', async () => {
    const response = await request(`/api/oembed?url=${ORIGIN}/articles/jobs-numbers-november`);
    expect(response.status).toBe(200);
    expect((await response.json<{ title: string }>()).title).toBe('County Adds 340 Jobs in November as Warehouses Hire');
  });
});
