import type { DevNotice } from './notice';

/** A link the site's chrome shows: navigation, the footer. */
export interface NavLink {
  title: string;
  url: string;
}

/** The site as every page shows it (site.yml, resolved by the build). */
export interface SiteView {
  name: string;
  tagline: string | null;
  /** BCP 47: the pages' language. */
  language: string;
  /** BCP 47: how dates are written. */
  locale: string;
  /** IANA: the time zone dates are shown in. */
  timeZone: string;
  logo: { src: string; width: number; height: number } | null;
  /** The masthead's navigation: the sections, in site.yml's order. */
  sections: readonly { slug: string; title: string }[];
  /** The readers' footer: site.yml's links, else the static pages and the corrections page. */
  footer: readonly NavLink[];
  sameAs: readonly string[];
}

/** What the build tells every view besides its own data. */
/** Per article slug, the instants written with a time of day: a Map of Sets, or anything that answers the same two questions. */
export interface TimedInstants {
  get(slug: string): { has(instant: string): boolean } | undefined;
}

export interface ViewContext {
  /** URL of the content-hashed stylesheet. */
  stylesheet: string;
  /** URL of the content-hashed SVG favicon. */
  favicon: string;
  siteName: string;
  site: SiteView;
  /** Per article slug, the instants written with a time of day (others are shown as a date alone). */
  timed: TimedInstants;
  /** Content problems, shown on every page by dev builds only. */
  notice?: DevNotice;
}

/** One `make(lang)` per language, made on first use: Intl objects cost more to make than to use. */
export function perLanguage<T>(make: (lang: string) => T): (lang: string) => T {
  const made = new Map<string, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) {
      value = make(lang);
      made.set(lang, value);
    }
    return value;
  };
}

const dateFormat = perLanguage((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }));

/** A date as a reader of `lang` writes it (in UTC, so the build's time zone never matters). */
export function formatDate(instant: string, lang: string): string {
  return dateFormat(lang).format(new Date(instant));
}

const timeFormat = perLanguage((key) => {
  const [locale, timeZone] = key.split(' ') as [string, string];
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
});

/**
 * An instant as the site's readers read it: in the site's locale and time zone, with the time of
 * day and the zone when it was written with one ("December 5, 2026 at 9:30 PM CST"); a date
 * written alone is that day ("November 27, 2026"), whatever the zone.
 */
export function formatInstant(instant: string, timed: boolean, site: Pick<SiteView, 'locale' | 'timeZone'>): string {
  return timed ? timeFormat(`${site.locale} ${site.timeZone}`).format(new Date(instant)) : formatDate(instant, site.locale);
}

const dayFormat = perLanguage((key) => {
  const [locale, timeZone] = key.split(' ') as [string, string];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
});

/**
 * The day of an instant as the site's readers read it, without the time ("December 4, 2026"):
 * the day in the site's zone when the instant has a time of day (10 p.m. CST is already the next
 * day in UTC), else the day written.
 */
export function formatDay(instant: string, timed: boolean, site: Pick<SiteView, 'locale' | 'timeZone'>): string {
  return timed ? dayFormat(`${site.locale} ${site.timeZone}`).format(new Date(instant)) : formatDate(instant, site.locale);
}

/** `formatDay` for a date of the article `slug`. */
export function articleDay(instant: string, slug: string, context: Pick<ViewContext, 'site' | 'timed'>): string {
  return formatDay(instant, context.timed.get(slug)?.has(instant) ?? false, context.site);
}

/** `formatInstant` for a date of the article `slug`. */
export function articleDate(instant: string, slug: string, context: Pick<ViewContext, 'site' | 'timed'>): string {
  return formatInstant(instant, context.timed.get(slug)?.has(instant) ?? false, context.site);
}

/** The reading time as the pages show it: "2 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
