import { z } from 'zod';
import { correctionSchema, creditSchema, frontMatterSchema, slugSchema } from './schema';
import { sectionSchema } from './site';

/**
 * The article as the API serves it, derived from the front-matter schema: the types below, the
 * build's output and the OpenAPI document (scripts/build/openapi/) all come from these schemas,
 * so the served shape is written down once. Fields are in API order. The Worker imports types
 * only from this module, so zod stays out of its bundle.
 */
const fields = frontMatterSchema.shape;

/** A picture's URLs at every width it is served at, in one format: a `srcset` (HTML's own list, `<url> <width>w, …`). */
const srcsetSchema = z.string().describe('Every width the picture is served at: `<url> <width>w, …`, as `srcset` takes it.');

/** A picture as an article shows it (src/content/pictures.ts makes its URLs). */
export const pictureSchema = z.strictObject({
  url: z.url().describe('The picture as JPEG, 1200 px wide (its own width when narrower).'),
  width: z.int().positive().describe('The width of `url`, in pixels.'),
  height: z.int().positive().describe('The height of `url`, in pixels.'),
  alt: z.string().describe('What the picture shows, for readers who cannot see it; empty for a decorative picture.'),
  caption: z.string().nullable(),
  credit: z.string().nullable().describe('Who made it; always given for a lead image.'),
  srcset: z.strictObject({ 'image/avif': srcsetSchema, 'image/jpeg': srcsetSchema }).describe('Every width, by format: AVIF, and JPEG for the browsers without it.'),
});

const cropSchema = z.strictObject({ url: z.url(), width: z.int().positive(), height: z.int().positive() });

/** The lead image: a picture with its crops (JPEG, 1200 px wide, around its focus), for search engines' and social networks' cards. */
export const leadImageViewSchema = pictureSchema.extend({
  crops: z.strictObject({ '16x9': cropSchema, '4x3': cropSchema, '1x1': cropSchema }),
});

/**
 * The lead image in a list entry: its JPEG 1200 px wide (or its own width) and its alt text. Lists
 * carry this much, as a card or a thumbnail needs; the article itself carries every width, the
 * crops, the caption and the credit (an entry is kept several times in the index, issue 17).
 */
export const listImageSchema = pictureSchema.pick({ url: true, width: true, height: true, alt: true });

/** An entry of `GET /api/articles`: everything but the body. */
export const articleSummarySchema = z.strictObject({
  slug: slugSchema.describe('The article\'s file name, and the last segment of its URLs.'),
  url: z.url().describe('The article page, on the configured SITE_URL origin.'),
  title: fields.title,
  alternativeHeadline: fields.alternativeHeadline.unwrap().nullable(),
  description: z.string().describe('From the front matter, else the first paragraph of the body.'),
  image: listImageSchema.nullable().describe('The lead image (front matter `image`): its JPEG and alt text; the article has all of it. Null when the article has none.'),
  datePublished: fields.datePublished,
  dateModified: fields.dateModified.unwrap().nullable().describe('The latest update or correction; null until there is one.'),
  authors: z.array(creditSchema),
  source: creditSchema.omit({ id: true }).nullable(),
  section: sectionSchema.pick({ slug: true, title: true }).nullable().describe('The section the article belongs to (site.yml), by its tags or its `section` field.'),
  tags: fields.tags.unwrap(),
  lang: fields.lang.unwrap().describe('BCP 47 language tag.'),
  wordCount: z.int().nonnegative(),
  readingTimeMinutes: z.int().min(1).describe('At 230 words a minute, at least 1.'),
});

/** Derived from the body at build time. */
export const bodyFactsSchema = z.strictObject({
  html: z.string().describe('Rendered body HTML (CommonMark; raw HTML in the source is escaped).'),
  text: z.string().describe('Plain body text, paragraphs separated by blank lines.'),
});

/** `data` of `GET /api/articles/:slug`: the summary, the corrections, then the body and its pictures. */
export const articleSchema = articleSummarySchema.extend({
  image: leadImageViewSchema.nullable().describe('The lead image (front matter `image`): every width by format, its crops, its text; null when the article has none.'),
  corrections: z.array(correctionSchema).describe('Corrections to the article, newest first.'),
  ...bodyFactsSchema.shape,
  images: z.array(pictureSchema).describe('The pictures in the body, in order, as `html` shows them (its `<figure>`s): every width by format, the alt text, the caption (the Markdown title); `credit` is null.'),
});

/** An article as the API serves it (`data` of `GET /api/articles/:slug`). */
export type Article = z.output<typeof articleSchema>;

/** A picture an article shows. */
export type ArticlePicture = z.output<typeof pictureSchema>;

/** The lead image as the API serves it. */
export type LeadImage = z.output<typeof leadImageViewSchema>;

/** An entry of `GET /api/articles`. */
export type ArticleSummary = z.output<typeof articleSummarySchema>;

/** What rendering a body yields besides its HTML and text. */
export type BodyFacts = z.output<typeof bodyFactsSchema> & Pick<Article, 'wordCount' | 'readingTimeMinutes'>;

/** The fields of an article that list responses carry (everything but the body), in API order. */
export const SUMMARY_FIELDS = articleSummarySchema.keyof().options;
