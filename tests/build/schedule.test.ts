import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../../scripts/build/index';
import { deployable } from '../../scripts/build/writer';
import { instantsOf, liveAt, releaseOf, scheduleOf } from '../../scripts/build/schedule';
import { ORIGIN, type ArticleLine } from '../../src/store/bundle';
import type { IndexHeader } from '../../src/store/shards';

/**
 * Scheduled and embargoed articles in the build (issue 19), on the scheduled fixture
 * (tests/fixtures/scheduled): an article whose release is after the build's clock is in no list
 * and no other article's related links; each release starts an edition of the index.
 */

type Built = Extract<BuildResult, { ok: true }>;
const SCHEDULED = join(import.meta.dirname, '../fixtures/scheduled');
const BUILT_ON = Date.UTC(2026, 11, 6, 12);
const NINE = '2099-03-01T09:00:00Z';
const NOON = '2099-03-01T12:00:00Z';

async function build(now: number, dev = false): Promise<Built> {
  const result = await buildContent({ root: SCHEDULED, now, ...(dev ? { includeDrafts: true, dev: { lastGood: { get: () => undefined } as never } } : {}) });
  if (!result.ok || result.problems.length > 0) throw new Error(result.problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`).join('\n'));
  return result;
}

function pageOf(result: Built, line: ArticleLine): string {
  return result.files.find(({ path }) => path === line.file)!.text.slice(...line.html).split(ORIGIN).join('https://news.example');
}
const lineOf = (result: Built, slug: string) => result.articles.find(({ summary }) => summary.slug === slug)!;

describe('when an article goes live', () => {
  const at = (datePublished: string, embargo?: string) => ({ article: { slug: 'a', datePublished }, frontMatter: embargo === undefined ? {} : { embargo } });

  it('is the later of its datePublished and its embargo', () => {
    expect(releaseOf(at(NINE))).toBe(NINE);
    expect(releaseOf(at('2026-12-03T08:00:00Z', NOON))).toBe(NOON);
    expect(releaseOf(at(NOON, NINE))).toBe(NOON);
  });

  it('is scheduled only while it is later than the clock; each instant once, in order', () => {
    const articles = [{ ...at(NOON), article: { slug: 'b', datePublished: NOON } }, { ...at('2026-12-03T08:00:00Z', NINE), article: { slug: 'c', datePublished: '2026-12-03T08:00:00Z' } }, { ...at('2026-12-01T00:00:00Z'), article: { slug: 'd', datePublished: '2026-12-01T00:00:00Z' } }, { ...at(NOON), article: { slug: 'e', datePublished: NOON } }];
    const schedule = scheduleOf(articles, BUILT_ON);
    expect([...schedule]).toEqual([['b', NOON], ['c', NINE], ['e', NOON]]);
    expect(instantsOf(schedule)).toEqual([NINE, NOON]);
    expect(scheduleOf(articles, Date.parse(NOON))).toEqual(new Map());
    expect([undefined, NINE, NOON].map((instant) => ['b', 'c', 'd'].filter((slug) => liveAt(schedule, slug, instant)))).toEqual([['d'], ['c', 'd'], ['b', 'c', 'd']]);
  });
});

const built = await build(BUILT_ON);

describe('a production build with articles scheduled', () => {
  it('serves the live articles only, and makes an edition of the index at each release', () => {
    expect(built.index.slugs).toEqual(['harbour-lights', 'ferry-timetable', 'harbour-reopens']);
    expect(built.editions!.map(({ from, index }) => [from, index.slugs])).toEqual([
      [NINE, ['harbour-budget-vote', 'harbour-lights', 'ferry-timetable', 'harbour-reopens']],
      [NOON, ['harbour-budget-vote', 'harbour-lights', 'fishing-quota-report', 'ferry-timetable', 'harbour-reopens']],
    ]);
    // Each edition's former slugs and tags are its own articles'.
    expect([built.index, ...built.editions!.map(({ index }) => index)].map(({ aliases, tags }) => [aliases, Object.keys(tags)])).toEqual([
      [{}, ['harbour', 'transport']],
      [{ 'harbour-budget': 'harbour-budget-vote' }, ['council', 'harbour', 'transport']],
      [{ 'harbour-budget': 'harbour-budget-vote' }, ['council', 'fishing', 'harbour', 'transport']],
    ]);
    // Every article is rendered once, scheduled or not.
    expect(built.articles.map(({ summary }) => summary.slug)).toEqual(['harbour-budget-vote', 'harbour-lights', 'fishing-quota-report', 'ferry-timetable', 'harbour-reopens']);
  });

  it('puts the editions in the content module, from the first release on, sharing the files that are the same', () => {
    const { moduleText, files } = deployable(built);
    const header = JSON.parse(moduleText) as IndexHeader;
    expect(header.editions!.map(({ from, shards }) => [from, shards])).toEqual([[NINE, 1], [NOON, 1]]);
    expect(new Set([header.directory, ...header.editions!.map(({ directory }) => directory)]).size).toBe(3);
    expect(new Set(files.map(({ path }) => path)).size).toBe(files.length);
  });

  it('links a scheduled article from no other article\'s page, nor marks its own', () => {
    // The embargoed article is older than harbour-lights and in its section: it would be the first of its rail.
    expect(pageOf(built, lineOf(built, 'harbour-lights'))).toContain('<h2 id="related-title">More in Harbour</h2>\n<ol class="headlines">\n<li lang="en"><article>\n<h3><a href="/articles/ferry-timetable">');
    for (const slug of ['harbour-lights', 'ferry-timetable', 'harbour-reopens']) {
      const page = pageOf(built, lineOf(built, slug));
      expect(page).not.toContain('harbour-budget-vote');
      expect(page).not.toContain('fishing-quota-report');
    }
    expect(pageOf(built, lineOf(built, 'harbour-budget-vote'))).not.toContain('Scheduled for');
  });

  it('makes no edition once every release has passed', async () => {
    const later = await build(Date.parse(NOON));
    expect(later.editions).toBeUndefined();
    expect(later.index.slugs).toEqual(['harbour-budget-vote', 'harbour-lights', 'fishing-quota-report', 'ferry-timetable', 'harbour-reopens']);
    // Built once it is live, the embargoed article is in the rail of the newer one that shares its section.
    expect(pageOf(later, lineOf(later, 'harbour-lights'))).toContain('<a href="/articles/fishing-quota-report">');
    expect(JSON.parse(deployable(later).moduleText)).not.toHaveProperty('editions');
  });
});

describe('a dev build (npm run dev)', () => {
  it('serves scheduled articles now, each page marked with its release in the site\'s zone and locale, and makes no edition', async () => {
    const dev = await build(BUILT_ON, true);
    expect(dev.editions).toBeUndefined();
    expect(dev.index.slugs).toEqual(['harbour-budget-vote', 'harbour-lights', 'fishing-quota-report', 'ferry-timetable', 'harbour-reopens']);
    expect(pageOf(dev, lineOf(dev, 'harbour-budget-vote'))).toContain('<main id="main">\n<p class="draft" role="status">Scheduled for 1 March 2099 at 09:00 GMT</p>\n<div class="story-page');
    expect(pageOf(dev, lineOf(dev, 'fishing-quota-report'))).toContain('<p class="draft" role="status">Scheduled for 1 March 2099 at 12:00 GMT</p>');
    expect(pageOf(dev, lineOf(dev, 'ferry-timetable'))).not.toContain('Scheduled for');
  });
});
