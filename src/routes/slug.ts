import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { MEDIA_TYPES } from '../http/media-types';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { andThen, buildId, type SlugTarget, type StoredArticle } from '../store';
import { redirect } from './article-page';
import { notFoundPage } from './not-found';
import { sendStored } from './stored';

type Gone = Extract<SlugTarget, { kind: 'gone' }>;
type Answer = Response | Promise<Response>;

/** How a face of the site answers for a slug that names no live article: an HTML page, or a problem document. */
export interface Misses {
  notFound(c: Context<AppEnv>): Answer;
  gone(c: Context<AppEnv>, target: Gone): Answer;
}

/** The pages' answers: the HTML 404, and the withdrawn article's 410 page. */
export const PAGE_MISSES: Misses = {
  notFound: notFoundPage,
  gone: (c, { slug, gone }) => sendStored(c, gone.page, { contentType: MEDIA_TYPES.html }, { kind: 'gone', status: 410, tags: cacheTags.article(slug, buildId) }),
};

/** The API's answers: problem documents (RFC 9457), the 410's detail the editors' reason. */
export const API_MISSES: Misses = {
  notFound: (c) => problem(404, 'There is no article with this slug.', new URL(c.req.url).pathname),
  gone: (c, { gone }) => problem(410, `This article was withdrawn on ${gone.date}: ${gone.reason}`, new URL(c.req.url).pathname),
};

/**
 * The article a URL's slug names, answered by `answer`; else what the slug means: a former slug or
 * another letter case is a 301 to `pathFor` the canonical slug (RFC 9110 §15.4.2), a withdrawn
 * article a 410 (§15.5.11), anything else a 404.
 */
export function withArticle(c: Context<AppEnv>, slug: string, pathFor: (slug: string) => string, misses: Misses, answer: (article: StoredArticle) => Answer): Answer {
  return andThen(c.get('content').resolveSlug(slug, c.env.ASSETS), (target) => {
    if (target === undefined) return misses.notFound(c);
    const canonical = target.kind === 'article' ? target.article.slug : target.slug;
    if (target.kind === 'moved' || canonical !== slug) return redirect(pathFor(canonical));
    return target.kind === 'gone' ? misses.gone(c, target) : answer(target.article);
  });
}
