import { z } from 'zod';
import { requiredText, webUrl } from './fields';
import { SLUG_PATTERN } from './slug';

/**
 * An author of the newsroom: `content/authors/<id>.md`, front matter then a Markdown bio. The id
 * (the file name) is what articles name in `authors:`. One schema gives the build's validation,
 * the API's shape and the OpenAPI document; the Worker imports types only.
 */
export const authorFrontMatterSchema = z.strictObject({
  name: requiredText().describe('Their name, as the byline reads.'),
  role: z.string().trim().min(1, 'must not be empty').optional().describe('What they do here: Education reporter, Editor.'),
  /** Their own site, elsewhere. */
  url: webUrl.optional().describe('Their own site, elsewhere.'),
  /** Their profiles elsewhere (schema.org `sameAs`). */
  sameAs: z.array(webUrl).default([]).describe('Their profiles elsewhere (social networks, other publications).'),
});

export type AuthorFrontMatter = z.output<typeof authorFrontMatterSchema>;

/** An entry of `GET /api/authors`. */
export const authorSummarySchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN).describe('The file name of the author\'s page, content/authors/<id>.md.'),
  url: z.url().describe('The author\'s page on this site, with their articles.'),
  name: z.string(),
  role: z.string().nullable(),
  website: z.url().nullable().describe('Their own site, elsewhere.'),
  sameAs: z.array(z.url()).describe('Their profiles elsewhere.'),
  articleCount: z.int().nonnegative().describe('Published articles that name them.'),
});

/** `data` of `GET /api/authors/:id`: the summary and the bio. */
export const authorSchema = authorSummarySchema.extend({
  html: z.string().describe('The bio as HTML (CommonMark; raw HTML escaped).'),
  text: z.string().describe('The bio as plain text.'),
});

export type AuthorSummary = z.output<typeof authorSummarySchema>;
export type Author = z.output<typeof authorSchema>;
