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

const cache = new Map<string, Promise<Origin>>();

/** Resolves SITE_URL to an origin; throws at first use when the configuration is not a URL. */
export function resolveOrigin(siteUrl: string): Promise<Origin> {
  let origin = cache.get(siteUrl);
  if (origin === undefined) {
    origin = hashOrigin(new URL(siteUrl).origin);
    cache.set(siteUrl, origin);
  }
  return origin;
}

async function hashOrigin(url: string): Promise<Origin> {
  return { url, tag: await sha256Base64url(url, 8) };
}
