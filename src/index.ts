import { app } from './app';

export default app;
// The service-binding entrypoint for other Workers, and the types they use (src/rpc/).
export { ArticlesService, type Article, type ArticleList, type ArticleSummary, type Author, type AuthorSummary, type ListMeta, type ListOptions, type RepresentationFormat } from './rpc';
