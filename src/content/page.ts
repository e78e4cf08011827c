import { z } from 'zod';
import { requiredText } from './fields';

/** A static page (`content/pages/<slug>.md`: About, Contact, a corrections policy), served at `/<slug>`. */
export const pageFrontMatterSchema = z.strictObject({
  title: requiredText().describe('The page\'s title: About us, Contact, Corrections policy.'),
  description: z.string().trim().min(1, 'must not be empty').optional().describe('A sentence for search results and link previews.'),
});

export type PageFrontMatter = z.output<typeof pageFrontMatterSchema>;

