import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { sendEntity } from '../http/respond';
import { andThen, assetBody, buildId, findAsset } from '../store';
import { articleRoute, redirect } from './article-page';
import { embedRoute } from './embed';
import { imageRoute } from './images';
import { route, sent } from './handler';
import { notFoundPage } from './not-found';
import { parsePageQuery } from './paging';
import { sendStored } from './stored';

/** Reader-facing HTML pages and their static assets. */
export const pages = new Hono<AppEnv>();

// The front page `/` (the newest), and archive pages numbered from the oldest: `/?page=1`, ...
pages.get(
  paths.home,
  route((c) => {
    const url = new URL(c.req.url);
    const parsed = parsePageQuery(url.searchParams);
    if (!parsed.ok) return problem(400, 'The page number is not valid.', url.pathname + url.search, { errors: parsed.errors });
    return andThen(c.get('content').homePage(url.searchParams.has('page') ? parsed.page : null, c.env.ASSETS), (home) => {
      if (home === undefined) return notFoundPage(c);
      return sendStored(c, home, { contentType: 'text/html; charset=utf-8' }, { kind: 'home', tags: cacheTags.list(buildId) });
    });
  }),
);

pages.get('/articles/:slug', route(articleRoute));

pages.get('/articles/:slug/embed', route(embedRoute));

// One URL per article: the trailing-slash spelling redirects to the canonical one.
pages.get(
  '/articles/:slug/',
  route((c) => {
    return andThen(c.get('content').resolveSlug(c.req.param('slug') ?? '', c.env.ASSETS), (target) => {
      if (target === undefined) return notFoundPage(c);
      return redirect(paths.article(target.kind === 'article' ? target.article.slug : target.slug));
    });
  }),
);

// Pictures (issue 18): each variant the pages link, made from its original on request (routes/images.ts).
pages.get('/images/:key/:file', route(imageRoute));
pages.get('/images/:key/:crop/:file', route(imageRoute));

pages.get(
  '/assets/:name',
  route((c) => {
    const asset = findAsset(c.req.param('name') ?? '');
    if (asset === undefined) return notFoundPage(c);
    return sent(c, sendEntity(c.req.raw, { body: assetBody(asset), etag: `"${asset.hash}"`, contentType: asset.contentType }, { kind: 'asset', tags: cacheTags.build(buildId), key: '' }));
  }),
);
