import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BodyFile } from '../../src/store/bundle';
import type { BuildOutput } from './represent';

/** JSON with every character past ASCII escaped (`\u00e9`): JSON.parse reads it back exactly. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The content module's text (a Workers Text module: the runtime hands it over as a string,
 * with no JavaScript to parse). Line 0 is the index as JSON, parsed at startup; line i + 1 is the
 * JSON of article `index.slugs[i]`, parsed when the article is first asked for. ASCII only, so
 * the string is one byte a character and costs startup no decoding. Deterministic: the output
 * holds no timestamps and its arrays are sorted.
 */
export function contentText({ index, articles }: Pick<BuildOutput, 'index' | 'articles'>): string {
  return [index, ...articles].map(asciiJson).join('\n');
}

/** Writes the content module, leaving the file untouched when nothing changed (no needless rebuilds in dev). */
export async function writeModule(path: string, text: string): Promise<boolean> {
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current === text) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return true;
}

/**
 * Makes `dir` hold exactly `files`. Names are content hashes, so a file already there is already
 * right: only new files are written and stale ones removed (dev reloads only for real changes).
 */
export async function writeBodyFiles(dir: string, files: readonly BodyFile[]): Promise<{ written: number; removed: number }> {
  await mkdir(dir, { recursive: true });
  const existing = new Set(
    (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => `/${join(entry.parentPath, entry.name).slice(dir.length + 1)}`),
  );
  const wanted = new Set(files.map((file) => file.path));
  const stale = [...existing].filter((path) => !wanted.has(path));
  const fresh = files.filter((file) => !existing.has(file.path));
  await Promise.all(stale.map((path) => rm(join(dir, path))));
  await Promise.all([...new Set(fresh.map((file) => dirname(join(dir, file.path))))].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(fresh.map((file) => writeFile(join(dir, file.path), file.text)));
  return { written: fresh.length, removed: stale.length };
}
