import { html } from 'hono/html';
import { paths } from '../content/paths';
import { essence, MEDIA_TYPES } from '../http/media-types';
import { feedLinks, type FeedLink } from './feeds';
import { siteFooter } from './footer';
import type { ViewContext } from './format';
import { devNotice } from './notice';

/** What every page's `<head>` needs. URLs are absolute where the web needs them to be (canonical). */
export interface PageMeta {
  title: string;
  description: string;
  lang: string;
  /** Absolute canonical URL, or null for pages that have none (404). */
  canonical: string | null;
  /** Alternate representations of this page: `[type, href]`, with a title where it helps (oEmbed's). */
  alternates: readonly (readonly [type: string, href: string, title?: string])[];
  /** A tag page: its feeds are discovered besides the site's. */
  tag?: string | undefined;
  /** Another page's own feeds (an author's), discovered besides the site's. */
  feeds?: readonly FeedLink[];
  /** More of the page's own `<head>`: social cards, structured data. */
  head?: unknown;
  /** A section's page: its link in the masthead is marked as the current page. */
  section?: string | undefined;
}

/** The HTML document around a page's main content: site header, dev notice, footer. */
export function layout(meta: PageMeta, context: ViewContext, main: unknown) {
  const feeds = [...feedLinks(context.siteName), ...(meta.tag === undefined ? [] : feedLinks(context.siteName, meta.tag)), ...(meta.feeds ?? [])];
  return html`<!doctype html>
<html lang="${meta.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
${meta.canonical === null ? '' : html`<link rel="canonical" href="${meta.canonical}">
`}${meta.alternates.map(([type, href, title]) => html`<link rel="alternate" type="${type}" href="${href}"${title === undefined ? '' : html` title="${title}"`}>
`)}${feeds.map(({ type, title, href }) => html`<link rel="alternate" type="${type}" title="${title}" href="${href}">
`)}<link rel="stylesheet" href="${context.stylesheet}">
<link rel="icon" type="image/svg+xml" href="${context.favicon}">
<link rel="search" type="${essence(MEDIA_TYPES.openSearch)}" title="${context.siteName}" href="${paths.openSearch}">
${meta.head ?? ''}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
${masthead(context, meta.section)}
<main id="main">
${context.notice === undefined ? '' : devNotice(context.notice)}${main}
</main>
${siteFooter(context)}
</body>
</html>
`;
}

/**
 * The masthead: the logo (or the name) linking home, the tagline, the search form (a plain GET
 * to /search: it works without script), and the sections as navigation, the section shown marked
 * as the current page (`aria-current`, WAI-ARIA 1.2 §6.7).
 */
function masthead({ site }: ViewContext, current: string | undefined) {
  const brand = site.logo === null ? site.name : html`<img src="${site.logo.src}" width="${site.logo.width}" height="${site.logo.height}" alt="${site.name}">`;
  return html`<header class="site">
<p class="brand"><a href="${paths.home}">${brand}</a></p>
${site.tagline === null ? '' : html`<p class="tagline">${site.tagline}</p>
`}<form class="site-search" role="search" action="${paths.search}" method="get" aria-label="Search the site"><label class="visually-hidden" for="site-q">Search articles</label><input type="search" id="site-q" name="q" maxlength="200" enterkeyhint="search"><button type="submit">Search</button></form>
${site.sections.length === 0 ? '' : html`<nav aria-label="Sections"><ul>
${site.sections.map(({ slug, title }) => html`<li><a href="${paths.section(slug)}"${slug === current ? html` aria-current="page"` : ''}>${title}</a></li>
`)}</ul></nav>
`}</header>`;
}
