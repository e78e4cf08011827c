import { join } from 'node:path';
import type { z } from 'zod';
import { slugSchema } from '../../src/content/schema';
import { fieldCharacterProblems, renderedCharacterProblems, sourceCharacterProblems } from './characters';
import { guarded } from './article';
import { collect, type CollectOptions, type SourceFile } from './collector';
import { parse, splitFrontMatter } from './parser';
import type { Problem, Result } from './problems';
import { renderBody } from './render';
import { toProblems } from './transformer';

/** A Markdown file other than an article (an author's bio, a static page), validated and rendered. */
export interface BuiltMarkdown<T> {
  file: string;
  /** The file name: the author's id, the page's slug. */
  name: string;
  data: T;
  html: string;
  text: string;
  firstParagraph: string;
}

/**
 * One source file through the article's stages (characters, front matter, schema, CommonMark),
 * against `schema`; every problem as `file: field: message`, an exception as the file's problem.
 * `emptyBody` says whether a file may have no body (an author with no bio yet).
 */
export function buildMarkdown<S extends z.ZodType>(source: SourceFile, schema: S, emptyBody: boolean): Result<BuiltMarkdown<z.output<S>>> {
  return guarded(source.file, () => {
    const raw = sourceCharacterProblems(source.file, source.text, splitFrontMatter(source.text)?.bodyLine ?? null);
    const parsed = parse(source);
    if (!parsed.ok) return { ok: false, problems: [...raw, ...parsed.problems] };
    const problems: Problem[] = [...raw, ...(raw.length > 0 ? [] : fieldCharacterProblems(source.file, parsed.value.data))];
    const name = slugSchema.safeParse(source.name);
    if (!name.success) problems.push(...toProblems(source.file, name.error, 'file name'));
    const data = schema.safeParse(parsed.value.data);
    if (!data.success) problems.push(...toProblems(source.file, data.error));
    if (!emptyBody && parsed.value.body.trim() === '') problems.push({ file: source.file, field: 'body', message: 'must not be empty' });
    const rendered = renderBody(parsed.value.body, 'en');
    problems.push(...renderedCharacterProblems(source.file, [rendered.html, rendered.text]), ...rendered.problems.map((problem) => ({ file: source.file, ...problem })));
    if (!data.success || problems.length > 0) return { ok: false, problems };
    return { ok: true, value: { file: source.file, name: source.name, data: data.data as z.output<S>, html: rendered.html, text: rendered.text, firstParagraph: rendered.firstParagraph } };
  });
}

/** One folder of Markdown files under the content folder: what each file is, and its schema. */
export interface MarkdownFolder<S extends z.ZodType> {
  /** The folder, relative to the content folder (`authors`). */
  folder: string;
  /** What one file is, for messages (`author`). */
  noun: string;
  /** What its file name is, for messages (`author id`). */
  nameIs: string;
  schema: S;
  emptyBody: boolean;
  /** Why a file name may not be used (a path the site uses itself), or null. */
  refuse?: (name: string) => string | null;
}

/**
 * Every file of an optional folder (`content/authors/`, `content/pages/`) built against its schema,
 * every problem at once; a name used by two files (in subfolders) is a problem of the second.
 */
export async function readMarkdownFolder<S extends z.ZodType>(contentDir: string, root: string, options: CollectOptions, kind: MarkdownFolder<S>): Promise<{ built: BuiltMarkdown<z.output<S>>[]; problems: Problem[] }> {
  const collected = await collect(join(contentDir, kind.folder), root, { ...options, noun: kind.noun, optional: true });
  const problems = [...collected.problems];
  const built: BuiltMarkdown<z.output<S>>[] = [];
  const first = new Map<string, string>();
  for (const source of collected.files) {
    const result = buildMarkdown(source, kind.schema, kind.emptyBody);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { file, name } = result.value;
    const earlier = first.get(name);
    const refused = kind.refuse?.(name) ?? null;
    if (refused !== null) problems.push({ file, field: 'file name', message: refused });
    else if (earlier === undefined) {
      first.set(name, file);
      built.push(result.value);
    } else problems.push({ file, field: 'file name', message: `duplicate ${kind.nameIs} "${name}": already used by ${earlier}` });
  }
  return { built, problems };
}
