import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Problem } from './problems';

/** An article source file as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes (used in messages). */
  file: string;
  /** The file name without `.md`: the article's slug before validation. */
  name: string;
  text: string;
}

const ARTICLE_EXTENSION = '.md';

/**
 * Reads every article under `dir` (subfolders included), sorted by path so the build's output
 * never depends on directory order. A file that is not Markdown is reported, not skipped, so a
 * misnamed article (`.markdown`, `.txt`) cannot vanish silently; dotfiles are ignored.
 */
export async function collect(dir: string, root: string): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const paths = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const file = relative(root, path).split(sep).join('/');
    const base = path.slice(path.lastIndexOf(sep) + 1);
    if (!base.endsWith(ARTICLE_EXTENSION)) {
      problems.push({ file, field: 'file', message: `not an article: articles are Markdown files ending in ${ARTICLE_EXTENSION}` });
      continue;
    }
    files.push({ file, name: base.slice(0, -ARTICLE_EXTENSION.length), text: await readFile(path, 'utf8') });
  }
  return { files, problems };
}
