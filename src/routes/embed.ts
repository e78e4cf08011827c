import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { MEDIA_TYPES } from '../http/media-types';
import { cacheTags } from '../http/policy';
import { buildId } from '../store';
import { PAGE_MISSES, withArticle } from './slug';
import { sendStored } from './stored';

/**
 * `/articles/:slug/embed`: the article's pre-rendered embed card, cached like the article, with
 * the CSP that lets any site frame it. A mixed-case or former slug is redirected to the canonical one.
 */
export function embedRoute(c: Context<AppEnv>): Response | Promise<Response> {
  return withArticle(c, c.req.param('slug') ?? '', paths.articleEmbed, PAGE_MISSES, (article) => {
    const delivery = { kind: 'article', tags: cacheTags.article(article.slug, buildId), html: 'embed' } as const;
    return sendStored(c, article.embed, { contentType: MEDIA_TYPES.html, lastModified: article.lastModified }, delivery);
  });
}
