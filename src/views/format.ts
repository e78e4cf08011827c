/** What the build tells every view besides its own data. */
export interface ViewContext {
  /** URL of the content-hashed stylesheet. */
  stylesheet: string;
  siteName: string;
}

/** A date as a reader of `lang` writes it (in UTC, so the build's time zone never matters). */
export function formatDate(instant: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(instant));
}
