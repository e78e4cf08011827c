import { sha256Base64url } from '../http/digest';

/**
 * The public origin (SITE_URL) and the tag it adds to ETags. A body that names the origin differs
 * per origin, so its strong ETag must too: the build hashed the template, this hashes the origin,
 * once per isolate.
 */
export interface Origin {
  /** `scheme://host[:port]`, no trailing slash. */
  url: string;
  /** Short hash of `url`, appended to the ETags of bodies that contain it. */
  tag: string;
}

// Finished values only: a pending digest is not shared between requests.
const cache = new Map<string, Origin>();

/**
 * The origin `url` (validated SITE_URL, see config/) with its tag, hashed once per isolate: after
 * the first time a plain value, so a request that finds it awaits nothing.
 */
export function resolveOrigin(url: string): Origin | Promise<Origin> {
  return cache.get(url) ?? hashOrigin(url);
}

async function hashOrigin(url: string): Promise<Origin> {
  const origin = { url, tag: await sha256Base64url(url, 8) };
  cache.set(url, origin);
  return origin;
}
