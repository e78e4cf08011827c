import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { sendEntity } from '../http/respond';
import { buildId } from '../store';
import { sendFormat } from './article-page';
import { route, sent } from './handler';
import { listAnswer, type ListAnswer } from './list-answer';
import { sendNinjs } from './ninjs';
import { oembedRoute } from './oembed';
import { API_MISSES, withArticle } from './slug';

const JSON_TYPE = 'application/json';

/** `/api/*`: articles as JSON for apps, sites and other Workers. */
export const api = new Hono<AppEnv>();

api.get(
  '/api/articles',
  route((c) => {
    const url = c.req.url;
    const query = url.indexOf('?');
    const answer = listAnswer(query < 0 ? '' : url.slice(query), c.get('served').origin.url, c.get('content'), c.env.ASSETS);
    return answer instanceof Promise ? answer.then((made) => sendList(c, made)) : sendList(c, answer);
  }),
);

api.get(
  '/api/articles/:slug',
  route((c) => {
    return withArticle(c, c.req.param('slug') ?? '', paths.apiArticle, API_MISSES, (article) => sendFormat(c, article, 'json', false));
  }),
);

api.get(
  '/api/articles/:slug/ninjs',
  route((c) => withArticle(c, c.req.param('slug') ?? '', paths.apiArticleNinjs, API_MISSES, (article) => sendNinjs(c, article))),
);

api.get(paths.oembed, route(oembedRoute));

function sendList(c: Context<AppEnv>, answer: ListAnswer): Response | Promise<Response> {
  if (!answer.ok) {
    const url = new URL(c.req.url);
    const instance = url.pathname + url.search;
    return answer.status === 400 ? problem(400, answer.detail, instance, { errors: answer.errors }) : problem(404, answer.detail, instance);
  }
  const entity = { body: answer.bytes, contentType: JSON_TYPE, etag: answer.etag };
  return sent(c, sendEntity(c.req.raw, entity, { kind: 'list', tags: cacheTags.list(buildId), headers: { Link: answer.links }, key: answer.key }));
}
