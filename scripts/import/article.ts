import { Document } from 'yaml';
import type { FrontMatterInput } from '../../src/content/schema';
import { escapeMarkdownText } from './markdown';
import type { WireStory } from './wire';

const MAX_SLUG_LENGTH = 40;

/** A URL slug from a headline: ASCII, lowercase, hyphenated, cut at a word boundary to 40 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH && slug !== '') break;
    slug = next.slice(0, MAX_SLUG_LENGTH);
  }
  return slug;
}

/**
 * The article file for a wire story: YAML front matter, then the paragraphs escaped so CommonMark
 * renders each one verbatim, and its lead image when a photo came with it. Lines the format does
 * not explain are kept as YAML comments (not published, not lost) with the origin of the import.
 */
export function articleFile(story: WireStory, datePublished: string, origin: string, image?: FrontMatterInput['image']): string {
  const frontMatter: FrontMatterInput = {
    title: story.title,
    ...(story.alternativeHeadline === null ? {} : { alternativeHeadline: story.alternativeHeadline }),
    datePublished,
    source: story.source,
    ...(image === undefined ? {} : { image }),
  };
  const comments = [`Imported from ${origin}.`, ...story.unmapped.map(({ line, text }) => `Line ${line} not understood, not published: ${JSON.stringify(text)}`)];
  return markdownFile(frontMatter, comments, story.paragraphs.map(escapeMarkdownText).join('\n\n'));
}

/** An article file: YAML front matter after `comments` (each a line: not published, not lost), then the Markdown body. */
export function markdownFile(frontMatter: FrontMatterInput, comments: readonly string[], body: string): string {
  const document = new Document(frontMatter);
  document.commentBefore = comments.map((comment) => ` ${comment}`).join('\n');
  return `---\n${document.toString({ lineWidth: 0 })}---\n\n${body}\n`;
}
