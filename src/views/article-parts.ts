import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { articleDate, formatReadingTime, type ViewContext } from './format';

type Dated = Pick<ArticleSummary, 'slug' | 'datePublished' | 'dateModified' | 'readingTimeMinutes'>;

/** When it was published (and updated, if it was) and how long it takes to read, in the site's zone. */
export function dateline(article: Dated, context: Pick<ViewContext, 'site' | 'timed'>) {
  const { datePublished, dateModified, slug } = article;
  return html`<p class="dateline"><time datetime="${datePublished}">${articleDate(datePublished, slug, context)}</time>${
    dateModified === null ? '' : html` · Updated <time datetime="${dateModified}">${articleDate(dateModified, slug, context)}</time>`
  } · ${formatReadingTime(article.readingTimeMinutes)}</p>`;
}

/** When it was published, alone: for lists of headlines. */
export function published(article: Pick<ArticleSummary, 'slug' | 'datePublished'>, context: Pick<ViewContext, 'site' | 'timed'>) {
  return html`<p class="dateline"><time datetime="${article.datePublished}">${articleDate(article.datePublished, article.slug, context)}</time></p>`;
}

/** The article's tags, each linking to its tag page; nothing when it has none. */
export function tagList(tags: readonly string[]) {
  if (tags.length === 0) return '';
  return html`<ul class="tags" aria-label="Tags">${tags.map((tag) => html`<li><a href="${paths.tag(tag)}">${tag}</a></li>`)}</ul>`;
}

/** A person or organisation by name, linked when they have a URL (an author with a page here: that page). */
export function credit(named: { name: string; url?: string | undefined }) {
  return named.url === undefined ? named.name : html`<a href="${named.url}">${named.name}</a>`;
}

/** The section an article belongs to, above its headline, linking to the section page. */
export function kicker(section: ArticleSummary['section']) {
  return section === null ? '' : html`<p class="kicker"><a href="${paths.section(section.slug)}">${section.title}</a></p>
`;
}

/** "By A, B · Source: C": who wrote it and where it came from; nothing when neither is known. */
export function byline(article: Pick<ArticleSummary, 'authors' | 'source'>) {
  const authors = article.authors.map((author, index) => html`${index === 0 ? '' : ', '}${credit(author)}`);
  const parts = [...(authors.length === 0 ? [] : [html`By ${authors}`]), ...(article.source === null ? [] : [html`Source: ${credit(article.source)}`])];
  if (parts.length === 0) return '';
  return html`<p class="byline">${parts.map((part, index) => html`${index === 0 ? '' : ' · '}${part}`)}</p>
`;
}
