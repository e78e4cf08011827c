import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * The project's own articles (content/articles), or ASTRO_PEER_CONTENT when the bench points
 * the peer at another folder. The fields are edgewire's front matter, loosely.
 */
const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env.ASTRO_PEER_CONTENT ?? '../../../content/articles' }),
  schema: z.object({
    title: z.string(),
    alternativeHeadline: z.string().optional(),
    description: z.string().optional(),
    datePublished: z.coerce.date(),
    authors: z.array(z.union([z.string(), z.object({ name: z.string(), url: z.string().optional() })])).default([]),
    source: z.union([z.string(), z.object({ name: z.string(), url: z.string().optional() })]).optional(),
    tags: z.array(z.string()).default([]),
    lang: z.string().default('en'),
  }),
});

export const collections = { articles };
