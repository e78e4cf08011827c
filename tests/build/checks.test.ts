import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { failures, type PageAudit } from '../../scripts/checks/audit';
import { browserExample, evaluatedExample } from '../../scripts/checks/browser-example';
import { pagesFor } from '../../scripts/checks/pages';
import { table } from '../../scripts/checks/site';
import { blogPost } from '../../scripts/checks/third-party';

// The page checks' own logic, without a browser: which pages, what fails, how it is shown.

describe('pagesFor', () => {
  it('checks home, the first tag of the newest article, the article, its embed card, search results and a 404', () => {
    expect(pagesFor({ slug: 'a-b', tags: ['africa', 'sahel'] })).toEqual([
      { name: 'home', path: '/', status: 200 },
      { name: 'tag', path: '/tags/africa', status: 200 },
      { name: 'article', path: '/articles/a-b', status: 200 },
      { name: 'embed', path: '/articles/a-b/embed', status: 200 },
      { name: 'search', path: '/search?q=a', status: 200 },
      { name: 'not-found', path: '/articles/no-such-article', status: 404 },
    ]);
  });

  it('checks the list of tags when the newest article has none', () => {
    expect(pagesFor({ slug: 'a-b', tags: [] })[1]).toEqual({ name: 'tags', path: '/tags', status: 200 });
  });
});

describe('failures', () => {
  const passing: PageAudit = {
    page: { name: 'not-found', path: '/x', status: 404 },
    scheme: 'dark',
    status: 404,
    consoleErrors: [],
    failedRequests: [],
    cspViolations: [],
    axeViolations: [],
    aaa: [{ target: 'a', ratio: 6.38, expected: 7, colors: '#0b57d0 on #ffffff' }],
  };

  it('passes the expected status, even an error status, and never fails on AAA contrast', () => {
    expect(failures(passing)).toEqual([]);
  });

  it('names every problem: status, console, requests, CSP, axe', () => {
    const audit = { ...passing, status: 200, consoleErrors: ['boom'], failedRequests: ['/favicon.ico: 404'], cspViolations: ['style-src'], axeViolations: ['region'] };
    expect(failures(audit)).toEqual([
      'status 200, expected 404',
      'console error: boom',
      'failed request: /favicon.ico: 404',
      'CSP violation: style-src',
      'axe: region',
    ]);
  });
});

describe('table', () => {
  it('pads each column to its widest cell', () => {
    expect(table(['page', 'ok'], [['/', 'pass'], ['/tags', 'FAIL']])).toBe('page   ok\n-----  ----\n/      pass\n/tags  FAIL');
  });
});

describe('browserExample', () => {
  const url = 'http://127.0.0.1:1/api/articles/a-b';

  it('fetches the URL, then revalidates it with the ETag it read', () => {
    expect(browserExample(url)).toBe(`const url = '${url}';
const response = await fetch(url);
const etag = response.headers.get('ETag');
console.log(response.status, etag, response.headers.get('Link'));
const revalidated = await fetch(url, { headers: { 'If-None-Match': etag } });
console.log(revalidated.status); // 304 while the article is unchanged
`);
  });

  it('is what the check evaluates, unchanged', () => {
    const evaluated = evaluatedExample(url);
    expect(evaluated.slice(evaluated.indexOf('\n') + 1, evaluated.indexOf('return {'))).toBe(browserExample(url));
  });
});

describe('blogPost', () => {
  const post = blogPost('http://127.0.0.1:1', '<iframe src="x"></iframe>', { after: '<p>after</p>', frameSources: ["'self'"] });
  const styleOf = (page: { body: string }) => /<style>(.*?)<\/style>/.exec(page.body)![1]!;
  const hashOf = (style: string) => createHash('sha256').update(style).digest('base64');

  it('lets scripts and frames come from the origin (and the frame sources given) only, and its own style by hash', () => {
    expect(post.csp).toBe(`default-src 'none'; style-src 'sha256-${hashOf(styleOf(post))}'; script-src http://127.0.0.1:1; frame-src http://127.0.0.1:1 'self'`);
  });

  it('leaves iframes their default border, so the embed cannot lean on the consumer for its size', () => {
    expect(styleOf(post)).toMatch(/iframe\{display:block;max-width:100%\}$/);
  });

  it('allows no script at all when asked, and adds the style given (allowed by its hash too)', () => {
    const strict = blogPost('http://127.0.0.1:1', '', { scripts: false, style: 'iframe{border:3px solid}' });
    expect(styleOf(strict)).toMatch(/iframe\{border:3px solid\}$/);
    expect(strict.csp).toBe(`default-src 'none'; style-src 'sha256-${hashOf(styleOf(strict))}'; script-src 'none'; frame-src http://127.0.0.1:1`);
  });

  it('is a heading, a paragraph, the embed and what follows it', () => {
    expect(post.body).toMatch(/<main><h1>A blog post<\/h1><p>Elsewhere on the web, [^<]+<\/p><iframe src="x"><\/iframe><p>after<\/p><\/main>/);
  });
});
