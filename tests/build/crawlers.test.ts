import { beforeAll, describe, expect, it } from 'vitest';
import { llmsTxt, LLMS_ARTICLES } from '../../scripts/build/crawlers';
import { paths } from '../../src/content/paths';
import { ORIGIN } from '../../src/store/bundle';
import { buildFixture, builtArticles, documentText, SITE, siteInput, type Built } from './documents';

let built: Built;
beforeAll(async () => {
  built = await buildFixture('feeds');
});

describe('/robots.txt and /llms.txt', () => {
  it('robots.txt allows every path and names both sitemaps by absolute URL', () => {
    expect(documentText(built, paths.robots)).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\nSitemap: ${SITE}/news-sitemap.xml\n`);
    expect(built.index.documents[paths.robots]).toMatchObject({ contentType: 'text/plain; charset=utf-8', kind: 'list' });
  });

  it('llms.txt: name, summary, then each article linking to its Markdown, Markdown characters escaped', () => {
    expect(documentText(built, paths.llms)).toBe(
      [
        '# edgewire',
        '',
        '> News articles from edgewire, each as Markdown with its metadata as YAML front matter.',
        '',
        'This list has 3 articles, newest first. Every article is also served as JSON and HTML.',
        '',
        '## Articles',
        '',
        `- [Markets & "tariffs" \\<up\\> 'today'](${SITE}/articles/markets-open.md): Shares rise; \\<b\\>not bold\\</b\\> & \\[not a link\\] \\* more\\_.`,
        `- [初看市場](${SITE}/articles/first-look.md): 市場概覽。`,
        `- [Nouvelles d'hier](${SITE}/articles/old-news.md): Une ligne. Et une autre.`,
        '',
        '## Optional',
        '',
        `- [Sitemap](${SITE}/sitemap.xml): every article and tag page, with its last change`,
        `- [Articles as JSON](${SITE}/api/articles): every article, newest first, a page at a time`,
        `- [JSON Feed](${SITE}/feed.json): the newest articles with their full text`,
        '',
      ].join('\n'),
    );
    expect(built.index.documents[paths.llms]).toMatchObject({ contentType: 'text/markdown; charset=utf-8', kind: 'list' });
  });

  it('llms.txt lists only the newest LLMS_ARTICLES of a large archive, and says so', () => {
    const [article] = builtArticles(built);
    const articles = Array.from({ length: LLMS_ARTICLES + 1 }, (_, at) => ({ ...article!, slug: `story-${at}` }));
    const text = llmsTxt(siteInput(articles)).split(ORIGIN).join(SITE);
    const lines = text.split('\n').filter((line) => line.startsWith('- [Markets'));
    expect(LLMS_ARTICLES).toBe(200);
    expect(lines).toHaveLength(200);
    expect(lines.at(-1)).toContain(`(${SITE}/articles/story-199.md)`);
    expect(text).toContain('This list has the newest 200 of 201 articles, newest first.');
  });
});
