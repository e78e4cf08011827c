import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import content from '../../src/generated/content.txt';
import type { Env } from '../../src/env';
import { ArticlesService } from '../../src/index';
import type { IndexHeader } from '../../src/store/shards';
import { expectProblem, ORIGIN, request } from '../worker/helpers';

/**
 * Search in workerd (issue 20), over the judged collection (tests/fixtures/search: 60 articles of
 * The Valley Herald, one author with a page): the API with every parameter and every error, the
 * page, OpenSearch, the canonical redirects, and hostile queries. Every response is checked against
 * the OpenAPI document (request(), tests/worker/contract.ts).
 */

const { build } = JSON.parse(content) as IndexHeader;
const SEARCH_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=3600';
const SEARCH_TAGS = `search,build:${build}`;
const PAGE_CSP = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self' https:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

interface Result {
  slug: string;
  datePublished: string;
  tags: string[];
  section: { slug: string } | null;
  authors: { id?: string }[];
  snippet: string;
  score: number;
}
interface Results {
  data: Result[];
  meta: { q: string; page: number; limit: number; pages: number; total: number };
}

async function search(path: string): Promise<{ response: Response; body: Results }> {
  const response = await request(path);
  expect(response.status, path).toBe(200);
  return { response, body: await response.json<Results>() };
}

const slugs = ({ data }: Results) => data.map(({ slug }) => slug);
const link = (search: string, rel: string) => `<${ORIGIN}/api/search${search}>; rel="${rel}"`;
const SERVICE_DESC = '</api/openapi.json>; rel="service-desc"';

const FLOOD = [
  'millfield-residents-launch-legal-challenge',
  'kestford-residents-face-flood-insurance-rises',
  'flood-warning-for-river-arle-extended',
  'council-votes-for-arle-flood-defence-scheme',
  'beavers-dams-slowed-flood-water-study-finds',
  'flood-warning-issued-for-river-arle',
  'kestford-school-reopens-after-flood-repairs',
  'arlebridge-town-match-off-after-pitch-flooded',
  'river-arle-floods-homes-in-kestford',
  'kestford-flood-clean-up-begins',
];

describe('GET /api/search', () => {
  it('answers the best matches first: each article\'s list entry with a snippet and a score, cached briefly and tagged search', async () => {
    const { response, body } = await search('/api/search?q=flood');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe(SEARCH_CACHE);
    expect(response.headers.get('Cache-Tag')).toBe(SEARCH_TAGS);
    expect(response.headers.get('ETag')).toMatch(/^"[\w-]{22}"$/);
    expect(response.headers.get('Link')).toBe([link('?q=flood', 'first'), link('?q=flood&page=2', 'next'), link('?q=flood&page=3', 'last'), SERVICE_DESC].join(', '));
    expect(body.meta).toEqual({ q: 'flood', page: 1, limit: 10, pages: 3, total: 28 });
    expect(slugs(body)).toEqual(FLOOD);
    expect(body.data.map(({ score }) => score)).toEqual([1.708, 1.53, 1.517, 1.515, 1.485, 1.485, 1.48, 1.459, 1.439, 1.438]);
    // Each result is the article's list entry, then its snippet and score.
    const list = await (await request('/api/articles?limit=100')).json<{ data: Record<string, unknown>[] }>();
    for (const { slug, snippet, score, ...entry } of body.data) {
      expect({ slug, ...entry }).toEqual(list.data.find((listed) => listed.slug === slug));
      expect(snippet).toMatch(/<mark>flood/i);
      expect(score).toBeGreaterThan(0);
    }
    expect(body.data[1]!.snippet).toBe('… since the River Arle <mark>flooded</mark> the village in June, and a few say they have been refused cover altogether. Dave and Marion Tuck, whose bungalow on Mill Lane was <mark>flooded</mark> …');
  });

  it('answers a repeated search from its ETag with a 304', async () => {
    const first = await request('/api/search?q=tram');
    const etag = first.headers.get('ETag')!;
    const again = await request('/api/search?q=tram', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe(SEARCH_CACHE);
  });

  it('narrows the search by tag, section, author and dates, each result as asked', async () => {
    const tagged = (await search('/api/search?q=flood&tag=council')).body;
    expect(tagged.meta).toEqual({ q: 'flood', page: 1, limit: 10, pages: 1, total: 9 });
    expect(tagged.data.every(({ tags }) => tags.includes('council'))).toBe(true);
    expect(slugs(tagged).slice(0, 3)).toEqual(['millfield-residents-launch-legal-challenge', 'council-votes-for-arle-flood-defence-scheme', 'kestford-flood-clean-up-begins']);
    const section = (await search('/api/search?q=flood&section=environment')).body;
    expect(section.meta.total).toBe(8);
    expect(section.data.every((result) => result.section?.slug === 'environment')).toBe(true);
    const author = (await search('/api/search?q=bridge&author=bethan-lowry')).body;
    expect(slugs(author)).toEqual(['harbour-road-bridge-to-close-for-repairs', 'harbour-road-bridge-reopens-ahead-of-schedule']);
    expect(author.data.every(({ authors }) => authors.some(({ id }) => id === 'bethan-lowry'))).toBe(true);
    const dated = (await search('/api/search?q=flood&from=2026-09-01&to=2026-10-31')).body;
    expect(dated.meta.total).toBe(11);
    expect(dated.data.every(({ datePublished }) => datePublished >= '2026-09-01' && datePublished < '2026-11-01')).toBe(true);
    const instant = (await search('/api/search?q=flood&to=2026-07-02T13:05:00Z')).body;
    expect(instant.data.every(({ datePublished }) => datePublished <= '2026-07-02T13:05:00Z')).toBe(true);
    expect(slugs(instant)).toContain('millfield-residents-launch-legal-challenge');
    const unknown = (await search('/api/search?q=flood&tag=no-such-tag')).body;
    expect(unknown).toEqual({ data: [], meta: { q: 'flood', page: 1, limit: 10, pages: 1, total: 0 } });
  });

  it('pages the results with the limit asked, Link naming the pages around; a page past the last is a 404', async () => {
    const { response, body } = await search('/api/search?q=flood&page=2&limit=3');
    expect(body.meta).toEqual({ q: 'flood', page: 2, limit: 3, pages: 10, total: 28 });
    expect(slugs(body)).toEqual(FLOOD.slice(3, 6));
    expect(response.headers.get('Link')).toBe([link('?q=flood&limit=3', 'first'), link('?q=flood&limit=3', 'prev'), link('?q=flood&page=3&limit=3', 'next'), link('?q=flood&page=10&limit=3', 'last'), SERVICE_DESC].join(', '));
    await expectProblem(await request('/api/search?q=flood&page=11&limit=3'), { title: 'Not Found', status: 404, detail: 'Page 11 of these results does not exist: there are 10 pages.', instance: '/api/search?q=flood&page=11&limit=3' });
  });

  it('finds words in other forms, without their accents, while the last one is typed, and phrases as written', async () => {
    // "floods", "flooded", "flooding": one term; the total is the articles with any of them.
    for (const form of ['floods', 'flooded', 'flooding']) expect((await search(`/api/search?q=${form}`)).body.meta.total).toBe(28);
    expect(slugs((await search('/api/search?q=sao+tome')).body)).toEqual(['cafe-azul-brings-sao-tome-coffee-to-quay-street']);
    expect(slugs((await search('/api/search?q=flo')).body).slice(0, 3)).toEqual(['river-arle-floods-homes-in-kestford', 'farmers-count-cost-of-summer-flooding', 'kestford-school-reopens-after-flood-repairs']);
    const phrase = (await search('/api/search?q=%22flood+warning%22')).body;
    expect(slugs(phrase)).toEqual(['flood-warning-for-river-arle-extended', 'flood-warning-issued-for-river-arle', 'beavers-dams-slowed-flood-water-study-finds', 'arlebridge-town-match-off-after-pitch-flooded']);
    expect(phrase.meta.total).toBe(4);
  });

  it('refuses a bad search with a 400 naming each parameter, and is never a 5xx', async () => {
    const bad = async (path: string, errors: { parameter: string; detail: string }[]) => {
      const response = await request(path);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      await expectProblem(response, { title: 'Bad Request', status: 400, detail: 'The search is not valid.', instance: path, errors });
    };
    const required = [{ parameter: 'q', detail: 'is required: the words to search for' }];
    await bad('/api/search', required);
    await bad('/api/search?q=', required);
    await bad('/api/search?q=+++', required);
    await bad('/api/search?q=flood&q=tram', [{ parameter: 'q', detail: 'must be given at most once' }]);
    await bad(`/api/search?q=${'a'.repeat(201)}`, [{ parameter: 'q', detail: 'must be at most 200 characters long' }]);
    await bad('/api/search?q=flood&page=0', [{ parameter: 'page', detail: 'must be a whole number from 1 to 999999999' }]);
    await bad('/api/search?q=flood&page=two', [{ parameter: 'page', detail: 'must be a whole number from 1 to 999999999' }]);
    await bad('/api/search?q=flood&limit=51', [{ parameter: 'limit', detail: 'must be a whole number from 1 to 50' }]);
    await bad('/api/search?q=flood&tag=Not%20A%20Tag', [{ parameter: 'tag', detail: 'must be a tag: lowercase a-z, 0-9 and single hyphens' }]);
    await bad('/api/search?q=flood&section=Local!', [{ parameter: 'section', detail: "must be a section's slug: lowercase a-z, 0-9 and single hyphens" }]);
    await bad('/api/search?q=flood&author=Bethan', [{ parameter: 'author', detail: "must be an author's id: lowercase a-z, 0-9 and single hyphens" }]);
    await bad('/api/search?q=flood&from=2026-13-01', [{ parameter: 'from', detail: 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time' }]);
    await bad('/api/search?q=flood&to=yesterday', [{ parameter: 'to', detail: 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time' }]);
    await bad('/api/search?q=flood&from=2026-10-01&to=2026-09-01', [{ parameter: 'to', detail: 'must not be before from' }]);
    await bad('/api/search?q=flood&limit=0&page=-1', [
      { parameter: 'page', detail: 'must be a whole number from 1 to 999999999' },
      { parameter: 'limit', detail: 'must be a whole number from 1 to 50' },
    ]);
  });

  it('bounds hostile queries: 20 KB and 2,000 words are a 400, punctuation alone or a lone * finds nothing', async () => {
    const long = await request(`/api/search?q=${'flood '.repeat(3500)}x`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as { errors: unknown[] }).errors).toEqual([{ parameter: 'q', detail: 'must be at most 200 characters long' }]);
    expect((await request(`/api/search?q=${Array.from({ length: 2000 }, (_, at) => `w${at}`).join('+')}`)).status).toBe(400);
    const nothing = { data: [], meta: { q: '', page: 1, limit: 10, pages: 1, total: 0 } };
    for (const q of ['!!!', '*', '%22%22%22', '%E2%80%9C%E2%80%9D', '---+...']) {
      const { body } = await search(`/api/search?q=${q}`);
      expect(body, q).toEqual({ ...nothing, meta: { ...nothing.meta, q: decodeURIComponent(q).replaceAll('+', ' ') } });
    }
    // Many words within the limit: the first 12 are read.
    const many = await search(`/api/search?q=${Array.from({ length: 66 }, () => 'qz').join('+')}`);
    expect(many.body.meta.total).toBe(0);
    // A lone surrogate, control characters and a NUL are text like any other.
    for (const q of ['%ED%A0%80', '%00flood', 'flood%0A%09']) expect((await request(`/api/search?q=${q}`)).status).toBeLessThan(500);
  });

  it('redirects every other spelling of a search to its one URL (301), so equal searches share a cache entry', async () => {
    const cases: [string, string][] = [
      ['/api/search?q=Flood', '/api/search?q=flood'],
      ['/api/search?q=%20FLOOD%20%20warning%20', '/api/search?q=flood+warning'],
      ['/api/search?q=flood%20warning', '/api/search?q=flood+warning'],
      ['/api/search?limit=5&q=flood', '/api/search?q=flood&limit=5'],
      ['/api/search?tag=council&q=flood&section=local', '/api/search?q=flood&tag=council&section=local'],
      ['/api/search?q=flood&page=1&limit=10', '/api/search?q=flood'],
      ['/api/search?q=flood&tag=&author=', '/api/search?q=flood'],
      ['/api/search?q=flood&utm_source=newsletter', '/api/search?q=flood'],
      ['/api/search?q=flood&from=2026-09-01T10:00:00%2B02:00', '/api/search?q=flood&from=2026-09-01T08%3A00%3A00Z'],
      ['/search?q=Tram&page=1', '/search?q=tram'],
      ['/search?q=', '/search'],
      ['/search?ref=masthead', '/search'],
    ];
    for (const [from, to] of cases) {
      const response = await request(from, { redirect: 'manual' });
      expect([from, response.status, response.headers.get('Location')]).toEqual([from, 301, to]);
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600, s-maxage=86400');
      expect(await response.text()).toBe('');
    }
  });
});

describe('GET /search', () => {
  it('shows the results as a page that works without script: count, each result with its snippet, links to more', async () => {
    const response = await request('/search?q=flood');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe(SEARCH_CACHE);
    expect(response.headers.get('Cache-Tag')).toBe(SEARCH_TAGS);
    expect(response.headers.get('Content-Security-Policy')).toBe(PAGE_CSP);
    expect(page).toContain('<title>“flood”: search · The Valley Herald</title>');
    expect(page).toContain(`<link rel="canonical" href="${ORIGIN}/search?q=flood">\n<link rel="alternate" type="application/json" href="${ORIGIN}/api/search?q=flood">\n`);
    expect(page).toContain('<input type="search" id="search-q" name="q" value="flood" maxlength="200" enterkeyhint="search">');
    expect(page).toContain('<p class="results-count" role="status">28 articles match <strong>flood</strong> · page 1 of 3.</p>');
    expect([...page.matchAll(/<h2><a href="\/articles\/([^"]+)">/g)].map(([, slug]) => slug)).toEqual(FLOOD);
    expect(page).toContain(`<li lang="en"><article>
<p class="kicker"><a href="/sections/local">Local</a></p>
<h2><a href="/articles/kestford-residents-face-flood-insurance-rises">Kestford residents face steep rises in flood insurance</a></h2>
<p class="dek">Some homeowners have been quoted premiums four times higher since the summer floods.</p>
<p class="snippet">… since the River Arle <mark>flooded</mark> the village in June, and a few say they have been refused cover altogether. Dave and Marion Tuck, whose bungalow on Mill Lane was <mark>flooded</mark> …</p>
<p class="dateline"><time datetime="2026-10-21T09:10:00Z">21 October 2026</time> · 1 min read</p></article></li>`);
    expect(page).toContain('<nav class="pages" aria-label="More results"><a rel="next" href="/search?q=flood&amp;page=2">More results</a></nav>');
    const second = await (await request('/search?q=flood&page=2')).text();
    expect(second).toContain('<nav class="pages" aria-label="More results"><a rel="prev" href="/search?q=flood">Previous results</a> <a rel="next" href="/search?q=flood&amp;page=3">More results</a></nav>');
    expect((await request('/search?q=flood&page=4')).status).toBe(404);
  });

  it('says what to try when nothing matches, and offers the search without its filters', async () => {
    const none = await (await request('/search?q=zzzz')).text();
    expect(none).toContain(`<p class="results-count" role="status">No articles match <strong>zzzz</strong>.</p>
<ul class="search-help">
<li>Check the spelling, or try other words, or fewer of them.</li>
<li>A phrase in quotes must stand in the article as written: try it without the quotes.</li>
<li>Browse <a href="/tags">every topic</a> or <a href="/">the latest articles</a>.</li>
</ul>`);
    const filtered = await (await request('/search?q=beavers&section=business')).text();
    expect(filtered).toContain('<p class="results-count" role="status">No articles match <strong>beavers</strong> (section business).</p>');
    expect(filtered).toContain('<li><a href="/search?q=beavers">Search every article for <strong>beavers</strong></a>.</li>');
  });

  it('shows its form alone without a query, and escapes whatever the query holds', async () => {
    const empty = await request('/search');
    const form = await empty.text();
    expect([empty.status, empty.headers.get('Cache-Control')]).toEqual([200, SEARCH_CACHE]);
    expect(form).toContain('<title>Search · The Valley Herald</title>');
    expect(form).toContain('<input type="search" id="search-q" name="q" value="" maxlength="200" enterkeyhint="search"><button type="submit">Search</button></form>\n<p>Search every article by its words');
    const hostile = await (await request('/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E')).text();
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('is named on every page: the masthead\'s GET form and <link rel="search"> to the OpenSearch description', async () => {
    for (const path of ['/', '/articles/tram-fares-to-rise-in-january', '/tags', '/search?q=tram']) {
      const page = await (await request(path)).text();
      expect(page, path).toContain('<link rel="search" type="application/opensearchdescription+xml" title="The Valley Herald" href="/opensearch.xml">');
      expect(page, path).toContain('<form class="site-search" role="search" action="/search" method="get" aria-label="Search the site"><label class="visually-hidden" for="site-q">Search articles</label><input type="search" id="site-q" name="q" maxlength="200" enterkeyhint="search"><button type="submit">Search</button></form>');
    }
  });
});

describe('GET /opensearch.xml', () => {
  it('describes the search for browsers: the page and the API as URL templates', async () => {
    const response = await request('/opensearch.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/opensearchdescription+xml; charset=utf-8');
    expect(await response.text()).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>The Valley Hera…</ShortName>
  <Description>Search the articles of The Valley Herald</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Url type="text/html" method="get" template="${ORIGIN}/search?q={searchTerms}&amp;page={startPage?}"/>
  <Url type="application/json" method="get" template="${ORIGIN}/api/search?q={searchTerms}&amp;page={startPage?}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${ORIGIN}/opensearch.xml"/>
</OpenSearchDescription>
`);
  });
});

describe('search() over RPC', () => {
  const service = () => new ArticlesService(createExecutionContext(), env as unknown as Env);

  it('answers what GET /api/search answers, its options read as the query string', async () => {
    expect(await service().search({ q: 'Flood', tag: 'council', limit: 5 })).toEqual((await search('/api/search?q=flood&tag=council&limit=5')).body);
    expect(await service().search({ q: 'bridge', author: 'bethan-lowry', from: '2026-07-01', to: '2026-12-31', page: 1 })).toEqual((await search('/api/search?q=bridge&author=bethan-lowry&from=2026-07-01&to=2026-12-31')).body);
  });

  it('throws a TypeError naming each bad option, and a RangeError past the last page', async () => {
    await expect(service().search({ q: '' })).rejects.toThrow(new TypeError('The search is not valid: q is required: the words to search for.'));
    await expect(service().search({ q: 'flood', limit: 51, page: '2' as unknown as number })).rejects.toThrow(new TypeError('The search is not valid: page must be a number; limit must be a whole number from 1 to 50.'));
    await expect(service().search(null as unknown as { q: string })).rejects.toThrow(new TypeError('The search is not valid: options must be an object { q, tag, section, author, from, to, page, limit }.'));
    await expect(service().search({ q: 'flood', page: 4 })).rejects.toThrow(new RangeError('Page 4 of these results does not exist: there are 3 pages.'));
  });
});
