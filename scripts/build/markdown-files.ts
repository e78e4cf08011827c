import type { z } from 'zod';
import { slugSchema } from '../../src/content/schema';
import { fieldCharacterProblems, renderedCharacterProblems, sourceCharacterProblems } from './characters';
import { guarded } from './article';
import type { SourceFile } from './collector';
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
