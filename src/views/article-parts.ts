import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { formatDate, formatReadingTime } from './format';

/** When it was published (and updated, if it was) and how long it takes to read. */
export function dateline(article: Pick<ArticleSummary, 'datePublished' | 'dateModified' | 'lang' | 'readingTimeMinutes'>) {
  const { datePublished, dateModified, lang } = article;
  return html`<p class="dateline"><time datetime="${datePublished}">${formatDate(datePublished, lang)}</time>${
    dateModified === null ? '' : html` · Updated <time datetime="${dateModified}">${formatDate(dateModified, lang)}</time>`
  } · ${formatReadingTime(article.readingTimeMinutes)}</p>`;
}

/** The article's tags, each linking to its tag page; nothing when it has none. */
export function tagList(tags: readonly string[]) {
  if (tags.length === 0) return '';
  return html`<ul class="tags" aria-label="Tags">${tags.map((tag) => html`<li><a href="${paths.tag(tag)}">${tag}</a></li>`)}</ul>`;
}

/** A person or organisation by name, linked when they have a URL. */
export function credit(named: { name: string; url?: string | undefined }) {
  return named.url === undefined ? named.name : html`<a href="${named.url}">${named.name}</a>`;
}
