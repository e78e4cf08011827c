import { html } from 'hono/html';
import { paths } from '../content/paths';
import { devNotice, type DevNotice } from './notice';

/** What every page's `<head>` needs. URLs are absolute where the web needs them to be (canonical). */
export interface PageMeta {
  title: string;
  description: string;
  lang: string;
  /** Absolute canonical URL, or null for pages that have none (404). */
  canonical: string | null;
  /** Alternate representations of this page: `[type, href]`. */
  alternates: readonly (readonly [type: string, href: string])[];
  stylesheet: string;
  siteName: string;
  /** Dev builds only: the content problems, listed above the page's own content. */
  notice?: DevNotice | undefined;
}

/** The HTML document around a page's main content. */
export function layout(meta: PageMeta, main: unknown) {
  return html`<!doctype html>
<html lang="${meta.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
${meta.canonical === null ? '' : html`<link rel="canonical" href="${meta.canonical}">
`}${meta.alternates.map(([type, href]) => html`<link rel="alternate" type="${type}" href="${href}">
`)}<link rel="stylesheet" href="${meta.stylesheet}">
</head>
<body>
<header class="site"><a href="${paths.home}">${meta.siteName}</a></header>
<main>
${meta.notice === undefined ? '' : devNotice(meta.notice)}${main}
</main>
</body>
</html>
`;
}
