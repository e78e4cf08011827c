import type { z } from 'zod';
import { frontMatterSchema, isoInstant, slugSchema, type FrontMatter } from '../../src/content/schema';
import type { ParsedFile } from './parser';
import type { Problem, Result } from './problems';

/** An article whose front matter, slug and body passed validation. */
export interface ValidArticle {
  file: string;
  slug: string;
  frontMatter: FrontMatter;
  body: string;
  /** The instants (as normalised) that were written with a time of day: pages show the time only for them. */
  timed: string[];
}

/** Validates one parsed file against the schema; reports every issue, not just the first. */
export function validate(parsed: ParsedFile): Result<ValidArticle> {
  const problems: Problem[] = [];
  const slug = slugSchema.safeParse(parsed.name);
  if (!slug.success) problems.push(...toProblems(parsed.file, slug.error, 'slug'));
  const frontMatter = frontMatterSchema.safeParse(parsed.data);
  if (!frontMatter.success) problems.push(...toProblems(parsed.file, frontMatter.error));
  if (parsed.body.trim() === '') problems.push({ file: parsed.file, field: 'body', message: 'must not be empty' });
  if (!slug.success || !frontMatter.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { file: parsed.file, slug: slug.data, frontMatter: frontMatter.data, body: parsed.body, timed: timedInstants(parsed.data) } };
}


/** What an article claims of the slugs: its own, and its former ones. */
export interface SlugClaim {
  file: string;
  slug: string;
  frontMatter: Pick<ValidArticle['frontMatter'], 'aliases'>;
}

/** Reports every slug used by more than one file (slugs are file names; subfolders may repeat one). */
export function findDuplicateSlugs(articles: readonly SlugClaim[]): Problem[] {
  const firstFileBySlug = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { file, slug } of articles) {
    const first = firstFileBySlug.get(slug);
    if (first === undefined) firstFileBySlug.set(slug, file);
    else problems.push({ file, field: 'slug', message: `duplicate slug "${slug}": already used by ${first}` });
  }
  return problems;
}

export function toProblems(file: string, error: z.ZodError, fallbackField = 'front matter'): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const field = issue.path.length > 0 ? issue.path.join('.') : fallbackField;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ file, field: field === fallbackField ? key : `${field}.${key}`, message: 'unknown field' }));
    }
    return [{ file, field, message: issue.message }];
  });
}

/**
 * The dates of a front matter that were written with a time of day (`2026-12-05T21:30:00-06:00`,
 * not `2026-12-05`), normalised as the schema normalises them. A date alone names a day, and the
 * pages show it as that day, with no time.
 */
function timedInstants(data: unknown): string[] {
  const fields = data as { datePublished?: unknown; dateModified?: unknown; corrections?: unknown; withdrawn?: unknown };
  const corrections = Array.isArray(fields.corrections) ? fields.corrections.map((correction: { date?: unknown }) => correction?.date) : [];
  const written = [fields.datePublished, fields.dateModified, (fields.withdrawn as { date?: unknown } | undefined)?.date, ...corrections];
  const timed = written.filter((value): value is string => typeof value === 'string' && value.length > 10).map((value) => isoInstant.safeParse(value));
  return [...new Set(timed.flatMap((result) => (result.success ? [result.data] : [])))].sort();
}

/**
 * Aliases are former slugs: each must name no live article (its URL would be shadowed) and
 * belong to one article only (a 301 goes to one place).
 */
export function findAliasProblems(articles: readonly SlugClaim[]): Problem[] {
  const live = new Map(articles.map(({ slug, file }) => [slug, file]));
  const claimed = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { file, frontMatter } of articles) {
    frontMatter.aliases.forEach((alias, index) => {
      const field = `aliases.${index}`;
      const owner = live.get(alias);
      const other = claimed.get(alias);
      if (owner !== undefined) problems.push({ file, field, message: `"${alias}" is the slug of a live article (${owner}); an alias must be a former slug` });
      else if (other !== undefined) problems.push({ file, field, message: `"${alias}" is already an alias of ${other}` });
      else claimed.set(alias, file);
    });
  }
  return problems;
}
