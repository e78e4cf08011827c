import type { z } from 'zod';
import { frontMatterSchema, slugSchema, type FrontMatter } from '../../src/content/schema';
import type { ParsedFile } from './parser';
import type { Problem, Result } from './problems';

/** An article whose front matter, slug and body passed validation. */
export interface ValidArticle {
  file: string;
  slug: string;
  frontMatter: FrontMatter;
  body: string;
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
  return { ok: true, value: { file: parsed.file, slug: slug.data, frontMatter: frontMatter.data, body: parsed.body } };
}

/** Reports every slug used by more than one file (slugs are file names; subfolders may repeat one). */
export function findDuplicateSlugs(articles: readonly ValidArticle[]): Problem[] {
  const firstFileBySlug = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { file, slug } of articles) {
    const first = firstFileBySlug.get(slug);
    if (first === undefined) firstFileBySlug.set(slug, file);
    else problems.push({ file, field: 'slug', message: `duplicate slug "${slug}": already used by ${first}` });
  }
  return problems;
}

function toProblems(file: string, error: z.ZodError, fallbackField = 'front matter'): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const field = issue.path.length > 0 ? issue.path.join('.') : fallbackField;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ file, field: field === fallbackField ? key : `${field}.${key}`, message: 'unknown field' }));
    }
    return [{ file, field, message: issue.message }];
  });
}
