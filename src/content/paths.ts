/** The site's URL paths, in one place for the build, the views and the routes. */
export const paths = {
  home: '/',
  /** Page n of the home page (page 1 is the home page itself). */
  homePage: (page: number) => (page === 1 ? '/' : `/?page=${page}`),
  article: (slug: string) => `/articles/${slug}`,
  articleHtml: (slug: string) => `/articles/${slug}.html`,
  articleMarkdown: (slug: string) => `/articles/${slug}.md`,
  apiArticles: '/api/articles',
  apiArticle: (slug: string) => `/api/articles/${slug}`,
  asset: (name: string) => `/assets/${name}`,
} as const;
