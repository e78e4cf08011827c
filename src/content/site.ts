import { z } from 'zod';
import { bcp47, requiredText, webUrl } from './fields';
import { SLUG_PATTERN, SLUG_RULE } from './slug';

/**
 * The site's own settings (`content/site.yml`), one schema like the articles': only `name` is
 * required; every other setting has the default a new newsroom would pick. Only the build imports
 * this module at runtime, so zod stays out of the Worker bundle.
 */

/** An IANA time zone name that this runtime's Intl knows (`America/Chicago`, `UTC`). */
const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone, such as America/Chicago or UTC' },
);

const slug = z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`);

/** A section of the site: its navigation entry and page, collecting the articles of its tags. */
export const sectionSchema = z.strictObject({
  slug: slug.describe('The last segment of the section page URL, /sections/<slug>.'),
  title: z.string().trim().min(1, 'must not be empty').describe('Its name in the navigation and on its page.'),
  tags: z.array(slug).min(1, 'must name at least one tag').describe('An article belongs to the first section (in this order) that collects one of its tags.'),
});

/** A link in the readers' footer: a page of this site (`/about`) or an absolute http(s) URL. */
const footerLink = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').describe('The link\'s text.'),
  url: z.union([z.string().regex(/^\/(?!\/)[^\s]*$/), webUrl], { error: 'must be a path on this site (/about) or an absolute http: or https: URL' }).describe('A page of this site (/about) or an absolute http: or https: URL.'),
});

/** A path under content/ to an image file (checked by the build: it exists, and its type). */
const contentPath = z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\]+$/, 'must be a path relative to the content folder, such as images/logo.svg');

/**
 * Where the editor at /admin/ saves on the public site (issue 19, docs/CMS.md): a commit to the
 * site's repository on GitHub, which the publish workflow deploys. Editors sign in with GitHub
 * through an OAuth client (`authUrl`: Decap's `base_url`).
 */
export const cmsSchema = z.strictObject({
  repo: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/name, the GitHub repository the site is built from')
    .describe('The GitHub repository the site is built from (owner/name): each save in the editor is a commit to it.'),
  branch: z.string().trim().min(1, 'must not be empty').default('main').describe('The branch the editor commits to: the one the publish workflow deploys.'),
  authUrl: webUrl.optional().describe('The OAuth client editors sign in to GitHub through (Decap\'s base_url), such as a Worker of your own.'),
});

export const siteSchema = z
  .strictObject({
    name: requiredText().describe('The newsroom\'s name: the masthead, every page title, feed and card.'),
    /**
     * Names the site in every feed and entry id. Set it once (before the first publish) and never
     * change it: every feed reader would show the whole archive again as new.
     */
    id: z.string().trim().min(1, 'must not be empty').default('edgewire').describe('Names the site in every feed entry: set it once, before the first publish, and never change it.'),
    tagline: z.string().trim().min(1, 'must not be empty').optional().describe('A line under the name in the masthead.'),
    logo: contentPath.optional().describe('The logo, a file under the content folder (images/logo.svg): an SVG, or a JPEG, PNG, WebP, AVIF or GIF.'),
    language: bcp47.default('en').describe('The site\'s language (BCP 47): each article\'s unless it says another.'),
    /** How dates and numbers are written (BCP 47); the language's own when absent. */
    locale: bcp47.optional().describe('How dates and numbers are written (BCP 47: en-US); the language\'s own when absent.'),
    timeZone: timeZone.default('UTC').describe('The newsroom\'s time zone (IANA: America/Chicago): dates are shown in it.'),
    sections: z.array(sectionSchema).default([]).describe('The sections, in navigation order, each collecting the articles of its tags.'),
    footer: z.array(footerLink).optional().describe('Links in every page\'s footer.'),
    sameAs: z.array(webUrl).default([]).describe('The newsroom\'s profiles elsewhere (social networks).'),
    cms: cmsSchema.optional().describe('The editor at /admin/ on the public site: the GitHub repository it saves into. Without it, the editor is in npm run dev only.'),
  })
  .superRefine((site, context) => {
    const seen = new Set<string>();
    site.sections.forEach(({ slug: section }, index) => {
      if (seen.has(section)) context.addIssue({ code: 'custom', message: `duplicate section "${section}"`, path: ['sections', index, 'slug'] });
      seen.add(section);
    });
  });

/** Settings as written in site.yml. */
export type SiteInput = z.input<typeof siteSchema>;
/** Settings after validation, defaults applied. */
export type SiteSettings = z.output<typeof siteSchema>;
export type Section = z.output<typeof sectionSchema>;
