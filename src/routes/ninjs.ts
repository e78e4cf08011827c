import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { Article } from '../content/article';
import { NINJS_MAPPING, NINJS_STANDARD, toNinjs } from '../content/ninjs';
import { paths } from '../content/paths';
import { cacheTags } from '../http/policy';
import { sendEntity } from '../http/respond';
import { buildId, etagOf, readBody, type StoredArticle } from '../store';
import { sent } from './handler';

const UTF8 = new TextDecoder();
const ENCODE = new TextEncoder();

/**
 * `/api/articles/:slug/ninjs`: the article as IPTC ninjs 3.1, made from its JSON body (the one
 * this isolate keeps, else its body file) when the response has a body. Validated and cached like
 * the article's JSON: its ETag is the JSON's with this mapping's version, so a 304 reads nothing.
 * `Link` names the article page and the schema the document follows (RFC 8288 `describedby`).
 */
export function sendNinjs(c: Context<AppEnv>, article: StoredArticle): Response | Promise<Response> {
  const { origin, bodyCacheBytes } = c.get('served');
  const json = etagOf(article.json, origin);
  const body = async () => {
    const { data } = JSON.parse(UTF8.decode(await readBody(article.json, origin, c.env.ASSETS, bodyCacheBytes))) as { data: Article };
    return ENCODE.encode(JSON.stringify(toNinjs(data, origin.url)));
  };
  const link = `<${origin.url}${paths.article(article.slug)}>; rel="canonical", <${NINJS_STANDARD.schema}>; rel="describedby"; type="application/schema+json"`;
  const entity = { body, contentType: 'application/json', etag: `${json.slice(0, -1)}-${NINJS_MAPPING}"`, lastModified: article.lastModified };
  return sent(c, sendEntity(c.req.raw, entity, { kind: 'article', tags: cacheTags.article(article.slug, buildId), headers: { Link: link }, key: 'ninjs' }));
}
