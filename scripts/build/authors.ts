import { join } from 'node:path';
import { authorFrontMatterSchema, type AuthorFrontMatter } from '../../src/content/author';
import { collect, type CollectOptions } from './collector';
import { buildMarkdown, type BuiltMarkdown } from './markdown-files';
import type { Problem } from './problems';

/** An author as the build read them: `content/authors/<id>.md`. */
export type BuiltAuthor = BuiltMarkdown<AuthorFrontMatter>;

/** Every author page under `<content>/authors` (the folder is optional), sorted by id; every problem. */
export async function readAuthors(contentDir: string, root: string, options: CollectOptions): Promise<{ authors: BuiltAuthor[]; problems: Problem[] }> {
  const collected = await collect(join(contentDir, 'authors'), root, { ...options, noun: 'author', optional: true });
  const problems = [...collected.problems];
  const authors: BuiltAuthor[] = [];
  for (const source of collected.files) {
    const built = buildMarkdown(source, authorFrontMatterSchema, true);
    if (built.ok) authors.push(built.value);
    else problems.push(...built.problems);
  }
  problems.push(...duplicates(authors, 'author id'));
  return { authors: authors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), problems };
}

/** Files in subfolders may repeat a name: each name names one thing. */
export function duplicates(built: readonly { file: string; name: string }[], what: string): Problem[] {
  const first = new Map<string, string>();
  return built.flatMap(({ file, name }) => {
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, file);
    return earlier === undefined ? [] : [{ file, field: 'file name', message: `duplicate ${what} "${name}": already used by ${earlier}` }];
  });
}
