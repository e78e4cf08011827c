import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import type { Paging } from './article-list';
import type { ViewContext } from './format';
import { layout } from './layout';
import { listPage } from './list-page';

/** A page of one tag's articles, newest first; its feeds are discovered besides the site's. */
export function tagPage(tag: string, summaries: readonly ArticleSummary[], paging: Paging, context: ViewContext & { canonical: string }) {
  return listPage(summaries, paging, {
    heading: `Tagged “${tag}”`,
    title: tag,
    description: `Articles tagged “${tag}” on ${context.site.name}.`,
    href: (page) => paths.tag(tag, page),
    alternates: [['application/json', `${paths.apiArticles}?tag=${tag}`]],
    tag,
  }, context);
}

/** Every tag with how many articles carry it, each linking to its page. */
export function tagsPage(counts: readonly (readonly [tag: string, count: number])[], context: ViewContext & { canonical: string }) {
  const main = html`<h1>Tags</h1>
${counts.length === 0 ? html`<p>No tags yet.</p>` : html`<ul class="tag-index">
${counts.map(([tag, count]) => html`<li><a href="${paths.tag(tag)}">${tag}</a> · ${count === 1 ? '1 article' : `${count} articles`}</li>
`)}</ul>`}`;
  const meta = {
    title: `Tags · ${context.site.name}`,
    description: `Every tag on ${context.site.name}, with its number of articles.`,
    lang: context.site.language,
    canonical: context.canonical,
    alternates: [],
  };
  return layout(meta, context, main);
}
