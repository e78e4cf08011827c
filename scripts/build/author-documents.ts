import type { ArticleMeta } from './article';
import type { Author, AuthorSummary } from '../../src/content/author';
import { paths } from '../../src/content/paths';
import { MEDIA_TYPES } from '../../src/http/media-types';
import { ORIGIN } from '../../src/store/bundle';
import { authorPage, authorsPage } from '../../src/views/author-pages';
import type { BuiltAuthor } from './authors';
import { listKeys, type DocumentProducer, type DocumentSource, type SiteInput } from './documents';
import { feedGroups } from './feeds/index';
import { archivePages, lazily } from './paging';
import { scopedFeedLinks } from '../../src/views/feeds';

/** What the API says of an author (fields in API order); `url` is their page here. */
export function authorSummary({ name: id, data }: BuiltAuthor, articleCount: number): AuthorSummary {
  return { id, url: `${ORIGIN}${paths.author(id)}`, name: data.name, role: data.role ?? null, website: data.url ?? null, sameAs: data.sameAs, articleCount };
}

/** Each author's published articles, newest first (the order the articles come in). */
function articlesByAuthor(articles: readonly ArticleMeta[]): Map<string, ArticleMeta[]> {
  const byAuthor = new Map<string, ArticleMeta[]>();
  for (const article of articles) {
    for (const { id } of article.authors) {
      if (id === undefined) continue;
      const listed = byAuthor.get(id);
      if (listed === undefined) byAuthor.set(id, [article]);
      else listed.push(article);
    }
  }
  return byAuthor;
}

/** One author's pages (bio and their newest articles, then archive pages from the oldest) and their API document, in packs of their own. */
function authorGroup(author: BuiltAuthor, summary: AuthorSummary, articles: readonly ArticleMeta[], input: SiteInput): DocumentSource[] {
  const { context } = input;
  const feeds = articles.length === 0 ? [] : scopedFeedLinks(`${context.siteName} — ${summary.name}`, (format) => paths.authorFeed(format, summary.id));
  const html = lazily(archivePages(articles), ({ items, paging }) => authorPage(summary, author.html, items, paging, feeds, { ...context, canonical: `${ORIGIN}${paths.author(summary.id, paging.page ?? undefined)}` }).toString(), listKeys(input, paths.author(summary.id)));
  const data: Author = { ...summary, html: author.html, text: author.text };
  return [
    { path: paths.author(summary.id), contentType: MEDIA_TYPES.html, kind: 'list', pages: html },
    { path: paths.apiAuthor(summary.id), contentType: MEDIA_TYPES.json, kind: 'list', pages: [JSON.stringify({ data })] },
  ];
}

/**
 * `/authors` (every author) with `/api/authors`, then each author's pages and API document, then
 * their feeds (RSS, Atom, JSON Feed, one body file each, as the site's).
 */
export const authorDocuments: DocumentProducer = (input) => {
  const byAuthor = articlesByAuthor(input.articles);
  const authors = input.newsroom.authors.map((author) => ({ author, articles: byAuthor.get(author.name) ?? [] }));
  const summaries = authors.map(({ author, articles }) => authorSummary(author, articles.length));
  const index: DocumentSource[] = [
    { path: paths.authors, contentType: MEDIA_TYPES.html, kind: 'list', pages: [authorsPage(summaries, { ...input.context, canonical: `${ORIGIN}${paths.authors}` }).toString()] },
    { path: paths.apiAuthors, contentType: MEDIA_TYPES.json, kind: 'list', pages: [JSON.stringify({ data: summaries })] },
  ];
  return [
    index,
    ...authors.map(({ author, articles }, at) => authorGroup(author, summaries[at]!, articles, input)),
    ...authors.flatMap(({ articles }, at) => feedGroups(input, articles, { kind: 'author', id: summaries[at]!.id, name: summaries[at]!.name })),
  ];
};
