/**
 * The pages every check looks at, as data: the home page, a tag page, the newest article, its
 * embed card and a 404, each with the status it must answer. The article and the tag are found on the served site
 * (the newest article and its first tag), so the list follows the content.
 */
import { paths } from '../../src/content/paths';

export interface CheckedPage {
  /** Short name: table rows and file names. */
  name: string;
  path: string;
  /** The HTTP status the page must answer. */
  status: number;
}

/** The newest article, from the list API. */
async function newestArticle(origin: string): Promise<{ slug: string; tags: string[] }> {
  // zod loads here, not on import: every check imports this module before answering --help.
  const { z } = await import('zod');
  const newestList = z.object({ data: z.array(z.object({ slug: z.string(), tags: z.array(z.string()) })).min(1) });
  const response = await fetch(`${origin}${paths.apiArticles}?limit=1`);
  if (response.status !== 200) throw new Error(`GET ${paths.apiArticles}: expected 200, got ${response.status}`);
  return newestList.parse(await response.json()).data[0]!;
}

/** The pages to check, given the newest article: with no tag to show, the list of tags stands in. */
export function pagesFor(article: { slug: string; tags: readonly string[] }): CheckedPage[] {
  const tag = article.tags[0];
  return [
    { name: 'home', path: paths.home, status: 200 },
    tag === undefined ? { name: 'tags', path: paths.tags, status: 200 } : { name: 'tag', path: paths.tag(tag), status: 200 },
    { name: 'article', path: paths.article(article.slug), status: 200 },
    { name: 'embed', path: paths.articleEmbed(article.slug), status: 200 },
    { name: 'not-found', path: paths.article('no-such-article'), status: 404 },
  ];
}

/** The pages to check on the site at `origin`. */
export async function findPages(origin: string): Promise<CheckedPage[]> {
  return pagesFor(await newestArticle(origin));
}

/** The pages shown in screenshots and measured by Lighthouse: the two a reader sees most. */
export const MAIN_PAGES: readonly string[] = ['home', 'article'];
