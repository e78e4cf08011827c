import { getPath } from 'hono/utils/url';
import { finish } from './complete';
import { httpDate } from './date';
import { applyCommonHeaders } from './headers';
import { applyHtmlHeaders, type HtmlKind } from './html-headers';
import { keptHeaders } from './header-sets';
import { appendPrefixLinks, prefixLinks } from './links';
import { cacheControl, type ResponseKind } from './policy';
import { evaluatePreconditions, type Validators } from './preconditions';

const UTF8 = new TextEncoder();

/** A representation ready to send: its validators, and its exact body or how to read it. */
export interface Entity extends Validators {
  /** Read only when the response has a body: a 304 or 412 never reads it. */
  body: string | Uint8Array | (() => Promise<Uint8Array>);
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
  /** HTML other than a page (an embed card): its fields (CSP…) go with the content, never on a 304. */
  html?: HtmlKind;
  /**
   * Set when the response's fields are a function of the entity's ETag and this key alone (a
   * pre-rendered representation): its header set is then made once and kept (header-sets.ts).
   */
  key?: string;
}

/** Reads the conditional request headers (RFC 9110 §13.1). */
function conditionalHeaders(request: Request) {
  const { headers } = request;
  return {
    ifMatch: headers.get('If-Match'),
    ifNoneMatch: headers.get('If-None-Match'),
    ifModifiedSince: headers.get('If-Modified-Since'),
    ifUnmodifiedSince: headers.get('If-Unmodified-Since'),
  };
}

/**
 * The one place a representation becomes a Response: caching headers from the policy table,
 * validators, the conditional request outcome (304 / 412), and the fields every response
 * carries: the response is complete (complete.ts).
 */
export function sendEntity(request: Request, entity: Entity, delivery: Delivery): Response | Promise<Response> {
  const status = delivery.status ?? 200;
  const outcome = status === 200 ? evaluatePreconditions(conditionalHeaders(request), entity) : 'proceed';
  if (outcome === 'precondition-failed') return finish(new Response(null, { status: 412, headers: { 'Cache-Control': cacheControl('clientError') } }), request, getPath(request));
  // RFC 9110 §15.4.5: a 304 carries the validators and caching fields a 200 would, no content metadata.
  if (outcome === 'not-modified') return new Response(null, { status: 304, headers: headerSet(request, entity, delivery, 304, 0) });
  const { body } = entity;
  if (typeof body === 'function') return body().then((bytes) => withBody(request, entity, delivery, status, bytes));
  return withBody(request, entity, delivery, status, typeof body === 'string' ? UTF8.encode(body) : body);
}

// Bytes, so Content-Length is exact and HEAD (served by Hono from GET) keeps it.
function withBody(request: Request, entity: Entity, delivery: Delivery, status: number, bytes: Uint8Array): Response {
  return new Response(bytes, { status, headers: headerSet(request, entity, delivery, status, bytes.byteLength) });
}

/** The response's complete header set: kept when the delivery has a key, else made for this response. */
function headerSet(request: Request, entity: Entity, delivery: Delivery, status: number, length: number): Headers {
  const date = httpDate();
  const https = request.url.startsWith('https:');
  const path = getPath(request);
  const make = () => makeHeaders(entity, delivery, status, length, { https, path, date: date.text });
  if (delivery.key === undefined) return make();
  // Everything the set depends on: status, scheme, the path's prefix links, the ETag (which names
  // the bytes, their origin and so their length) and the delivery's key.
  return keptHeaders(`${status} ${https} ${prefixLinks(path)} ${entity.etag} ${delivery.key}`, date, make);
}

function makeHeaders(entity: Entity, delivery: Delivery, status: number, length: number, target: { https: boolean; path: string; date: string }): Headers {
  const headers = new Headers({ 'Cache-Control': cacheControl(delivery.kind), ETag: entity.etag });
  if (delivery.tags !== undefined && delivery.tags.length > 0) headers.set('Cache-Tag', delivery.tags.join(','));
  for (const [name, value] of Object.entries(delivery.headers ?? {})) headers.set(name, value);
  if (status !== 304) {
    headers.set('Content-Type', entity.contentType);
    if (delivery.html !== undefined) applyHtmlHeaders(headers, delivery.html);
    if (entity.lastModified !== undefined) headers.set('Last-Modified', entity.lastModified);
    headers.set('Content-Length', String(length));
  }
  applyCommonHeaders(headers, target.https, target.date);
  appendPrefixLinks(headers, target.path);
  return headers;
}
