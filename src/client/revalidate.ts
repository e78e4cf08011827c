/** What the client calls to send a request: `fetch`, or a caller's stand-in (a service binding's). */
export type Fetch = (request: Request) => Promise<Response>;

/** The last 200 with an ETag for one URL: what a 304 for that URL stands for. */
interface Stored {
  etag: string;
  body: string;
  status: number;
  headers: Headers;
}

/**
 * A fetch that revalidates: a GET for a URL whose last 200 carried an ETag sends that ETag in
 * If-None-Match, and a 304 is answered with the stored response, its headers updated from the
 * 304's (RFC 9111 §4.3.4), so callers always get a 200 with a body. One response is kept per URL
 * (the newest); the API's bodies are text (JSON, HTML, Markdown, XML), so they are kept as text.
 * A request that names its own If-None-Match is the caller's business and is passed through.
 */
export function revalidating(fetch: Fetch): Fetch {
  const stored = new Map<string, Stored>();
  return async function revalidatingFetch(request) {
    if (request.method !== 'GET' || request.headers.has('If-None-Match')) return fetch(request);
    const previous = stored.get(request.url);
    const response = await fetch(previous === undefined ? request : conditional(request, previous.etag));
    if (response.status === 304 && previous !== undefined) return replay(stored, request.url, previous, response);
    const etag = response.headers.get('ETag');
    if (response.status !== 200 || etag === null) return response;
    stored.set(request.url, { etag, body: await response.clone().text(), status: response.status, headers: new Headers(response.headers) });
    return response;
  };
}

function conditional(request: Request, etag: string): Request {
  const headers = new Headers(request.headers);
  headers.set('If-None-Match', etag);
  return new Request(request, { headers });
}

function replay(stored: Map<string, Stored>, url: string, previous: Stored, notModified: Response): Response {
  const headers = new Headers(previous.headers);
  notModified.headers.forEach((value, name) => headers.set(name, value));
  stored.set(url, { ...previous, headers });
  return new Response(previous.body, { status: previous.status, headers });
}
