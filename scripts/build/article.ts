import type { Article } from '../../src/content/article';
import { fieldCharacterProblems, sourceCharacterProblems } from './characters';
import type { SourceFile } from './collector';
import type { Catalog } from './catalog';
import { deriveArticle } from './derive';
import { parse, splitFrontMatter } from './parser';
import type { Result } from './problems';
import { validate, type ValidArticle } from './transformer';

/** A source file that passed every per-file stage: its validated data and the article it makes. */
export interface BuiltArticle {
  valid: ValidArticle;
  article: Article;
}

/**
 * One source file through check -> parse -> validate -> derive, reporting every problem these
 * stages can see. An exception in any of them becomes this file's problem, so one odd file never
 * hides the others' problems behind a stack trace.
 */
export function buildArticle(source: SourceFile, catalog: Catalog): Result<BuiltArticle> {
  return guarded(source.file, () => stages(source, catalog));
}

/** Runs `run`, turning an exception into a problem of `file`. */
export function guarded<T>(file: string, run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, problems: [{ file, field: 'file', message: `could not be built (${reason.split('\n', 1)[0]})` }] };
  }
}

function stages(source: SourceFile, catalog: Catalog): Result<BuiltArticle> {
  const raw = sourceCharacterProblems(source.file, source.text, splitFrontMatter(source.text)?.bodyLine ?? null);
  const parsed = parse(source);
  if (!parsed.ok) return { ok: false, problems: [...raw, ...parsed.problems] };
  // A character found in the raw source would be found again once YAML has decoded it.
  const decoded = raw.length > 0 ? [] : fieldCharacterProblems(source.file, parsed.value.data);
  const validated = validate(parsed.value);
  const problems = [...raw, ...decoded, ...(validated.ok ? [] : validated.problems)];
  if (!validated.ok || problems.length > 0) return { ok: false, problems };
  const derived = deriveArticle(validated.value, catalog);
  return derived.ok ? { ok: true, value: { valid: validated.value, article: derived.value } } : derived;
}
