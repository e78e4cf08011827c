/**
 * The routes under load, found on the running app: the newest article (first in the list), one
 * from the middle of the archive, the list, the front page, a 304 revalidation and a 404.
 */
import { z } from 'zod';
import { get, type Fetched } from './http';

export interface Route {
  /** Short name; also the floor's and nginx's path (`/<name>`). */
  name: string;
  label: string;
  path: string;
  headers: Record<string, string>;
  status: number;
  /** An article representation: the goal checks apply to it. */
  article: boolean;
}

/** A route with the app's answer to it (verified to have the expected status). */
export interface ProbedRoute extends Route {
  response: Fetched;
}

const HTML = { accept: 'text/html' };
/** The largest page the list API serves. */
const PAGE_LIMIT = 100;

const listPage = z.object({
  data: z.array(z.object({ slug: z.string() })).min(1),
  meta: z.object({ total: z.number().int().positive() }),
});

async function getList(port: number, path: string): Promise<z.infer<typeof listPage>> {
  const response = await get(port, path);
  if (response.status !== 200) throw new Error(`GET ${path}: expected 200, got ${response.status}`);
  return listPage.parse(JSON.parse(response.body.toString('utf8')));
}

/** The slugs of the newest article and of the one halfway down the list. */
async function findSlugs(port: number): Promise<{ newest: string; middle: string }> {
  const first = await getList(port, '/api/articles');
  const middleIndex = Math.floor(first.meta.total / 2);
  const page = await getList(port, `/api/articles?limit=${PAGE_LIMIT}&page=${Math.floor(middleIndex / PAGE_LIMIT) + 1}`);
  const middle = page.data[middleIndex % PAGE_LIMIT];
  if (middle === undefined) throw new Error(`article ${middleIndex} is missing from the list`);
  return { newest: first.data[0]!.slug, middle: middle.slug };
}

/** GETs a route and checks its status. */
async function probe(port: number, route: Route): Promise<ProbedRoute> {
  const response = await get(port, route.path, route.headers);
  if (response.status !== route.status) throw new Error(`${route.label}: GET ${route.path} answered ${response.status}, expected ${route.status}`);
  return { ...route, response };
}

/** Finds and probes the routes on the app at `port`. */
export async function discoverRoutes(port: number): Promise<ProbedRoute[]> {
  const { newest, middle } = await findSlugs(port);
  const articlePage = `/articles/${newest}`;
  const routes: Route[] = [
    { name: 'article-json', label: 'article JSON', path: `/api/articles/${newest}`, headers: {}, status: 200, article: true },
    { name: 'article-html', label: 'article HTML', path: articlePage, headers: HTML, status: 200, article: true },
  ];
  if (middle !== newest) {
    routes.push({ name: 'middle-json', label: 'middle article JSON', path: `/api/articles/${middle}`, headers: {}, status: 200, article: true });
  }
  const page = await probe(port, routes[1]!);
  const etag = page.response.headers.etag;
  if (etag === undefined) throw new Error(`GET ${articlePage} has no ETag`);
  routes.push(
    { name: 'list', label: 'list', path: '/api/articles', headers: {}, status: 200, article: false },
    { name: 'front-page', label: 'front page', path: '/', headers: HTML, status: 200, article: false },
    { name: 'revalidate', label: '304 revalidation', path: articlePage, headers: { ...HTML, 'if-none-match': etag }, status: 304, article: false },
    { name: 'not-found', label: '404', path: '/articles/no-such-article', headers: HTML, status: 404, article: false },
  );
  return Promise.all(routes.map((route) => probe(port, route)));
}

/** Checks that `other` (floor or nginx) answers `route` with the app's status, body size and Content-Type. */
export async function verifyMirror(port: number, path: string, route: ProbedRoute, who: string): Promise<void> {
  const response = await get(port, path, route.headers);
  const problems = [
    response.status !== route.response.status && `status ${response.status} ≠ ${route.response.status}`,
    response.body.byteLength !== route.response.body.byteLength && `body ${response.body.byteLength} B ≠ ${route.response.body.byteLength} B`,
    response.headers['content-type'] !== route.response.headers['content-type'] &&
      `Content-Type ${response.headers['content-type']} ≠ ${route.response.headers['content-type']}`,
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`${who} does not mirror the app for ${route.label}: ${problems.join('; ')}`);
}
