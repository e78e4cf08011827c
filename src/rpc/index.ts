/**
 * Worker-to-Worker RPC: the entrypoint other Workers bind to, and the types they name
 * (`env.ARTICLES: Service<ArticlesService>`).
 */
export { ArticlesService, type RepresentationFormat } from './articles-service';
export type { ListOptions } from './list-options';
export type { ArticleList, ListMeta } from '../routes/list-page';
export type { Article, ArticleSummary } from '../content/article';
export type { Author, AuthorSummary } from '../content/author';
