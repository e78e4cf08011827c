import { z } from 'zod';
import { bcp47, requiredText, showsText, webUrl } from './fields';
import { SLUG_PATTERN, SLUG_RULE } from './slug';

/**
 * The one schema for an article's front matter. Types for the build and the Worker are inferred
 * from it; nothing restates it by hand. Only the build imports this module at runtime (the Worker
 * imports types only), so zod never reaches the Worker bundle.
 */

/** An ISO 8601 date or date-time with an offset, normalised to an RFC 3339 UTC instant. */
export const isoInstant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)',
  })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString().replace('.000Z', 'Z'))
  // Says what the transform produces, so the served shape (an RFC 3339 UTC instant) has a JSON Schema.
  .pipe(z.iso.datetime());

/**
 * A credit as the API serves it: a name, and a link when there is one. An author with a page here
 * (content/authors/<id>.md) also has their `id`, and their `url` is that page.
 */
export const creditSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN).optional().describe('The author\'s id, when they have a page here (/authors/<id>).'),
  name: z.string().trim().min(1),
  url: webUrl.optional(),
});

/** A person or organisation credited by name, with an optional link: wire bylines, sources. */
const namedCredit = z.strictObject({ name: z.string().trim().min(1), url: webUrl.optional() });

/**
 * A source credit: a bare string is the name. The pipe names the output shape, so the API's JSON
 * Schema comes from here too.
 */
const credit = z
  .union([z.string().trim().min(1), namedCredit])
  .transform((given) => (typeof given === 'string' ? { name: given } : given))
  .pipe(namedCredit);

/** An author id: the file name of content/authors/<id>.md (the build checks that it exists). */
export const authorIdSchema = z.string().regex(SLUG_PATTERN, {
  error: (issue) => `"${String(issue.input)}" is not an author id (${SLUG_RULE}: the name of a file in content/authors/); a byline without an author page is { name: ${String(issue.input)} }`,
});

/** An article's author: the id of an author page, or a byline written inline (wire copy). */
const byline = z.union([authorIdSchema, namedCredit]);

/** A correction: when it was made and what it says (plain text), shown with the article. */
export const correctionSchema = z.strictObject({
  date: isoInstant.describe('When the correction was made.'),
  text: z.string().trim().min(1, 'must not be empty').describe('What was wrong and what is right, in plain text.'),
});

/** A withdrawn article: every URL of it answers 410 Gone with the reason. */
export const withdrawalSchema = z.strictObject({
  date: isoInstant.describe('When the story was withdrawn.'),
  reason: z.string().trim().min(1, 'must not be empty').describe('Why, for readers: every URL of the story shows it.'),
});

/** Alt text: what the picture shows, for readers who cannot see it (WCAG 1.1.1); short enough to be read out. */
export const ALT_MAX = 250;

/** A caption: a few sentences under the picture (a wire photo's description runs to a paragraph). */
export const CAPTION_MAX = 1000;

/** A credit: who made the picture and for whom ("Photo: Jane Doe/The Ledger"), one line. */
export const CREDIT_MAX = 200;

/** A required text of an image: a message that says what it is for when it is missing. */
const imageText = (missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${missing}` : 'must be a string') })
    .trim()
    .refine(showsText, 'must not be empty');

/**
 * The article's lead image: a file under content/ (`src`, relative to the Markdown file, or from
 * the content folder with a leading `/`), what it shows, its caption and who made it. `focus` is
 * the point crops keep, as CSS's object-position writes it ("50% 30%"); the centre by default.
 */
export const leadImageSchema = z.strictObject({
  src: imageText('the image file, relative to this Markdown file (photo.jpg, ../images/photo.jpg) or to the content folder (/images/photo.jpg)').describe('The picture: a JPEG, PNG, WebP, AVIF or GIF at least 1,200 px wide, beside the article.'),
  alt: imageText('what the picture shows, for readers who cannot see it').max(ALT_MAX, `must be at most ${ALT_MAX} characters`).describe(`What the picture shows, for readers who cannot see it (at most ${ALT_MAX} characters).`),
  caption: z.string().trim().min(1, 'must not be empty').max(CAPTION_MAX, `must be at most ${CAPTION_MAX} characters`).optional().describe('The caption under the picture.'),
  credit: imageText('who made the picture (Photo: Jane Doe/The Ledger)').max(CREDIT_MAX, `must be at most ${CREDIT_MAX} characters`).describe('Who made the picture: Photo: Jane Doe/The Ledger.'),
  focus: z
    .string()
    .regex(/^(?:100|[1-9]?[0-9])% (?:100|[1-9]?[0-9])%$/, 'must be "X% Y%", the point crops keep, each from 0% to 100% (such as "50% 30%")')
    .optional()
    .describe('The point crops keep, from the left and from the top: "50% 30%". The centre by default.'),
});

/** The wire's identity of an imported story (IPTC ninjs `uri`, `version`, `versionCreated`): not published, kept to update it. */
export const wireSchema = z.strictObject({
  uri: z.string().trim().min(1, 'must not be empty').describe('The story\'s identifier on the wire (ninjs uri).'),
  version: z.string().trim().min(1, 'must not be empty').optional().describe('The version imported.'),
  versionCreated: isoInstant.describe('When the wire made that version.'),
});

export const frontMatterSchema = z
  .strictObject({
    title: requiredText().describe('The headline, as readers see it on the page and in every list.'),
    alternativeHeadline: z.string().trim().min(1, 'must not be empty').optional().describe('A second headline, shown under the first.'),
    description: z.string().trim().min(1, 'must not be empty').optional().describe('The dek: a sentence or two under the headline, in lists, feeds and search results. Without it, the first paragraph.'),
    datePublished: isoInstant.describe('When the story was published: 2026-11-27, or 2026-11-27T08:30:00Z with a time of day.'),
    embargo: isoInstant.optional().describe('Held until this instant (and until datePublished, when that is later): before it the story exists nowhere, not even by its URL; from it, it is live, with no rebuild.'),
    dateModified: isoInstant.optional().describe('When the story was last updated; not earlier than datePublished.'),
    authors: z.array(byline).default([]).describe('Who wrote it: the id of an author page (content/authors/<id>.md), or a byline { name, url } for a writer without one.'),
    source: credit.optional().describe('The agency or publication it came from: a name, or { name, url }.'),
    tags: z
      .array(z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`))
      .default([])
      .describe(`Its topics, each ${SLUG_RULE}: every tag has its page and feeds, and the first one a section collects puts the story in that section.`),
    lang: bcp47.default('en').describe('The language it is written in (BCP 47: en, en-GB, fr).'),
    draft: z.boolean().default(false).describe('A draft shows in npm run dev only; it is never published.'),
    /** The front page's lead story: the newest featured article (else the newest article). */
    featured: z.boolean().default(false).describe('The newest featured story leads the front page.'),
    /** The article's section (a slug from site.yml); by default the first section that collects one of its tags. */
    section: z.string().regex(SLUG_PATTERN, `must be a section slug: ${SLUG_RULE}`).optional().describe('Its section (a slug from site.yml), when it is not the one its tags give.'),
    corrections: z.array(correctionSchema).default([]).describe('Corrections, each with when it was made and what it says: shown with the story and on /corrections.'),
    withdrawn: withdrawalSchema.optional().describe('Withdraws the story: every URL of it answers 410 Gone, with the reason.'),
    /** Former slugs of a renamed article: their URLs answer 301 to this article's. */
    aliases: z
      .array(z.string().regex(SLUG_PATTERN, `must be a former slug: ${SLUG_RULE}`))
      .default([])
      .describe('Former slugs of a renamed story: their URLs redirect (301) to this one.'),
    /** The lead image: shown above the story, and wherever the article travels. */
    image: leadImageSchema.optional().describe('The lead image: above the story, and wherever it travels (cards, feeds, search results).'),
    /** Where a wire story came from (npm run import): its ninjs `uri`, and the version imported; a newer version updates the article. */
    wire: wireSchema.optional().describe('Set by npm run import: the wire story this came from, so a newer version updates it. Not published.'),
  })
  .superRefine((fm, context) => {
    if (fm.dateModified !== undefined && fm.dateModified < fm.datePublished) context.addIssue({ code: 'custom', message: 'must not be earlier than datePublished', path: ['dateModified'] });
    fm.corrections.forEach(({ date }, index) => {
      if (date < fm.datePublished) context.addIssue({ code: 'custom', message: 'must not be earlier than datePublished', path: ['corrections', index, 'date'] });
    });
  });

/** Front matter as written by an author (before defaults and normalisation). */
export type FrontMatterInput = z.input<typeof frontMatterSchema>;
/** Front matter after validation: defaults applied, dates normalised. */
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** A slug is the article's file name: lowercase a-z, 0-9 and single hyphens. */
export const slugSchema = z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE} (it is the file name)`);
