import { parseAccept } from 'hono/utils/accept';

/**
 * Proactive negotiation on media type (RFC 9110 §12.5.1). Each available type takes the q of the
 * most specific range that matches it (type/subtype > type/* > *\/*); the highest q wins, ties go
 * to the server's order. No Accept field means anything is acceptable. Null: nothing acceptable.
 */
export function negotiateMediaType(accept: string | null, available: readonly string[]): string | null {
  if (accept === null || accept.trim() === '') return available[0] ?? null;
  const ranges = parseAccept(accept).map((range) => ({ type: range.type.toLowerCase(), q: range.q }));
  let best: { type: string; q: number } | null = null;
  for (const type of available) {
    const q = qualityOf(type, ranges);
    if (q > 0 && (best === null || q > best.q)) best = { type, q };
  }
  return best?.type ?? null;
}

function qualityOf(type: string, ranges: readonly { type: string; q: number }[]): number {
  const major = `${type.split('/')[0]}/*`;
  for (const candidate of [type, major, '*/*']) {
    const range = ranges.find((r) => r.type === candidate);
    if (range !== undefined) return range.q;
  }
  return 0;
}
