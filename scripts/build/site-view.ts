import { paths } from '../../src/content/paths';
import type { SiteView } from '../../src/views/format';
import type { Newsroom } from './index';

/**
 * The site as the pages show it, from site.yml: the locale defaults to the language, the footer to
 * the static pages (by title) and the corrections page.
 */
export function siteView({ site, pages }: Pick<Newsroom, 'site' | 'pages'>, logoSrc: string | null): SiteView {
  const { settings, logo } = site;
  const defaultFooter = [...pages.map(({ name, data }) => ({ title: data.title, url: paths.page(name) })).sort((a, b) => (a.title < b.title ? -1 : 1)), { title: 'Corrections', url: paths.corrections }];
  return {
    name: settings.name,
    tagline: settings.tagline ?? null,
    language: settings.language,
    locale: settings.locale ?? settings.language,
    timeZone: settings.timeZone,
    logo: logo === null || logoSrc === null ? null : { src: logoSrc, width: logo.width, height: logo.height },
    sections: settings.sections.map(({ slug, title }) => ({ slug, title })),
    footer: settings.footer ?? defaultFooter,
    sameAs: settings.sameAs,
  };
}
