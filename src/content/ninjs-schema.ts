import { z } from 'zod';
import { NINJS_STANDARD } from './ninjs';

/**
 * IPTC ninjs 3.1 (News in JSON, iptc.org/std/ninjs) as this site writes it (ninjs.ts): the members
 * it fills, in its order; the format allows many more. The OpenAPI document's `Ninjs` comes from
 * here, and ninjs.ts's type: only the build imports this module at runtime, so zod never reaches
 * the Worker bundle. tests/build/ninjs.test.ts validates the output against IPTC's own schema.
 */

const ninjsText = z.strictObject({ role: z.string().optional(), contentType: z.string().optional(), value: z.string() });
const ninjsParty = z.strictObject({ name: z.string(), rel: z.string().optional(), role: z.string().optional(), uri: z.url().optional(), literal: z.string().optional() });
const ninjsRendition = z.strictObject({ name: z.string(), href: z.url(), contentType: z.string(), width: z.int().min(1).optional(), height: z.int().min(1).optional() });

/** The document: a story (`type` text) with its metadata, bodies, renditions and lead image. */
export const ninjsSchema = z.strictObject({
  uri: z.url().describe('The article page: the story\'s identifier.'),
  standard: z.strictObject({ name: z.literal(NINJS_STANDARD.name), version: z.literal(NINJS_STANDARD.version), schema: z.literal(NINJS_STANDARD.schema) }),
  type: z.literal('text'),
  representationType: z.literal('full'),
  firstCreated: z.iso.datetime().describe('datePublished.'),
  versionCreated: z.iso.datetime().describe('dateModified, else datePublished.'),
  pubStatus: z.literal('usable'),
  language: z.string().describe('BCP 47.'),
  slugline: z.string().describe('The article\'s slug.'),
  headlines: z.array(ninjsText).describe('`main`: the headline; `sub`: the alternative headline, when there is one.'),
  descriptions: z.array(ninjsText).describe('`summary`: the dek (plain text).'),
  bodies: z.array(ninjsText.extend({ wordCount: z.int().min(0) })).describe('The body as `text/html` (the article\'s `html`) and as `text/plain` (its `text`).'),
  by: z.string().optional().describe('The authors\' names, as a byline.'),
  people: z.array(ninjsParty).optional().describe('Each author, `rel` author, with their page as `uri`.'),
  infoSources: z.array(ninjsParty).optional().describe('The source credit, `role` source.'),
  subjects: z.array(ninjsParty).optional().describe('The section (`rel` section, its slug as `literal`), then each tag (`rel` tag).'),
  renditions: z.array(ninjsRendition).describe('The article page, its Markdown and its JSON.'),
  associations: z
    .array(z.strictObject({ uri: z.url(), name: z.literal('featureimage'), rel: z.literal('featureimage'), type: z.literal('picture'), by: z.string().optional(), descriptions: z.array(ninjsText), renditions: z.array(ninjsRendition) }))
    .optional()
    .describe('The lead image: its credit as `by`, its alt text and caption, its JPEG and its three crops.'),
});

/** An article as ninjs. */
export type NinjsDocument = z.output<typeof ninjsSchema>;
