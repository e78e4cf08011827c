import { paths } from '../content/paths';

/**
 * The `Link` field (RFC 8288) as data: a resource's canonical URL and its other representations.
 * Pure functions of the origin and paths, so a route can make each field once and keep it.
 */

/** One link (RFC 8288 §3): target, relation type, and the media type for an alternate. */
export interface LinkTarget {
  href: string;
  rel: string;
  type?: string;
}

/** A representation of a resource: its media type (no parameters) and its own path. */
export interface RepresentationPath {
  type: string;
  path: string;
}

/** The field value: `<href>; rel="…"; type="…"`, comma-separated (RFC 8288 §3, §3.3, §3.4.1). */
export function linkField(targets: readonly LinkTarget[]): string {
  return targets.map(({ href, rel, type }) => `<${href}>; rel="${rel}"${type === undefined ? '' : `; type="${type}"`}`).join(', ');
}

/**
 * The Link field of one representation: `rel="canonical"` (RFC 6596) to the page, then
 * `rel="alternate"` with `type` to every other representation, as absolute URLs on `origin`, then
 * `more` (oEmbed discovery, say).
 */
export function representationLinks(origin: string, canonicalPath: string, representations: readonly RepresentationPath[], current: string, more: readonly LinkTarget[] = []): string {
  const alternates = representations.filter(({ type }) => type !== current).map(({ type, path }) => ({ href: `${origin}${path}`, rel: 'alternate', type }));
  return linkField([{ href: `${origin}${canonicalPath}`, rel: 'canonical' }, ...alternates, ...more]);
}

/**
 * Links by path prefix, as data: every response under /api/ (lists, articles, problems, 304s)
 * names the API's OpenAPI description (RFC 8631 `service-desc`). The target is relative
 * (RFC 8288 §3.1: resolved against the request's URL, which serves the same document), so each
 * field is one constant, made at load, and holds even on the 503 sent before SITE_URL is known.
 */
export const PREFIX_LINKS: readonly { prefix: string; field: string }[] = [{ prefix: '/api/', field: linkField([{ href: paths.openapi, rel: 'service-desc' }]) }];

/** The Link field the path prefixes of `pathname` add, '' when none. */
export function prefixLinks(pathname: string): string {
  let fields = '';
  for (const { prefix, field } of PREFIX_LINKS) if (pathname.startsWith(prefix)) fields = fields === '' ? field : `${fields}, ${field}`;
  return fields;
}

/** Appends the prefix links that apply to `pathname` after any Link the route set (RFC 9110 §5.3: one list). */
export function appendPrefixLinks(headers: Headers, pathname: string): void {
  const field = prefixLinks(pathname);
  if (field === '') return;
  const current = headers.get('Link');
  headers.set('Link', current === null || current === '' ? field : `${current}, ${field}`);
}
