/** The site's URL paths, in one place for the build, the views and the routes. */
export const paths = {
  home: '/',
  article: (slug: string) => `/articles/${slug}`,
  articleHtml: (slug: string) => `/articles/${slug}.html`,
  articleMarkdown: (slug: string) => `/articles/${slug}.md`,
  apiArticles: '/api/articles',
  apiArticle: (slug: string) => `/api/articles/${slug}`,
  asset: (name: string) => `/assets/${name}`,
} as const;
