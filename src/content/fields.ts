import { z } from 'zod';

/** Field types shared by the content schemas (articles, site settings, authors). */

/**
 * A link the pages put in `href`: absolute, and http: or https: only. `javascript:`, `data:` and
 * `vbscript:` run or render in the reader's browser, and a relative URL would resolve against
 * whichever site serves the page. (zod also requires the `//` after the scheme: `https:x` fails.)
 */
export const webUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http: or https: URL' });

/** A BCP 47 language tag that Intl can canonicalise (`en`, `fr-CA`). */
export const bcp47 = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'must be a BCP 47 language tag, such as en or fr-CA' },
);

/**
 * Whether a text shows anything: not only white space and characters that draw nothing (format
 * characters such as U+200B ZERO WIDTH SPACE, U+2800 BRAILLE PATTERN BLANK, U+3164 HANGUL FILLER,
 * U+115F/U+1160 and U+FFA0). A screen reader reads nothing from alt text made of them.
 */
export function showsText(text: string): boolean {
  return /[^\p{White_Space}\p{Cf}\u2800\u3164\u115F\u1160\uFFA0]/u.test(text);
}

/** A text that must be given and show something: "is required" when missing, "must not be empty" when blank. */
export const requiredText = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, 'must not be empty');
