import { z } from 'zod';
import { articleSchema, articleSummarySchema } from '../../../src/content/article';
import { authorSchema, authorSummarySchema } from '../../../src/content/author';
import { creditSchema } from '../../../src/content/schema';
import { ninjsSchema } from '../../../src/content/ninjs-schema';
import { MAX_RESULTS } from '../../../src/search/engine';
import { SEARCH_MAX_LIMIT } from '../../../src/routes/search-query';
import { PROBLEM_TITLES, type Alternative, type InvalidParameter, type ProblemStatus } from '../../../src/http/problem';

/**
 * The bodies the API sends, as zod schemas: the article shapes from src/content/article.ts, and the
 * envelopes and problem documents around them. Each is registered under the name it has in
 * `components/schemas`, so the document refers to it by `$ref` and a generated client gets one
 * named type per shape.
 */

const listMetaSchema = z.strictObject({
  page: z.int().min(1),
  limit: z.int().min(1),
  pages: z.int().min(1).describe('At least 1: an empty list has one empty page.'),
  total: z.int().min(0).describe('Articles matching the query, on every page.'),
});

const invalidParameterSchema = z.strictObject({ parameter: z.string(), detail: z.string() });
const alternativeSchema = z.strictObject({ type: z.string().describe('A media type, without parameters.'), href: z.string().describe('The path of that representation.') });

/** An RFC 9457 problem document for `status`: its exact members, `extensions` included. */
function problemSchema<Status extends ProblemStatus, Shape extends z.ZodRawShape>(status: Status, extensions: Shape) {
  return z.strictObject({
    type: z.literal('about:blank'),
    title: z.literal(PROBLEM_TITLES[status]),
    status: z.literal(status),
    detail: z.string().describe('What went wrong, for a person.'),
    instance: z.string().describe('The path (and query) the request named.'),
    ...extensions,
  });
}

const requestId = z.string().describe('Cloudflare\'s cf-ray, else a random UUID; the Worker logs the same id with the error.');

/** Problem documents by status, with the extension members each carries (src/http/problem.ts). */
export const problemSchemas = {
  400: problemSchema(400, { errors: z.array(invalidParameterSchema).min(1).describe('Every invalid parameter, each once.') }),
  404: problemSchema(404, {}),
  406: problemSchema(406, { alternatives: z.array(alternativeSchema).min(1).describe('Every representation, in the server\'s order of preference.') }),
  410: problemSchema(410, {}),
  500: problemSchema(500, { requestId }),
  501: problemSchema(501, {}),
  503: problemSchema(503, { requestId: requestId.optional().describe('Present when a body file is missing; absent when SITE_URL is bad.') }),
} as const;

/** JSON Feed 1.1 (jsonfeed.org), the members every feed of ours has; the format allows more. */
const jsonFeedSchema = z.looseObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.url(),
  feed_url: z.url(),
  items: z.array(z.looseObject({ id: z.string(), url: z.url(), title: z.string(), content_html: z.string(), date_published: z.iso.datetime() })),
});

/** The oEmbed `rich` response (oembed.com §2.3.4, §2.3.4.4), members in the order the Worker writes them. */
const oembedSchema = z.strictObject({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  title: z.string(),
  author_name: z.string().optional().describe('The authors as the byline reads, else the source credit.'),
  author_url: z.url().optional().describe('Only for a single credit with a URL.'),
  provider_name: z.string(),
  provider_url: z.url(),
  cache_age: z.int().min(0),
  width: z.int().min(1),
  height: z.int().min(1),
  html: z.string().describe('The embed card in a sandboxed iframe, and the resizer script.'),
  thumbnail_url: z.url().optional().describe('The lead image as JPEG: its widest width within maxwidth and maxheight, at most 1200 px; with thumbnail_width and thumbnail_height, or none of the three.'),
  thumbnail_width: z.int().min(1).optional(),
  thumbnail_height: z.int().min(1).optional(),
});

/** A search result (src/routes/search-answer.ts): the article's list entry, its snippet and its score. */
const searchResultSchema = articleSummarySchema.extend({
  snippet: z.string().describe('The passage of the text where the words are thickest, about 30 words, as HTML: the text escaped, the matched words in `<mark>`; empty when the article has no text.'),
  score: z.number().min(0).describe('BM25F relevance, to three decimals: comparable within one search only.'),
});

const searchMetaSchema = z.strictObject({
  q: z.string().describe('The query as searched: lower case, spaces collapsed.'),
  page: z.int().min(1),
  limit: z.int().min(1).max(SEARCH_MAX_LIMIT),
  pages: z.int().min(1).describe(`Pages of results served: the first ${MAX_RESULTS} results at most.`),
  total: z.int().min(0).describe('Articles that match (a phrase query: those of its best 50 candidates that hold the phrase).'),
});

/** Every named schema, by its name in `components/schemas`. */
export const COMPONENT_SCHEMAS = {
  Credit: creditSchema,
  ArticleSummary: articleSummarySchema,
  Article: articleSchema,
  ArticleResponse: z.strictObject({ data: articleSchema }),
  ListMeta: listMetaSchema,
  ArticleList: z.strictObject({ data: z.array(articleSummarySchema).describe('Newest first.'), meta: listMetaSchema }),
  SearchResult: searchResultSchema,
  SearchResults: z.strictObject({ data: z.array(searchResultSchema).describe('Best first; equal scores, the newer first.'), meta: searchMetaSchema }),
  AuthorSummary: authorSummarySchema,
  Author: authorSchema,
  AuthorResponse: z.strictObject({ data: authorSchema }),
  AuthorList: z.strictObject({ data: z.array(authorSummarySchema).describe('By name.') }),
  InvalidParameter: invalidParameterSchema,
  Alternative: alternativeSchema,
  BadRequestProblem: problemSchemas[400],
  NotFoundProblem: problemSchemas[404],
  NotAcceptableProblem: problemSchemas[406],
  GoneProblem: problemSchemas[410],
  InternalServerErrorProblem: problemSchemas[500],
  NotImplementedProblem: problemSchemas[501],
  OEmbed: oembedSchema,
  ServiceUnavailableProblem: problemSchemas[503],
  JsonFeed: jsonFeedSchema,
  Ninjs: ninjsSchema,
} as const;

export type SchemaName = keyof typeof COMPONENT_SCHEMAS;

/** A `$ref` to a named schema. */
export const schemaRef = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * `components/schemas` as JSON Schema draft 2020-12 (OpenAPI 3.1's dialect), for what the API
 * sends (`io: 'output'`: defaults applied, transforms' results). Each schema refers to the others
 * by `$ref`; the per-schema `$schema` and `$id` are dropped, since the document's dialect applies.
 */
export function componentSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]));
}

// The Worker's own types must be what these schemas describe: a change to either fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [Same<InvalidParameter, z.output<typeof invalidParameterSchema>>, Same<Alternative, z.output<typeof alternativeSchema>>] = [true, true];
void sameShapes;
