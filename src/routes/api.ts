import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { sha256Base64url } from '../http/digest';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { sendEntity } from '../http/respond';
import { buildId, findArticle } from '../store';
import { sendFormat } from './article-page';
import { listPage } from './list-page';
import { oembedRoute } from './oembed';
import { listSearch, parseListQuery, type ListQuery } from './paging';

const JSON_TYPE = 'application/json';

/** `/api/*`: articles as JSON for apps, sites and other Workers. */
export const api = new Hono<AppEnv>();

api.get('/api/articles', async (c) => {
  const url = new URL(c.req.url);
  const parsed = parseListQuery(url.searchParams);
  if (!parsed.ok) return problem(400, 'The list query is not valid.', url.pathname + url.search, { errors: parsed.errors });
  const { query } = parsed;
  const origin = c.get('origin');
  const page = listPage(query, origin.url);
  if (!page.ok) return problem(404, page.detail, url.pathname + url.search);
  const { body, pages } = page;
  const response = await sendEntity(c.req.raw, { body, contentType: JSON_TYPE, etag: `"${await sha256Base64url(body, 22)}"` }, { kind: 'list', tags: cacheTags.list(buildId) });
  const links = pageLinks(origin.url, query, pages);
  if (links !== '') response.headers.set('Link', links);
  return response;
});

api.get('/api/articles/:slug', (c) => {
  const article = findArticle(c.req.param('slug'));
  if (article === undefined) return problem(404, 'There is no article with this slug.', new URL(c.req.url).pathname);
  return sendFormat(c, article, 'json', false);
});

api.get(paths.oembed, oembedRoute);

/** RFC 8288 links to the neighbouring pages, keeping the limit and tag. */
function pageLinks(origin: string, query: ListQuery, pages: number): string {
  const link = (page: number, rel: string) => `<${origin}${paths.apiArticles}${listSearch({ ...query, page })}>; rel="${rel}"`;
  const links = [link(1, 'first')];
  if (query.page > 1) links.push(link(query.page - 1, 'prev'));
  if (query.page < pages) links.push(link(query.page + 1, 'next'));
  links.push(link(pages, 'last'));
  return links.join(', ');
}
