/** The site's URL paths, in one place for the build, the views and the routes. */
export const paths = {
  home: '/',
  article: (slug: string) => `/articles/${slug}`,
  apiArticles: '/api/articles',
  apiArticle: (slug: string) => `/api/articles/${slug}`,
  asset: (name: string) => `/assets/${name}`,
} as const;
