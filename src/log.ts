/**
 * Structured logs for Workers Logs (`[observability]` in wrangler.toml): one JSON line per event,
 * naming what failed and the request it failed for, never article content.
 */

type Fields = Readonly<Record<string, string | number>>;

/** The id a reader can quote in a report: Cloudflare's `cf-ray`, else one made for this request. */
export function requestIdOf(request: Request): string {
  return request.headers.get('cf-ray') ?? crypto.randomUUID();
}

/** Writes one error line. */
export function logError(event: string, fields: Fields): void {
  console.error(JSON.stringify({ level: 'error', event, ...fields }));
}

const logged = new Set<string>();

/** Writes one error line per `key` per isolate: a fault that every request meets is told once. */
export function logErrorOnce(key: string, event: string, fields: Fields): void {
  if (logged.has(key)) return;
  logged.add(key);
  logError(event, fields);
}
