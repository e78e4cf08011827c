/**
 * Conditional requests, RFC 9110 §13. Pure functions over request header values and the
 * selected representation's validators.
 */

/** The validators of the representation a GET or HEAD would send. */
export interface Validators {
  /** A strong entity tag, quoted: `"abc"`. */
  etag: string;
  /** An HTTP-date, or undefined when the resource has no meaningful modification time. */
  lastModified?: string | undefined;
}

export interface ConditionalHeaders {
  ifMatch: string | null;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  ifUnmodifiedSince: string | null;
}

/** What the conditions ask for: the normal response, a 304, or a 412. */
export type Outcome = 'proceed' | 'not-modified' | 'precondition-failed';

/** Splits an entity-tag list (`"a", W/"b"`) into its tags; `*` stays `*`. */
function entityTags(field: string): string[] {
  return field.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** If-None-Match uses weak comparison (§13.1.2): opaque tags equal, W/ ignored. */
function noneMatch(field: string, etag: string): boolean {
  // A revalidating cache sends back the one tag it holds: equal text is a match without parsing.
  if (field === etag) return false;
  return !entityTags(field).some((tag) => tag === '*' || opaque(tag) === etag);
}

/** If-Match uses strong comparison (§13.1.1): a weak tag never matches. */
function anyMatch(field: string, etag: string): boolean {
  return entityTags(field).some((tag) => tag === '*' || tag === etag);
}

function parseHttpDate(value: string | null): number | null {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

/** Evaluates the conditions in the order of RFC 9110 §13.2.2, for GET and HEAD. */
export function evaluatePreconditions(headers: ConditionalHeaders, validators: Validators): Outcome {
  // Most requests carry no condition: the representation's date is parsed only for a date condition.
  const lastModified = () => parseHttpDate(validators.lastModified ?? null);
  if (headers.ifMatch !== null) {
    if (!anyMatch(headers.ifMatch, validators.etag)) return 'precondition-failed';
  } else if (headers.ifUnmodifiedSince !== null) {
    const since = parseHttpDate(headers.ifUnmodifiedSince);
    const modified = lastModified();
    if (since !== null && modified !== null && modified > since) return 'precondition-failed';
  }
  if (headers.ifNoneMatch !== null) {
    return noneMatch(headers.ifNoneMatch, validators.etag) ? 'proceed' : 'not-modified';
  }
  if (headers.ifModifiedSince === null) return 'proceed';
  const since = parseHttpDate(headers.ifModifiedSince);
  const modified = lastModified();
  if (since !== null && modified !== null && modified <= since) return 'not-modified';
  return 'proceed';
}
