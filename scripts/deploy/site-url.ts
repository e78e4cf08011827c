/**
 * The SITE_URL a deploy accepts: the public https: origin readers reach the site at. Every
 * canonical link, feed entry, sitemap URL and oEmbed answer starts with it, and the edge caches
 * them: a local address (the dev default) points readers at their own machine, http: at a
 * downgradable copy of the site, and an example name (wrangler.toml's placeholder) at nobody's.
 */
import { parseSiteUrl } from '../../src/config/site-url';

export const DEPLOY_RULE = "must be the site's own public https: origin to deploy, such as https://news.<your domain>";

/** Where a SITE_URL was set and what it is (undefined: not set), as site-config.ts reads it. */
export interface SiteUrlSetting {
  /** `--var`, or the file and its table: `wrangler.toml: [env.production.vars]`. */
  where: string;
  value: string | undefined;
  /** The environment the setting belongs to; undefined: the top level. */
  environment: string | undefined;
}

/**
 * Names that reach only the machine itself: localhost and *.localhost (RFC 6761 §6.3), the IPv4
 * loopback block 127.0.0.0/8 (RFC 1122 §3.2.1.3), ::1 (RFC 4291 §2.5.3), and the unspecified
 * addresses, which browsers send to the machine too.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || ['[::1]', '0.0.0.0', '[::]'].includes(host);
}

/**
 * Names no site of a newsroom can have: those kept for examples and tests (RFC 2606: example.com,
 * .net and .org, and the top-level names .example, .test and .invalid). wrangler.toml's
 * production SITE_URL is such a placeholder until a newsroom sets its own domain.
 */
export function isReservedName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return /(?:^|\.)example\.(?:com|net|org)$/.test(host) || /\.(?:example|test|invalid)$/.test(host) || ['example', 'test', 'invalid'].includes(host);
}

/** Why `value` cannot be deployed (`it is …`), or null when it can; a dry run uploads nothing, so a placeholder name is fine there. */
function refusal(value: string | undefined, dryRun: boolean): string | null {
  const site = parseSiteUrl(value);
  if (!site.ok) return value === undefined ? 'not set' : value.trim() === '' ? 'empty' : JSON.stringify(value);
  const url = new URL(site.origin);
  if (isLocalHost(url.hostname)) return `${JSON.stringify(value)}, a local address`;
  if (url.protocol !== 'https:') return `${JSON.stringify(value)}, not https:`;
  return isReservedName(url.hostname) && !dryRun ? `${JSON.stringify(value)}, a name kept for examples (RFC 2606): set your own domain (a --dry-run takes it)` : null;
}

/** What to do about it, when the place it was read from says more than the rule. */
function advice({ where, value, environment }: SiteUrlSetting): string {
  if (where === '--var') return '';
  if (environment === undefined) return ' Pass --env production to deploy with [env.production.vars], or set SITE_URL in [vars].';
  return value === undefined ? ` An environment does not inherit [vars]: set SITE_URL in [env.${environment}.vars].` : '';
}

/** The one line that stops a deploy with this SITE_URL, or null when it may go ahead (`dryRun`: `wrangler deploy --dry-run`, which uploads nothing). */
export function deploySiteUrlProblem(setting: SiteUrlSetting, dryRun = false): string | null {
  const got = refusal(setting.value, dryRun);
  return got === null ? null : `${setting.where} SITE_URL ${DEPLOY_RULE}; it is ${got}.${advice(setting)}`;
}
