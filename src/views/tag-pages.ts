import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { articleList, pageLinks, type Paging } from './article-list';
import type { ViewContext } from './format';
import { layout } from './layout';

/** A page of one tag's articles, newest first; its feeds are discovered besides the site's. */
export function tagPage(tag: string, summaries: readonly ArticleSummary[], paging: Paging, context: ViewContext & { canonical: string }) {
  const main = html`<h1>${paging.page === 1 ? `Tagged “${tag}”` : `Tagged “${tag}”, page ${paging.page} of ${paging.pages}`}</h1>
${articleList(summaries)}${pageLinks(paging, (page) => paths.tag(tag, page))}`;
  const meta = {
    title: paging.page === 1 ? `${tag} · ${context.siteName}` : `${tag}, page ${paging.page} · ${context.siteName}`,
    description: `Articles tagged “${tag}” on ${context.siteName}.`,
    lang: 'en',
    canonical: context.canonical,
    alternates: [['application/json', `${paths.apiArticles}?tag=${tag}`]] as const,
    tag,
  };
  return layout(meta, context, main);
}

/** Every tag with how many articles carry it, each linking to its page. */
export function tagsPage(counts: readonly (readonly [tag: string, count: number])[], context: ViewContext & { canonical: string }) {
  const main = html`<h1>Tags</h1>
${counts.length === 0 ? html`<p>No tags yet.</p>` : html`<ul class="tag-index">
${counts.map(([tag, count]) => html`<li><a href="${paths.tag(tag)}">${tag}</a> · ${count === 1 ? '1 article' : `${count} articles`}</li>
`)}</ul>`}`;
  const meta = {
    title: `Tags · ${context.siteName}`,
    description: `Every tag on ${context.siteName}, with its number of articles.`,
    lang: 'en',
    canonical: context.canonical,
    alternates: [],
  };
  return layout(meta, context, main);
}
