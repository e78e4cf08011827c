import { contentSecurityPolicy, type HtmlKind } from './headers';
import { cacheControl, type ResponseKind } from './policy';
import { evaluatePreconditions, type Validators } from './preconditions';

const UTF8 = new TextEncoder();

/** A representation ready to send: its validators, and its exact body or how to read it. */
export interface Entity extends Validators {
  /** Read only when the response has a body: a 304 or 412 never reads it. */
  body: string | (() => Promise<Uint8Array>);
  contentType: string;
}

/** How the response is cached and purged. */
export interface Delivery {
  kind: ResponseKind;
  /** Cache-Tag values: purge handles for the edge. */
  tags?: readonly string[];
  status?: number;
  /** Fields a 304 must repeat too (RFC 9110 §15.4.5): Vary, Content-Location. */
  headers?: Readonly<Record<string, string>>;
  /** HTML other than a page (an embed card): its CSP goes with the content, never on a 304. */
  html?: HtmlKind;
}

/** Reads the conditional request headers (RFC 9110 §13.1). */
function conditionalHeaders(request: Request) {
  return {
    ifMatch: request.headers.get('If-Match'),
    ifNoneMatch: request.headers.get('If-None-Match'),
    ifModifiedSince: request.headers.get('If-Modified-Since'),
    ifUnmodifiedSince: request.headers.get('If-Unmodified-Since'),
  };
}

/**
 * The one place a representation becomes a Response: caching headers from the policy table,
 * validators, and the conditional request outcome (304 / 412).
 */
export async function sendEntity(request: Request, entity: Entity, delivery: Delivery): Promise<Response> {
  const headers = new Headers({ 'Cache-Control': cacheControl(delivery.kind), ETag: entity.etag });
  if (delivery.tags !== undefined && delivery.tags.length > 0) headers.set('Cache-Tag', delivery.tags.join(','));
  for (const [name, value] of Object.entries(delivery.headers ?? {})) headers.set(name, value);
  const status = delivery.status ?? 200;
  const outcome = status === 200 ? evaluatePreconditions(conditionalHeaders(request), entity) : 'proceed';
  // RFC 9110 §15.4.5: a 304 carries the validators and caching fields a 200 would, no content metadata.
  if (outcome === 'not-modified') return new Response(null, { status: 304, headers });
  if (outcome === 'precondition-failed') return new Response(null, { status: 412, headers: { 'Cache-Control': cacheControl('clientError') } });
  headers.set('Content-Type', entity.contentType);
  if (delivery.html !== undefined) headers.set('Content-Security-Policy', contentSecurityPolicy(delivery.html));
  if (entity.lastModified !== undefined) headers.set('Last-Modified', entity.lastModified);
  // Bytes, so Content-Length is exact and HEAD (served by Hono from GET) keeps it.
  const bytes = typeof entity.body === 'string' ? UTF8.encode(entity.body) : await entity.body();
  headers.set('Content-Length', String(bytes.byteLength));
  return new Response(bytes, { status, headers });
}
