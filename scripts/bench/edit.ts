/**
 * The one-edit rebuild: what a newsroom does all day. One article's body gets a sentence more,
 * the build runs again over the same output, and the bench reports its time and how many asset
 * files it wrote and removed (the build's own "N files: W written, R removed").
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The paragraph the edit appends: plain ASCII prose, valid in any article body. */
export const EDITED_PARAGRAPH = 'An editor added this sentence after publication.';

/** The article file to edit: the middle one by name, so neither the newest nor the oldest. */
export function chooseArticle(names: readonly string[]): string {
  const articles = names.filter((name) => name.endsWith('.md')).sort();
  const chosen = articles[Math.floor(articles.length / 2)];
  if (chosen === undefined) throw new Error('no article to edit (no .md file)');
  return chosen;
}

/** The article's text with one paragraph more at the end of its body (front matter untouched). */
export function editedArticle(text: string): string {
  return `${text.replace(/\n*$/, '')}\n\n${EDITED_PARAGRAPH}\n`;
}

/** Edits one article of `articlesDir` in place; returns its file name. */
export async function editOneArticle(articlesDir: string): Promise<string> {
  const file = chooseArticle(await readdir(articlesDir));
  const path = join(articlesDir, file);
  await writeFile(path, editedArticle(await readFile(path, 'utf8')));
  return file;
}
