import { html } from 'hono/html';
import { paths } from '../content/paths';
import { feedLinks } from './feeds';
import type { ViewContext } from './format';

/**
 * Where the OpenAPI description is served (scripts/build/openapi/); null would leave it out of
 * the footer, for a build that does not publish one, so that no page links a 404.
 */
export const OPENAPI_DESCRIPTION: string | null = paths.openapi;

/**
 * The site footer on every page: for readers, the site's pages (About, Corrections…) and its feeds;
 * for developers, on a line of its own, the API and its description.
 */
export function siteFooter(context: ViewContext) {
  const { site } = context;
  const readers = [...site.footer, ...feedLinks(site.name).map(({ label, href }) => ({ title: label, url: href }))];
  const developers = [{ title: 'JSON API', url: paths.apiArticles }, ...(OPENAPI_DESCRIPTION === null ? [] : [{ title: 'OpenAPI', url: OPENAPI_DESCRIPTION }])];
  return html`<footer class="site">
<p class="name">${site.name}</p>
<ul aria-label="About this site and its feeds">
${readers.map(({ title, url }) => html`<li><a href="${url}">${title}</a></li>
`)}</ul>
<p class="developers">For developers: ${developers.map(({ title, url }, index) => html`${index === 0 ? '' : ' · '}<a href="${url}">${title}</a>`)}</p>
</footer>`;
}
