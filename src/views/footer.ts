import { html } from 'hono/html';
import { paths } from '../content/paths';
import { feedLinks } from './feeds';

/**
 * Where the OpenAPI description will be served. Null until the build publishes one, so that no
 * page links a 404; set it to the path then, and every page's footer links it.
 */
export const OPENAPI_DESCRIPTION: string | null = null;

/** The site footer on every page: the site's name, its feeds and its API. */
export function siteFooter(siteName: string) {
  const links = [
    ...feedLinks(siteName).map(({ label, href }) => ({ label, href })),
    { label: 'JSON API', href: paths.apiArticles },
    ...(OPENAPI_DESCRIPTION === null ? [] : [{ label: 'OpenAPI', href: OPENAPI_DESCRIPTION }]),
  ];
  return html`<footer class="site">
<p>${siteName}</p>
<ul aria-label="Feeds and API">
${links.map(({ label, href }) => html`<li><a href="${href}">${label}</a></li>
`)}</ul>
</footer>`;
}
