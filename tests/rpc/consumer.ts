/**
 * Another team's Worker that reads edgewire's articles over a service binding, as the README
 * shows it. Its wrangler.toml:
 *
 *   [[services]]
 *   binding = "ARTICLES"
 *   service = "edgewire"
 *   entrypoint = "ArticlesService"
 */
import type { ArticlesService } from 'edgewire';

export interface Env {
  ARTICLES: Service<ArticlesService>;
}

export default {
  /** `/<slug>`: the article as JSON; `/?tag=<tag>`: the headlines of the newest ten with that tag. */
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/') {
      const { data, meta } = await env.ARTICLES.articles({ tag: url.searchParams.get('tag'), limit: 10 });
      return Response.json({ headlines: data.map((article) => article.title), total: meta.total });
    }
    const article = await env.ARTICLES.article(url.pathname.slice(1));
    if (article === null) return new Response('No such article', { status: 404 });
    return Response.json(article);
  },
} satisfies ExportedHandler<Env>;
