import { hash } from 'node:crypto';

/**
 * A short, URL-safe SHA-256 of exact bytes, used for ETags and file names: each body's UTF-8 bytes
 * followed by a NUL. One call with the bodies joined, not an update a body: a build hashes hundreds
 * of thousands of keys, and one call costs half as much (the same digest).
 */
export function contentHash(...bodies: readonly string[]): string {
  return hash('sha256', `${bodies.join('\0')}\0`, 'base64url').slice(0, 22);
}
