import { describe, expect, it } from 'vitest';
import { failures, type PageAudit } from '../../scripts/checks/audit';
import { pagesFor } from '../../scripts/checks/pages';
import { table } from '../../scripts/checks/site';

// The page checks' own logic, without a browser: which pages, what fails, how it is shown.

describe('pagesFor', () => {
  it('checks home, the first tag of the newest article, the article, its embed card and a 404', () => {
    expect(pagesFor({ slug: 'a-b', tags: ['africa', 'sahel'] })).toEqual([
      { name: 'home', path: '/', status: 200 },
      { name: 'tag', path: '/tags/africa', status: 200 },
      { name: 'article', path: '/articles/a-b', status: 200 },
      { name: 'embed', path: '/articles/a-b/embed', status: 200 },
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
