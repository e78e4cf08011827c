import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ORIGIN } from '../../src/store/bundle';
import { collect } from './collector';
import { byNewest, deriveArticle } from './derive';
import { parse } from './parser';
import type { Problem } from './problems';
import { represent, type BuildOutput } from './represent';
import { findDuplicateSlugs, validate, type ValidArticle } from './transformer';

/** The site stylesheet belongs to the views, not to a content folder. */
const STYLESHEET = new URL('../../src/views/site.css', import.meta.url);

export interface BuildOptions {
  /** Project root: messages name files relative to it. */
  root: string;
  /** Folder of articles, relative to root. */
  articlesDir?: string;
  /** Drafts are left out unless asked for (only `npm run dev` asks). */
  includeDrafts?: boolean;
  siteName?: string;
}

/** collect -> parse -> validate -> derive -> represent. Returns the output, or every problem. */
export async function buildContent(options: BuildOptions): Promise<({ ok: true } & BuildOutput) | { ok: false; problems: Problem[] }> {
  const { root, articlesDir = 'content/articles', includeDrafts = false, siteName = 'edgewire' } = options;
  const collected = await collect(resolve(root, articlesDir), root);
  const problems: Problem[] = [...collected.problems];
  const valid: ValidArticle[] = [];
  for (const source of collected.files) {
    if (source.text.includes(ORIGIN)) problems.push({ file: source.file, field: 'file', message: 'contains U+E000, which the build reserves' });
    const parsed = parse(source);
    const result = parsed.ok ? validate(parsed.value) : parsed;
    if (result.ok) valid.push(result.value);
    else problems.push(...result.problems);
  }
  problems.push(...findDuplicateSlugs(valid));
  if (problems.length > 0) return { ok: false, problems };
  const published = valid.filter((article) => includeDrafts || !article.frontMatter.draft);
  const stylesheet = await readFile(STYLESHEET, 'utf8');
  return { ok: true, ...represent(published.map((valid) => ({ article: deriveArticle(valid), body: valid.body })).sort(byNewest), stylesheet, siteName) };
}
