import { html } from 'hono/html';
import type { ViewContext } from './format';
import { layout } from './layout';
import { trustedArticleHtml } from './trusted';

/** A static page of the site (About, Contact, a corrections policy): its title and its Markdown, rendered. */
export function staticPage(page: { title: string; description: string; html: string }, context: ViewContext & { canonical: string }) {
  const main = html`<article class="page">
<h1>${page.title}</h1>
${trustedArticleHtml(page.html)}</article>`;
  const meta = { title: `${page.title} · ${context.site.name}`, description: page.description, lang: context.site.language, canonical: context.canonical, alternates: [] };
  return layout(meta, context, main);
}
