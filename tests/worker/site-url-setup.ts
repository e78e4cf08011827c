import { exitOnBadSiteUrl } from '../../scripts/site-config';

/** Vitest global setup: a bad SITE_URL stops the Worker tests at startup with one line. */
export default function checkSiteUrl(): void {
  exitOnBadSiteUrl(new URL('../../wrangler.toml', import.meta.url).pathname);
}
