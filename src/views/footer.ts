import { html } from 'hono/html';
import { paths } from '../content/paths';
import { feedLinks } from './feeds';

/**
 * Where the OpenAPI description is served (scripts/build/openapi/); null would leave it out of
 * the footer, for a build that does not publish one, so that no page links a 404.
 */
export const OPENAPI_DESCRIPTION: string | null = paths.openapi;

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
