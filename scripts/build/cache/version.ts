import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../hash';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The files a rendered article depends on besides its content: the build's stages, everything in
 * src/ (the views, and the content types and paths they use), and the lock file (markdown-it,
 * yaml, hono's html). Broader than the views alone on purpose: a change anywhere in them costs
 * one full render, while a file left out could serve a page made by old code.
 */
export const RENDERER_FILES = { root: ROOT, include: ['src', 'scripts/build', 'package-lock.json'], exclude: ['src/generated'] };

/** Bumped when the cache's entries change shape. */
const ENTRY_FORMAT = 1;

/**
 * The renderer's version: a hash of every file in `include` (folders walked, but `exclude`), by
 * path and bytes, with Node's version (its ICU formats dates and counts words; V8 serializes the
 * entries). Computed at every build, so no one has to remember to bump it.
 */
export async function rendererVersion({ root, include, exclude }: typeof RENDERER_FILES = RENDERER_FILES): Promise<string> {
  const skipped = exclude.map((path) => join(root, path));
  const files: string[] = [];
  for (const path of include.map((name) => join(root, name))) {
    const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOTDIR' ? null : Promise.reject(error)));
    if (entries === null) files.push(path);
    else files.push(...entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)));
  }
  const used = files.filter((file) => !skipped.some((folder) => file === folder || file.startsWith(folder + sep))).sort();
  const parts = await Promise.all(used.map(async (file) => [relative(root, file), (await readFile(file)).toString('base64')]));
  return contentHash(`format ${ENTRY_FORMAT}`, process.version, ...parts.flat());
}
