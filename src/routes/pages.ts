import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { cacheTags } from '../http/policy';
import { sendEntity } from '../http/respond';
import { buildId, findArticleIgnoringCase, findAsset, materialize, pages as bundledPages } from '../store';
import { articleRoute, redirect } from './article-page';
import { notFoundPage } from './not-found';

const HTML_TYPE = 'text/html; charset=utf-8';

/** Reader-facing HTML pages and their static assets. */
export const pages = new Hono<AppEnv>();

pages.get(paths.home, (c) => {
  const { body, etag } = materialize(bundledPages.home, c.get('origin'));
  return sendEntity(c.req.raw, { body, etag, contentType: HTML_TYPE }, { kind: 'home', tags: cacheTags.list(buildId) });
});

pages.get('/articles/:slug', articleRoute);

// One URL per article: the trailing-slash spelling redirects to the canonical one.
pages.get('/articles/:slug/', (c) => {
  const slug = c.req.param('slug');
  const article = findArticleIgnoringCase(slug);
  return article === undefined ? notFoundPage(c.req.raw, c.get('origin')) : redirect(paths.article(article.slug));
});

pages.get('/assets/:name', (c) => {
  const asset = findAsset(c.req.param('name'));
  if (asset === undefined) return notFoundPage(c.req.raw, c.get('origin'));
  return sendEntity(c.req.raw, { body: asset.body, etag: `"${asset.hash}"`, contentType: asset.contentType }, { kind: 'asset', tags: cacheTags.build(buildId) });
});
