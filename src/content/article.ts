import type { FrontMatter } from './schema';

/** Derived from the body at build time. */
export interface BodyFacts {
  /** Rendered body HTML (CommonMark; raw HTML in the source is escaped). */
  html: string;
  /** Plain body text, paragraphs separated by blank lines. */
  text: string;
  wordCount: number;
  readingTimeMinutes: number;
}

/** An article as the API serves it (`data` of `GET /api/articles/:slug`). */
export type Article = { slug: string; url: string } & Omit<FrontMatter, 'draft' | 'description' | 'alternativeHeadline' | 'dateModified' | 'source'> & {
    alternativeHeadline: string | null;
    description: string;
    dateModified: string | null;
    source: NonNullable<FrontMatter['source']> | null;
  } & BodyFacts;

/** The fields of an article that list responses carry (everything but the body). */
export const SUMMARY_FIELDS = [
  'slug',
  'url',
  'title',
  'alternativeHeadline',
  'description',
  'datePublished',
  'dateModified',
  'authors',
  'source',
  'tags',
  'lang',
  'wordCount',
  'readingTimeMinutes',
] as const satisfies readonly (keyof Article)[];

/** An entry of `GET /api/articles`. */
export type ArticleSummary = Pick<Article, (typeof SUMMARY_FIELDS)[number]>;
