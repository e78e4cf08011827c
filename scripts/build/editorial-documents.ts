import type { ArticleMeta } from './article';
import { paths } from '../../src/content/paths';
import { MEDIA_TYPES } from '../../src/http/media-types';
import { ORIGIN } from '../../src/store/bundle';
import { correctionsPage, type ListedCorrection } from '../../src/views/corrections-page';
import { listPage } from '../../src/views/list-page';
import { staticPage } from '../../src/views/static-page';
import { listKeys, type DocumentProducer, type DocumentSource, type SiteInput } from './documents';
import { archivePages, lazily } from './paging';

const html = (path: string, pages: DocumentSource['pages']): DocumentSource => ({ path, contentType: MEDIA_TYPES.html, kind: 'list', pages });

/** The static pages (content/pages/), all in one body file: few, small, and read rarely. */
function staticPages({ newsroom, context }: SiteInput): DocumentSource[][] {
  if (newsroom.pages.length === 0) return [];
  const pages = newsroom.pages.map(({ name, data, html: body, firstParagraph }) =>
    html(paths.page(name), [staticPage({ title: data.title, description: data.description ?? firstParagraph, html: body }, { ...context, canonical: `${ORIGIN}${paths.page(name)}` }).toString()]),
  );
  return [pages];
}

/** Every correction of the published articles, newest first (then by headline, for a stable order). */
export function listedCorrections(articles: readonly ArticleMeta[]): ListedCorrection[] {
  const all = articles.flatMap((article) => article.corrections.map(({ date, text }) => ({ article: { slug: article.slug, title: article.title }, date, text })));
  return all.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : 0));
}

/** Each section's articles: its page (the newest), then archive pages from the oldest, in packs per section. */
function sectionPages(input: SiteInput): DocumentSource[][] {
  const { articles, newsroom, context } = input;
  return newsroom.site.settings.sections.map(({ slug, title }) => {
    const pages = archivePages(articles.filter((article) => article.section?.slug === slug));
    const list = { heading: title, title, description: `${title}: the latest articles on ${context.site.name}.`, href: (page?: number) => paths.section(slug, page), section: slug };
    return [html(paths.section(slug), lazily(pages, ({ items, paging }) => listPage(items, paging, list, { ...context, canonical: `${ORIGIN}${paths.section(slug, paging.page ?? undefined)}` }).toString(), listKeys(input, paths.section(slug))))];
  });
}

/** Static pages, `/corrections`, and each section's pages. */
export const editorialDocuments: DocumentProducer = (input) => [
  ...staticPages(input),
  [html(paths.corrections, [correctionsPage(listedCorrections(input.articles), { ...input.context, canonical: `${ORIGIN}${paths.corrections}` }).toString()])],
  ...sectionPages(input),
];
