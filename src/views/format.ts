import type { DevNotice } from './notice';

/** What the build tells every view besides its own data. */
export interface ViewContext {
  /** URL of the content-hashed stylesheet. */
  stylesheet: string;
  /** URL of the content-hashed SVG favicon. */
  favicon: string;
  siteName: string;
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

/** The reading time as the pages show it: "2 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
