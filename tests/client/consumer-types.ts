/**
 * Compiled by `npm run typecheck`, never run: what another project's TypeScript sees when it
 * imports `edgewire/client`. Results are checked for exact equality with the OpenAPI document's
 * types, and each misuse must be a type error (`@ts-expect-error` fails when the error goes away).
 */
import { createClient, EdgewireProblem, type Article, type ArticleList, type ArticleSummary, type Author, type AuthorSummary, type ListMeta, type SearchResults } from 'edgewire/client';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<_ extends true>(): void {}
/** An intersection as one object type (Equal tells them apart). */
type Flat<T> = { [K in keyof T]: T[K] };

/** A person credited, as the document states it: an author with a page here has an id. */
interface Credit {
  id?: string;
  name: string;
  url?: string;
}

/** A crop of the lead image. */
interface Crop {
  url: string;
  width: number;
  height: number;
}

/** A picture: its JPEG, its text, every width by format. */
interface Picture extends Crop {
  alt: string;
  caption: string | null;
  credit: string | null;
  srcset: { 'image/avif': string; 'image/jpeg': string };
}

/** The lead image: a picture and its crops. */
interface LeadImage extends Picture {
  crops: { '16x9': Crop; '4x3': Crop; '1x1': Crop };
}

/** A source credit: a name, and a link when there is one. */
interface Source {
  name: string;
  url?: string;
}

export async function consumer(): Promise<void> {
  const client = createClient({ baseUrl: 'https://news.example', fetch: (request) => fetch(request) });

  const article = await client.article('niger-embraces-russian-military-trainers');
  assertType<Equal<typeof article, Article>>();
  assertType<
    Equal<
      Article,
      {
        slug: string;
        url: string;
        title: string;
        alternativeHeadline: string | null;
        description: string;
        image: LeadImage | null;
        datePublished: string;
        dateModified: string | null;
        authors: Credit[];
        source: Source | null;
        section: { slug: string; title: string } | null;
        tags: string[];
        lang: string;
        wordCount: number;
        readingTimeMinutes: number;
        corrections: { date: string; text: string }[];
        html: string;
        text: string;
        images: Picture[];
      }
    >
  >();

  const list = await client.articles({ page: 2, limit: 10, tag: 'sahel' });
  assertType<Equal<typeof list, ArticleList>>();
  assertType<Equal<typeof list.data, ArticleSummary[]>>();
  assertType<Equal<typeof list.meta, ListMeta>>();
  assertType<Equal<ListMeta, { page: number; limit: number; pages: number; total: number }>>();
  // A list entry's lead image is its JPEG and alt text; the article has every width, the crops and the text.
  assertType<Equal<ArticleSummary, Flat<Omit<Article, 'corrections' | 'html' | 'text' | 'images' | 'image'> & { image: Pick<LeadImage, 'url' | 'width' | 'height' | 'alt'> | null }>>>();
  await client.articles();

  const found = await client.search({ q: 'harbour', tag: 'council', from: '2026-01-01', page: 1, limit: 5 });
  assertType<Equal<typeof found, SearchResults>>();
  assertType<Equal<(typeof found.data)[number], Flat<ArticleSummary & { snippet: string; score: number }>>>();
  assertType<Equal<typeof found.meta, { q: string; page: number; limit: number; pages: number; total: number }>>();

  const author = await client.author('jane-doe');
  assertType<Equal<typeof author, Author>>();
  assertType<
    Equal<Author, { id: string; url: string; name: string; role: string | null; website: string | null; sameAs: string[]; articleCount: number; html: string; text: string }>
  >();
  const authors = await client.authors();
  assertType<Equal<typeof authors, AuthorSummary[]>>();
  assertType<Equal<AuthorSummary, Omit<Author, 'html' | 'text'>>>();

  try {
    await client.article('x');
  } catch (error) {
    if (error instanceof EdgewireProblem) {
      assertType<Equal<typeof error.status, 400 | 404 | 406 | 410 | 500 | 503>>();
      assertType<Equal<typeof error.title, 'Bad Request' | 'Not Found' | 'Not Acceptable' | 'Gone' | 'Internal Server Error' | 'Service Unavailable'>>();
      assertType<Equal<typeof error.detail, string>>();
      if (error.is(404)) assertType<Equal<typeof error.document, { type: 'about:blank'; title: 'Not Found'; status: 404; detail: string; instance: string }>>();
      if (error.is(400)) assertType<Equal<typeof error.document.errors, { parameter: string; detail: string }[]>>();
      if (error.is(500)) assertType<Equal<typeof error.document.requestId, string>>();
      // @ts-expect-error: only a 400 has `errors`.
      void error.document.errors;
      // @ts-expect-error: the API sends no 418.
      error.is(418);
    }
  }

  const { data } = await client.raw.GET('/api/articles/{slug}', { params: { path: { slug: 'x' } } });
  assertType<Equal<typeof data, { data: Article } | undefined>>();

  // @ts-expect-error: a slug is a string.
  await client.article(1);
  // @ts-expect-error: `page` is a number.
  await client.articles({ page: '2' });
  // @ts-expect-error: there is no `sort` parameter.
  await client.articles({ sort: 'oldest' });
  // @ts-expect-error: a search needs its words.
  await client.search({ tag: 'council' });
  // @ts-expect-error: baseUrl is required.
  createClient({});
  // @ts-expect-error: the API has no such path.
  await client.raw.GET('/api/writers');
}
