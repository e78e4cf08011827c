import { z } from 'zod';

/** A static page (`content/pages/<slug>.md`: About, Contact, a corrections policy), served at `/<slug>`. */
export const pageFrontMatterSchema = z.strictObject({
  title: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).trim().min(1, 'must not be empty'),
  description: z.string().trim().min(1, 'must not be empty').optional(),
});

export type PageFrontMatter = z.output<typeof pageFrontMatterSchema>;

