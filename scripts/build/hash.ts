import { createHash } from 'node:crypto';

/** A short, URL-safe SHA-256 of exact bytes, used for ETags and file names. */
export function contentHash(...bodies: readonly string[]): string {
  const hash = createHash('sha256');
  for (const body of bodies) hash.update(body).update('\0');
  return hash.digest('base64url').slice(0, 22);
}
