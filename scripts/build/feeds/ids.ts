import { createHash } from 'node:crypto';

/**
 * Entry and feed ids: name-based UUIDs (RFC 9562 §5.5, version 5), from the site's id (site.yml
 * `id`, never its name: a renamed site keeps its ids) and the article's slug. They stay the same from build to build and from one SITE_URL to another (an id
 * made from the URL would change when the site moves, and every reader would show the archive
 * again as new); they change only with the slug, as the article's URL does.
 */

/** edgewire's own namespace for these names (RFC 9562 §6.5). Never change it: every id would. */
export const ID_NAMESPACE = '3f6d9c52-8a1e-4b7e-9c0d-5e2a71b4c8f3';

/** The version-5 UUID of `name` in `namespace` (RFC 9562 §5.5: SHA-1 of namespace bytes + name). */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of an article in every feed (Atom id, RSS guid, JSON Feed id). */
export function articleId(siteId: string, slug: string): string {
  return `urn:uuid:${uuidV5(ID_NAMESPACE, `${siteId}/articles/${slug}`)}`;
}

/** The id of a feed (Atom's feed-level id): `scope` is '' for the site's, `tags/<tag>/` or `authors/<id>/`. */
export function feedId(siteId: string, scope = ''): string {
  return `urn:uuid:${uuidV5(ID_NAMESPACE, `${siteId}/${scope}feed`)}`;
}
