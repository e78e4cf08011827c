import { createClient, EdgewireProblem, type Fetch } from 'edgewire/client';

/** Reads an article and a tag's newest headlines, revalidates, and meets a 404 problem. */
export async function readArticles(baseUrl = 'http://localhost:8787', fetch?: Fetch) {
  const client = createClient({ baseUrl, ...(fetch === undefined ? {} : { fetch }) });
  const article = await client.article('niger-embraces-russian-military-trainers');
  const { data, meta } = await client.articles({ tag: 'sahel', limit: 10 });
  // The second read sends If-None-Match; the 304 hands back the cached article.
  const again = await client.article(article.slug);
  try {
    await client.article('no-such-article');
  } catch (error) {
    if (!(error instanceof EdgewireProblem)) throw error;
    return { title: again.title, headlines: data.map((summary) => summary.title), total: meta.total, missing: `${error.status} ${error.detail}` };
  }
  throw new Error('no-such-article was found');
}
