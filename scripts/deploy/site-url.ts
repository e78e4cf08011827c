/**
 * The SITE_URL a deploy accepts: the public https: origin readers reach the site at. Every
 * canonical link, feed entry, sitemap URL and oEmbed answer starts with it, and the edge caches
 * them: a local address (the dev default) points readers at their own machine, and http: at a
 * downgradable copy of the site.
 */
import { parseSiteUrl } from '../../src/config/site-url';

export const DEPLOY_RULE = "must be the site's public https: origin to deploy, such as https://news.example.com";

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

/** Why `value` cannot be deployed (`it is …`), or null when it can. */
function refusal(value: string | undefined): string | null {
  const site = parseSiteUrl(value);
  if (!site.ok) return value === undefined ? 'not set' : value.trim() === '' ? 'empty' : JSON.stringify(value);
  const url = new URL(site.origin);
  if (isLocalHost(url.hostname)) return `${JSON.stringify(value)}, a local address`;
  return url.protocol === 'https:' ? null : `${JSON.stringify(value)}, not https:`;
}

/** What to do about it, when the place it was read from says more than the rule. */
function advice({ where, value, environment }: SiteUrlSetting): string {
  if (where === '--var') return '';
  if (environment === undefined) return ' Pass --env production to deploy with [env.production.vars], or set SITE_URL in [vars].';
  return value === undefined ? ` An environment does not inherit [vars]: set SITE_URL in [env.${environment}.vars].` : '';
}

/** The one line that stops a deploy with this SITE_URL, or null when it may go ahead. */
export function deploySiteUrlProblem(setting: SiteUrlSetting): string | null {
  const got = refusal(setting.value);
  return got === null ? null : `${setting.where} SITE_URL ${DEPLOY_RULE}; it is ${got}.${advice(setting)}`;
}
