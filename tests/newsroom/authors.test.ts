import { describe, expect, it } from 'vitest';
import { expectProblem, jsonLdOf, ORIGIN, request } from '../worker/helpers';

const MARIA = {
  id: 'maria-santos',
  url: `${ORIGIN}/authors/maria-santos`,
  name: 'Maria Santos',
  role: 'City hall reporter',
  website: 'https://maria-santos.example',
  sameAs: ['https://social.example/@msantos'],
  articleCount: 2,
};
const DANIEL = { id: 'daniel-okafor', url: `${ORIGIN}/authors/daniel-okafor`, name: 'Daniel Okafor', role: 'Education and business reporter', website: null, sameAs: [], articleCount: 2 };

describe('authors', () => {
  it('lists every author by name on /api/authors', async () => {
    const response = await request('/api/authors');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [DANIEL, MARIA] });
  });

  it('serves an author with the bio on /api/authors/:id, and a problem for an unknown id', async () => {
    const response = await request('/api/authors/maria-santos');
    expect(await response.json()).toEqual({
      data: { ...MARIA, html: '<p>Maria Santos covers city hall and the county board. She joined the Ledger in 2019.</p>\n', text: 'Maria Santos covers city hall and the county board. She joined the Ledger in 2019.' },
    });
    await expectProblem(await request('/api/authors/nobody'), { title: 'Not Found', status: 404, detail: 'There is nothing at this URL.', instance: '/api/authors/nobody' });
  });

  it("names the authors in an article's JSON by id, with their page as url", async () => {
    const { data } = await (await request('/api/articles/november-jobs-report')).json<{ data: { authors: unknown } }>();
    expect(data.authors).toEqual([
      { id: 'daniel-okafor', name: 'Daniel Okafor', url: `${ORIGIN}/authors/daniel-okafor` },
      { id: 'maria-santos', name: 'Maria Santos', url: `${ORIGIN}/authors/maria-santos` },
    ]);
  });

  it('gives JSON-LD author as a Person with their page, or the source Organization for wire copy', async () => {
    const jsonLd = async (slug: string) => jsonLdOf(await (await request(`/articles/${slug}`)).text()) as { author?: unknown };
    expect((await jsonLd('council-approves-budget')).author).toEqual([{ '@type': 'Person', name: 'Maria Santos', url: `${ORIGIN}/authors/maria-santos` }]);
    expect((await jsonLd('stadium-plan-unveiled')).author).toEqual([{ '@type': 'Person', name: 'Chris Lee' }]);
    expect((await jsonLd('state-road-funding')).author).toEqual([{ '@type': 'Organization', name: 'Statehouse Wire', url: 'https://wire.example' }]);
  });

  it('has a page with the bio, the profiles, their articles newest first and their feeds', async () => {
    const response = await request('/authors/maria-santos');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(jsonLdOf(page)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Maria Santos', url: MARIA.url, jobTitle: 'City hall reporter', sameAs: ['https://maria-santos.example', 'https://social.example/@msantos'] },
    });
    expect(page).toContain('<h1>Maria Santos</h1>');
    expect(page).toContain('<p>Maria Santos covers city hall and the county board. She joined the Ledger in 2019.</p>');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="The Riverside Ledger — Maria Santos — Atom" href="/authors/maria-santos/atom.xml">');
    // Under the page's h1 and the list's own h2, each article's headline is an h3.
    const listStart = '<h2 class="list-heading">Articles</h2>\n<ol class="articles">\n';
    expect(page).toContain(listStart);
    const list = page.slice(page.indexOf(listStart));
    const headlines = [...list.matchAll(/<h3><a href="\/articles\/([^"]+)">/g)].map(([, slug]) => slug);
    expect(headlines).toEqual(['november-jobs-report', 'council-approves-budget']);
  });

  it('has feeds of their articles, with the entry ids of the site feed', async () => {
    const feed = await (await request('/authors/maria-santos/feed.json')).json<{ title: string; feed_url: string; items: { id: string; url: string }[] }>();
    expect(feed.title).toBe('The Riverside Ledger: Maria Santos');
    expect(feed.feed_url).toBe(`${ORIGIN}/authors/maria-santos/feed.json`);
    const site = await (await request('/feed.json')).json<{ items: { id: string; url: string }[] }>();
    const siteIds = new Map(site.items.map(({ url, id }) => [url, id]));
    expect(feed.items.map(({ url }) => url)).toEqual([`${ORIGIN}/articles/november-jobs-report`, `${ORIGIN}/articles/council-approves-budget`]);
    for (const { url, id } of feed.items) expect(id).toBe(siteIds.get(url));
  });
});
