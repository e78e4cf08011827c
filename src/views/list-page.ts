import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { articleList, pageLinks, type PageHref, type Paging } from './article-list';
import type { FeedLink } from './feeds';
import type { ViewContext } from './format';
import { layout } from './layout';

/** What a page of a list of articles says about itself: a tag's, a section's, an author's. */
export interface ListPageMeta {
  /** The list's name: "Tagged “sahel”", "World", "Jane Doe". */
  heading: string;
  /** The `<title>`'s first part. */
  title: string;
  description: string;
  /** The URL of archive page n; the list's own URL without n. */
  href: PageHref;
  alternates?: readonly (readonly [type: string, href: string])[];
  /** Shown above the list on the first page (an author's bio). */
  intro?: unknown;
  tag?: string;
  feeds?: readonly FeedLink[];
  /** More of the first page's `<head>` (an author's ProfilePage JSON-LD). */
  head?: unknown;
  /** A section's list: its slug, to mark it in the masthead. */
  section?: string;
  /** A heading of the list under the intro, on the first page ("Articles" under an author's bio); its headlines are then h3. */
  listHeading?: string;
}

/** A page of a list of articles, newest first, with links to newer and older pages: the front (the newest), or an archive page. */
export function listPage(summaries: readonly ArticleSummary[], paging: Paging, list: ListPageMeta, context: ViewContext & { canonical: string }) {
  const first = paging.page === null;
  const subheading = first ? list.listHeading : undefined;
  const main = html`<h1>${first ? list.heading : `${list.heading}, page ${paging.page}`}</h1>
${first && list.intro !== undefined ? list.intro : ''}${subheading === undefined ? '' : html`<h2 class="list-heading">${subheading}</h2>
`}${articleList(summaries, context, { level: subheading === undefined ? 2 : 3, kickers: list.section === undefined })}${pageLinks(paging, list.href)}`;
  const meta = {
    title: first ? `${list.title} · ${context.site.name}` : `${list.title}, page ${paging.page} · ${context.site.name}`,
    description: list.description,
    lang: context.site.language,
    canonical: context.canonical,
    alternates: list.alternates ?? [],
    tag: list.tag,
    section: list.section,
    ...(list.feeds === undefined ? {} : { feeds: list.feeds }),
    ...(first && list.head !== undefined ? { head: list.head } : {}),
  };
  return layout(meta, context, main);
}
