import { html } from 'hono/html';
import { paths } from '../content/paths';
import type { ViewContext } from './format';
import { layout } from './layout';

/** The page for a URL that names nothing here. */
export function notFoundPage(context: ViewContext) {
  const main = html`<h1>Page not found</h1>
<p>There is no page at this address. <a href="${paths.home}">See the latest articles</a>.</p>`;
  const meta = { title: `Page not found · ${context.siteName}`, description: 'There is no page at this address.', lang: 'en', canonical: null, alternates: [] };
  return layout(meta, context, main);
}
