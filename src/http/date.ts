/**
 * The `Date` field (RFC 9110 §6.6.1): an HTTP-date has one-second resolution, so its text is made
 * once per second and shared by every response in that second, as nginx does with its cached time.
 * In a Worker the clock only moves between I/O, so all of one request sees one second.
 */

/** An IMF-fixdate and the second it names (a change tells a kept header set to refresh). */
export interface HttpDate {
  readonly second: number;
  readonly text: string;
}

let current: HttpDate = { second: Number.NaN, text: '' };

/** The current time as an HTTP-date: the same object for every call within one second. */
export function httpDate(now = Date.now()): HttpDate {
  const second = Math.floor(now / 1000);
  if (second !== current.second) current = { second, text: new Date(second * 1000).toUTCString() };
  return current;
}
