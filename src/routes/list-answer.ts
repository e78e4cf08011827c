import { paths } from '../content/paths';
import { sha256Base64url } from '../http/digest';
import type { InvalidParameter } from '../http/problem';
import type { Edition } from '../store';
import type { BodySource } from '../store/bodies';
import { keepBounded } from '../store/keep';
import { listPage } from './list-page';
import { listSearch, parseListQuery, type ListQuery } from './paging';

/** What `GET /api/articles?…` answers: a page of the list, or a problem (400, 404). */
export type ListAnswer =
  /** `key` names the page's fields besides its ETag: the origin and the normalised query (respond.ts `Delivery.key`). */
  | { ok: true; bytes: Uint8Array; etag: string; links: string; key: string }
  | { ok: false; status: 400; detail: string; errors: InvalidParameter[] }
  | { ok: false; status: 404; detail: string };

const UTF8 = new TextEncoder();
/** Distinct list URLs kept per isolate: a page is 10–70 KB of JSON, so at most some 4 MB. */
const LIMIT = 64;
// Finished values only: a pending digest is not shared between requests.
const answers = new Map<string, ListAnswer>();

/**
 * The answer for the query string `search` on `origin` in the edition `content`, made once and
 * kept: the same query on the same edition of a deployment always has the same bytes, ETag and links.
 */
export function listAnswer(search: string, origin: string, content: Edition, source: BodySource): ListAnswer | Promise<ListAnswer> {
  const key = `${content.name} ${origin} ${search}`;
  return answers.get(key) ?? makeAnswer(search, origin, content, source).then((answer) => keepBounded(answers, LIMIT, key, answer));
}

async function makeAnswer(search: string, origin: string, content: Edition, source: BodySource): Promise<ListAnswer> {
  const parsed = parseListQuery(new URLSearchParams(search));
  if (!parsed.ok) return { ok: false, status: 400, detail: 'The list query is not valid.', errors: parsed.errors };
  const { query } = parsed;
  const page = await listPage(query, origin, content, source);
  if (!page.ok) return { ok: false, status: 404, detail: page.detail };
  const { body, pages } = page;
  return { ok: true, bytes: UTF8.encode(body), etag: `"${await sha256Base64url(body, 22)}"`, links: pageLinks(origin, query, pages), key: `${origin}${listSearch(query)}` };
}

/** RFC 8288 links to the neighbouring pages, keeping the limit and tag. */
function pageLinks(origin: string, query: ListQuery, pages: number): string {
  const link = (page: number, rel: string) => `<${origin}${paths.apiArticles}${listSearch({ ...query, page })}>; rel="${rel}"`;
  const links = [link(1, 'first')];
  if (query.page > 1) links.push(link(query.page - 1, 'prev'));
  if (query.page < pages) links.push(link(query.page + 1, 'next'));
  links.push(link(pages, 'last'));
  return links.join(', ');
}
