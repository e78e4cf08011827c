import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { MEDIA_TYPES } from '../http/media-types';
import { cacheTags } from '../http/policy';
import { buildId, findArticleIgnoringCase } from '../store';
import { redirect } from './article-page';
import { notFoundPage } from './not-found';
import { sendStored } from './stored';

/**
 * `/articles/:slug/embed`: the article's pre-rendered embed card, cached like the article, with
 * the CSP that lets any site frame it. A mixed-case slug is redirected to its canonical spelling.
 */
export function embedRoute(c: Context<AppEnv>): Response | Promise<Response> {
  const slug = c.req.param('slug') ?? '';
  const article = findArticleIgnoringCase(slug);
  if (article === undefined) return notFoundPage(c);
  if (article.slug !== slug) return redirect(paths.articleEmbed(article.slug));
  const delivery = { kind: 'article', tags: cacheTags.article(article.slug, buildId), html: 'embed' } as const;
  return sendStored(c, article.embed, { contentType: MEDIA_TYPES.html, lastModified: article.lastModified }, delivery);
}
