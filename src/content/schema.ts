import { z } from 'zod';
import { bcp47, showsText, webUrl } from './fields';
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
  date: isoInstant,
  text: z.string().trim().min(1, 'must not be empty'),
});

/** A withdrawn article: every URL of it answers 410 Gone with the reason. */
export const withdrawalSchema = z.strictObject({
  date: isoInstant,
  reason: z.string().trim().min(1, 'must not be empty'),
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
  src: imageText('the image file, relative to this Markdown file (photo.jpg, ../images/photo.jpg) or to the content folder (/images/photo.jpg)'),
  alt: imageText('what the picture shows, for readers who cannot see it').max(ALT_MAX, `must be at most ${ALT_MAX} characters`),
  caption: z.string().trim().min(1, 'must not be empty').max(CAPTION_MAX, `must be at most ${CAPTION_MAX} characters`).optional(),
  credit: imageText('who made the picture (Photo: Jane Doe/The Ledger)').max(CREDIT_MAX, `must be at most ${CREDIT_MAX} characters`),
  focus: z
    .string()
    .regex(/^(?:100|[1-9]?[0-9])% (?:100|[1-9]?[0-9])%$/, 'must be "X% Y%", the point crops keep, each from 0% to 100% (such as "50% 30%")')
    .optional(),
});

/** The wire's identity of an imported story (IPTC ninjs `uri`, `version`, `versionCreated`): not published, kept to update it. */
export const wireSchema = z.strictObject({
  uri: z.string().trim().min(1, 'must not be empty'),
  version: z.string().trim().min(1, 'must not be empty').optional(),
  versionCreated: isoInstant,
});

export const frontMatterSchema = z
  .strictObject({
    title: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).trim().min(1, 'must not be empty'),
    alternativeHeadline: z.string().trim().min(1, 'must not be empty').optional(),
    description: z.string().trim().min(1, 'must not be empty').optional(),
    datePublished: isoInstant,
    dateModified: isoInstant.optional(),
    authors: z.array(byline).default([]),
    source: credit.optional(),
    tags: z.array(z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`)).default([]),
    lang: bcp47.default('en'),
    draft: z.boolean().default(false),
    /** The front page's lead story: the newest featured article (else the newest article). */
    featured: z.boolean().default(false),
    /** The article's section (a slug from site.yml); by default the first section that collects one of its tags. */
    section: z.string().regex(SLUG_PATTERN, `must be a section slug: ${SLUG_RULE}`).optional(),
    corrections: z.array(correctionSchema).default([]),
    withdrawn: withdrawalSchema.optional(),
    /** Former slugs of a renamed article: their URLs answer 301 to this article's. */
    aliases: z.array(z.string().regex(SLUG_PATTERN, `must be a former slug: ${SLUG_RULE}`)).default([]),
    /** The lead image: shown above the story, and wherever the article travels. */
    image: leadImageSchema.optional(),
    /** Where a wire story came from (npm run import): its ninjs `uri`, and the version imported; a newer version updates the article. */
    wire: wireSchema.optional(),
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
