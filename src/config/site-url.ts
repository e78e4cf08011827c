/**
 * SITE_URL, the public origin every absolute URL starts with. One pure check shared by the Worker
 * (a bad value answers every request with a 503 naming the setting), `npm run dev` and the tests
 * (a bad value stops them at startup with one line).
 */

export const SITE_URL_RULE = 'must be an absolute http: or https: origin, such as https://news.example.com';

/** The origin SITE_URL names (`scheme://host[:port]`, no trailing slash), or why it names none. */
export function parseSiteUrl(value: unknown): { ok: true; origin: string } | { ok: false; message: string } {
  const fail = (got: string) => ({ ok: false as const, message: `SITE_URL ${SITE_URL_RULE}; it is ${got}` });
  if (typeof value !== 'string' || value.trim() === '') return fail(value === undefined ? 'not set' : 'empty');
  const url = URL.parse(value);
  // A path, query, fragment or credentials would be dropped or leak into every URL: refuse them.
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.host === '' || url.username !== '' || url.password !== '' || !/^\/?$/.test(url.pathname) || url.search !== '' || url.hash !== '') {
    return fail(JSON.stringify(value));
  }
  return { ok: true, origin: url.origin };
}
