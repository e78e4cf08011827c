import { paths, type FeedFormat } from '../content/paths';
import { essence, MEDIA_TYPES } from '../http/media-types';

/** Each feed format (a record, so a format added to paths must be named here): its name and bare media type. */
const FEED_FORMATS: Readonly<Record<FeedFormat, { label: string; type: string }>> = {
  rss: { label: 'RSS', type: essence(MEDIA_TYPES.rss) },
  atom: { label: 'Atom', type: essence(MEDIA_TYPES.atom) },
  json: { label: 'JSON Feed', type: essence(MEDIA_TYPES.jsonFeed) },
};

/** One feed as a page links to it. */
export interface FeedLink {
  label: string;
  /** For `<link rel="alternate">` autodiscovery: "edgewire — RSS", "edgewire — sahel — RSS". */
  title: string;
  type: string;
  href: string;
}

/** One feed in every format: `prefix` starts each title, `path` gives each format's URL. */
export function scopedFeedLinks(prefix: string, path: (format: FeedFormat) => string): FeedLink[] {
  return (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => {
    const { label, type } = FEED_FORMATS[format];
    return { label, title: `${prefix} — ${label}`, type, href: path(format) };
  });
}

/** The site's feeds, or one tag's feeds when `tag` is given, in every format. */
export function feedLinks(siteName: string, tag?: string): FeedLink[] {
  return scopedFeedLinks(tag === undefined ? siteName : `${siteName} — ${tag}`, (format) => paths.feed(format, tag));
}
