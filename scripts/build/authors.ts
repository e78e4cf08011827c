import { authorFrontMatterSchema, type AuthorFrontMatter } from '../../src/content/author';
import type { CollectOptions } from './collector';
import { readMarkdownFolder, type BuiltMarkdown } from './markdown-files';
import type { Problem } from './problems';

/** An author as the build read them: `content/authors/<id>.md`. */
export type BuiltAuthor = BuiltMarkdown<AuthorFrontMatter>;

/** Every author under `<content>/authors` (the folder is optional), sorted by name; every problem. */
export async function readAuthors(contentDir: string, root: string, options: CollectOptions): Promise<{ authors: BuiltAuthor[]; problems: Problem[] }> {
  const { built, problems } = await readMarkdownFolder(contentDir, root, options, { folder: 'authors', noun: 'author', nameIs: 'author id', schema: authorFrontMatterSchema, emptyBody: true });
  return { authors: built.sort((a, b) => (a.data.name < b.data.name ? -1 : a.data.name > b.data.name ? 1 : 0)), problems };
}
