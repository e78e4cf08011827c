import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { articleList, pageLinks, type Paging } from './article-list';
import type { ViewContext } from './format';
import { layout } from './layout';
import { webSiteData } from './structured-data';
import { trustedJsonLd } from './trusted';

/** Where one home page sits among all of them (1-based). */
export type HomePaging = Paging;

/** A page of the home page: articles newest first, with links to newer and older pages; page 1 describes the site (WebSite JSON-LD). */
export function indexPage(summaries: readonly ArticleSummary[], paging: HomePaging, context: ViewContext & { canonical: string }) {
  const main = html`<h1>${paging.page === 1 ? 'Latest articles' : `Articles, page ${paging.page} of ${paging.pages}`}</h1>
${articleList(summaries)}${pageLinks(paging, paths.homePage)}`;
  const description = `Latest articles from ${context.siteName}.`;
  const meta = {
    title: paging.page === 1 ? context.siteName : `Page ${paging.page} · ${context.siteName}`,
    description,
    lang: 'en',
    canonical: context.canonical,
    alternates: [['application/json', paths.apiArticles]] as const,
    head: paging.page === 1 ? html`${trustedJsonLd(webSiteData(context.siteName, description, 'en'))}
` : '',
  };
  return layout(meta, context, main);
}
