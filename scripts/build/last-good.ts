import { dirname } from 'node:path';
import { z } from 'zod';
import { frontMatterSchema, slugSchema } from '../../src/content/schema';
import { guarded, type BuiltArticle } from './article';
import type { Catalog } from './catalog';
import { deriveArticle } from './derive';
import { realFileSystem, writeAtomically, type FileSystem } from './files';
import type { ValidArticle } from './transformer';

/**
 * Dev builds (`npm run dev`) never fail on content: a broken file is served as it last built,
 * from a small cache of each source file's last good validated data (`.edgewire/dev-last-good.json`,
 * outside the assets folder). Production builds neither read nor write it.
 */

/** Each source file's last good version, by its path. */
export type LastGood = ReadonlyMap<string, ValidArticle>;

/** The cache file is read back through the same schema the articles passed: nothing is taken on trust. */
const cacheSchema = z.object({
  version: z.literal(1),
  articles: z.array(z.object({ file: z.string(), slug: slugSchema, frontMatter: frontMatterSchema, body: z.string(), timed: z.array(z.string()).default([]) })),
});

/** The cache, or an empty one when it is missing or unreadable (it is only a cache). */
export async function readLastGood(path: string, fs: FileSystem = realFileSystem): Promise<LastGood> {
  const text = await fs.readFile(path, 'utf8').catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new Map();
  }
  const cache = cacheSchema.safeParse(json);
  return new Map(cache.success ? cache.data.articles.map((article) => [article.file, article]) : []);
}

/** Writes the cache, sorted by file so the same content gives the same bytes. */
export async function writeLastGood(path: string, lastGood: LastGood, fs: FileSystem = realFileSystem): Promise<void> {
  const articles = [...lastGood.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
  await fs.mkdir(dirname(path), { recursive: true });
  await writeAtomically(path, `${JSON.stringify({ version: 1, articles })}\n`, fs);
}

/**
 * The articles a dev build serves: the current ones that are not broken, then the last good
 * version of each broken file, unless its slug is taken (current articles win) or it no longer builds.
 */
export function withLastGood(current: readonly BuiltArticle[], broken: ReadonlySet<string>, lastGood: LastGood, catalog: Catalog): BuiltArticle[] {
  const serving = current.filter(({ valid }) => !broken.has(valid.file));
  const slugs = new Set(serving.map(({ valid }) => valid.slug));
  for (const file of [...broken].sort()) {
    const valid = lastGood.get(file);
    if (valid === undefined || slugs.has(valid.slug)) continue;
    const derived = guarded(file, () => deriveArticle(valid, catalog));
    if (!derived.ok) continue;
    slugs.add(valid.slug);
    serving.push({ valid, article: derived.value });
  }
  return serving;
}

/** The cache after a dev build: each article built now, and for each broken file its last good version. */
export function nextLastGood(current: readonly BuiltArticle[], broken: ReadonlySet<string>, lastGood: LastGood): LastGood {
  const next = new Map<string, ValidArticle>();
  for (const { valid } of current) if (!broken.has(valid.file)) next.set(valid.file, valid);
  for (const file of broken) {
    const valid = lastGood.get(file);
    if (valid !== undefined) next.set(file, valid);
  }
  return next;
}
