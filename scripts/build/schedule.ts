/**
 * Scheduled and embargoed articles (issue 19): an article goes live at its release, the later of
 * its `datePublished` and its `embargo`. A production build knows every release still to come, so
 * it makes one edition of the index per release (represent.ts): the Worker serves the edition its
 * clock is in, and until then the article is in no edition at all. Instants are RFC 3339 UTC
 * (isoInstant), so they order as text.
 */

/** What deciding an article's release needs. */
export interface Releasable {
  article: { slug: string; datePublished: string };
  frontMatter: { embargo?: string | undefined };
}

/** When the article goes live: its datePublished, or its embargo when that is later. */
export function releaseOf({ article, frontMatter }: Releasable): string {
  const { embargo } = frontMatter;
  return embargo !== undefined && embargo > article.datePublished ? embargo : article.datePublished;
}

/** The articles not live at `now` (milliseconds since the epoch), by slug, with when they go live. */
export function scheduleOf(articles: readonly Releasable[], now: number): Map<string, string> {
  const schedule = new Map<string, string>();
  for (const article of articles) {
    const release = releaseOf(article);
    if (Date.parse(release) > now) schedule.set(article.article.slug, release);
  }
  return schedule;
}

/** The instants at which what is served changes: each release still to come, once, in order. */
export function instantsOf(schedule: ReadonlyMap<string, string>): string[] {
  return [...new Set(schedule.values())].sort();
}

/** Whether the article `slug` is live at `instant` (an edition's start; undefined: before the first). */
export function liveAt(schedule: ReadonlyMap<string, string>, slug: string, instant: string | undefined): boolean {
  const release = schedule.get(slug);
  return release === undefined || (instant !== undefined && release <= instant);
}

/** An RFC 3339 instant as milliseconds since the epoch (EDGEWIRE_NOW: a build as of then), or null when it is not one. */
export function readInstant(text: string): number | null {
  const at = Date.parse(text);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(at) ? at : null;
}
