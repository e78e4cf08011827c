import type { Env } from '../env';
import { logErrorOnce } from '../log';
import { parseSiteUrl } from './site-url';

/** The Worker's configuration, validated once per isolate from its vars. */
export interface Config {
  /** The public origin, from SITE_URL. */
  origin: string;
  /** Bytes of bodies each isolate keeps in memory (BODY_CACHE_BYTES; a quarter of an isolate's 128 MB by default). */
  bodyCacheBytes: number;
  /** A fixed clock (EDGEWIRE_NOW, milliseconds since the epoch): unset, each request's time. */
  clock: number | undefined;
}

/** A setting that stops the Worker from serving: each request gets a 503 naming it. */
export interface ConfigError {
  setting: string;
  message: string;
}

export const DEFAULT_BODY_CACHE_BYTES = 32 * 1024 * 1024;

/** An RFC 3339 date-time with its offset. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let resolved: { env: Env; siteUrl: unknown; bodyCacheBytes: unknown; now: unknown; config: Config | ConfigError } | undefined;

/** Validates the vars once per isolate: again only if a request brings other values. */
export function configOf(env: Env): Config | ConfigError {
  if (resolved === undefined || (resolved.env !== env && (resolved.siteUrl !== env.SITE_URL || resolved.bodyCacheBytes !== env.BODY_CACHE_BYTES || resolved.now !== env.EDGEWIRE_NOW))) {
    resolved = { env, siteUrl: env.SITE_URL, bodyCacheBytes: env.BODY_CACHE_BYTES, now: env.EDGEWIRE_NOW, config: validate(env) };
  }
  return resolved.config;
}

function validate(env: Env): Config | ConfigError {
  const site = parseSiteUrl(env.SITE_URL);
  if (!site.ok) return { setting: 'SITE_URL', message: site.message };
  const bytes = env.BODY_CACHE_BYTES === undefined ? DEFAULT_BODY_CACHE_BYTES : Number(env.BODY_CACHE_BYTES);
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    return { setting: 'BODY_CACHE_BYTES', message: `BODY_CACHE_BYTES must be a whole number of bytes; it is ${JSON.stringify(env.BODY_CACHE_BYTES)}` };
  }
  const clock = env.EDGEWIRE_NOW === undefined || env.EDGEWIRE_NOW === '' ? undefined : Date.parse(env.EDGEWIRE_NOW);
  if (clock !== undefined && (!RFC3339.test(env.EDGEWIRE_NOW!) || Number.isNaN(clock))) {
    return { setting: 'EDGEWIRE_NOW', message: `EDGEWIRE_NOW must be an RFC 3339 instant such as 2026-12-06T09:30:00Z; it is ${JSON.stringify(env.EDGEWIRE_NOW)}` };
  }
  return { origin: site.origin, bodyCacheBytes: bytes, clock };
}

export function isConfigError<T extends object>(config: T | ConfigError): config is ConfigError {
  return 'setting' in config;
}

/**
 * What every caller is told while a setting is bad: the 503's detail, the RPC error's message.
 * The operator is told once per isolate, in the log.
 */
export function refusal(error: ConfigError): string {
  logErrorOnce(`config:${error.message}`, 'config', { setting: error.setting, message: error.message });
  return `The server is misconfigured: ${error.message}.`;
}
