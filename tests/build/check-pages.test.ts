import { describe, expect, it } from 'vitest';
import { mainPages, pagesFor } from '../../scripts/checks/pages';

// Which pages the page checks look at, for a site with every kind of page and for the seed.

const NEWSROOM = pagesFor(
  { slug: 'newest', tags: ['jobs'] },
  { section: 'business', corrected: 'fixed', author: 'maria-santos', page: 'about', withdrawn: 'gone-story' },
);

describe('pagesFor', () => {
  it('checks every kind of page the site has: front, section, tag, articles, corrections, author, static page, embed, search, 404 and 410', () => {
    expect(NEWSROOM).toEqual([
      { name: 'home', path: '/', status: 200 },
      { name: 'section', path: '/sections/business', status: 200 },
      { name: 'tag', path: '/tags/jobs', status: 200 },
      { name: 'article', path: '/articles/newest', status: 200 },
      { name: 'corrected', path: '/articles/fixed', status: 200 },
      { name: 'corrections', path: '/corrections', status: 200 },
      { name: 'author', path: '/authors/maria-santos', status: 200 },
      { name: 'page', path: '/about', status: 200 },
      { name: 'embed', path: '/articles/newest/embed', status: 200 },
      { name: 'search', path: '/search?q=newest', status: 200 },
      { name: 'not-found', path: '/articles/no-such-article', status: 404 },
      { name: 'gone', path: '/articles/gone-story', status: 410 },
    ]);
  });

  it('checks the newest article once when it is the corrected one', () => {
    expect(pagesFor({ slug: 'fixed', tags: [] }, { corrected: 'fixed' }).map(({ name }) => name)).toEqual(['home', 'tags', 'article', 'corrections', 'embed', 'search', 'not-found']);
  });
});

describe('mainPages', () => {
  it('takes the front page, a section, the corrected article, an author and search results, named for their screenshots', () => {
    expect(mainPages(NEWSROOM)).toEqual([
      { name: 'home', path: '/', status: 200 },
      { name: 'section', path: '/sections/business', status: 200 },
      { name: 'article', path: '/articles/fixed', status: 200 },
      { name: 'author', path: '/authors/maria-santos', status: 200 },
      { name: 'search', path: '/search?q=newest', status: 200 },
    ]);
  });

  it('takes the newest article when none was corrected, and leaves out what the site does not have', () => {
    expect(mainPages(pagesFor({ slug: 'a-b', tags: ['sahel'] }))).toEqual([
      { name: 'home', path: '/', status: 200 },
      { name: 'article', path: '/articles/a-b', status: 200 },
      { name: 'search', path: '/search?q=a', status: 200 },
    ]);
  });
});
