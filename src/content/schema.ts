import { z } from 'zod';
import { SLUG_PATTERN, SLUG_RULE } from './slug';

/**
 * The one schema for an article's front matter. Types for the build and the Worker are inferred
 * from it; nothing restates it by hand. Only the build imports this module at runtime (the Worker
 * imports types only), so zod never reaches the Worker bundle.
 */

/** An ISO 8601 date or date-time with an offset, normalised to an RFC 3339 UTC instant. */
const isoInstant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)',
  })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString().replace('.000Z', 'Z'))
  // Says what the transform produces, so the served shape (an RFC 3339 UTC instant) has a JSON Schema.
  .pipe(z.iso.datetime());

/**
 * A link the pages put in `href`: absolute, and http: or https: only. `javascript:`, `data:` and
 * `vbscript:` run or render in the reader's browser, and a relative URL would resolve against
 * whichever site serves the page. (zod also requires the `//` after the scheme: `https:x` fails.)
 */
const webUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http: or https: URL' });

/** A credit as the API serves it: a name, and a link when the author gave one. */
export const creditSchema = z.strictObject({ name: z.string().trim().min(1), url: webUrl.optional() });

/**
 * A person or organisation credited by name, with an optional link; a bare string is the name.
 * The pipe names the output shape, so the API's JSON Schema comes from here too.
 */
const credit = z
  .union([z.string().trim().min(1), creditSchema])
  .transform((given) => (typeof given === 'string' ? { name: given } : given))
  .pipe(creditSchema);

const bcp47 = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'must be a BCP 47 language tag, such as en or fr-CA' },
);

export const frontMatterSchema = z
  .strictObject({
    title: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).trim().min(1, 'must not be empty'),
    alternativeHeadline: z.string().trim().min(1, 'must not be empty').optional(),
    description: z.string().trim().min(1, 'must not be empty').optional(),
    datePublished: isoInstant,
    dateModified: isoInstant.optional(),
    authors: z.array(credit).default([]),
    source: credit.optional(),
    tags: z.array(z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`)).default([]),
    lang: bcp47.default('en'),
    draft: z.boolean().default(false),
  })
  .refine((fm) => !fm.dateModified || fm.dateModified >= fm.datePublished, {
    error: 'must not be earlier than datePublished',
    path: ['dateModified'],
  });

/** Front matter as written by an author (before defaults and normalisation). */
export type FrontMatterInput = z.input<typeof frontMatterSchema>;
/** Front matter after validation: defaults applied, dates normalised. */
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** A slug is the article's file name: lowercase a-z, 0-9 and single hyphens. */
export const slugSchema = z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE} (it is the file name)`);
