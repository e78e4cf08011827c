/**
 * Compiled by `npm run typecheck`, never run: what a consuming Worker's TypeScript sees through
 * `Service<ArticlesService>`. Each result type is checked for exact equality, and each misuse must
 * be a type error (`@ts-expect-error` fails the build when the error goes away).
 */
import type { Article, ArticleList, ArticlesService, ArticleSummary, ListMeta } from '../../src/index';

interface Env {
  ARTICLES: Service<ArticlesService>;
}

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** What an RPC result holds besides its members: a disposer (workers-types intersects it with Disposable). */
type Plain<T> = T extends null ? T : { [K in keyof T as K extends symbol ? never : K]: T[K] };
function assertType<_ extends true>(): void {}

export async function consumer(env: Env): Promise<void> {
  const article = await env.ARTICLES.article('x');
  assertType<Equal<Plain<typeof article>, Plain<Article> | null>>();
  if (article !== null) assertType<Equal<typeof article.title, string>>();

  const list = await env.ARTICLES.articles({ page: 2, limit: 10, tag: 'sahel' });
  assertType<Equal<Plain<typeof list>, Plain<ArticleList>>>();
  assertType<Equal<typeof list.data, ArticleSummary[]>>();
  assertType<Equal<typeof list.meta, ListMeta>>();
  await env.ARTICLES.articles();

  const html = await env.ARTICLES.representation('x', 'html');
  assertType<Equal<typeof html, string | null>>();

  // @ts-expect-error: a slug is a string.
  await env.ARTICLES.article(1);
  // @ts-expect-error: the formats are html, markdown and json.
  await env.ARTICLES.representation('x', 'xml');
  // @ts-expect-error: `page` is a number.
  await env.ARTICLES.articles({ page: '2' });
  // @ts-expect-error: there is no such method.
  await env.ARTICLES.articleList();
}
