import { join } from 'node:path';
import { pageFrontMatterSchema, type PageFrontMatter } from '../../src/content/page';
import { RESERVED_PAGE_SLUGS } from '../../src/content/paths';
import { duplicates } from './authors';
import { collect, type CollectOptions } from './collector';
import { buildMarkdown, type BuiltMarkdown } from './markdown-files';
import type { Problem } from './problems';

/** A static page as the build read it: `content/pages/<slug>.md`, served at `/<slug>`. */
export type BuiltPage = BuiltMarkdown<PageFrontMatter>;

/** Every static page under `<content>/pages` (the folder is optional), sorted by slug; every problem. */
export async function readPages(contentDir: string, root: string, options: CollectOptions): Promise<{ pages: BuiltPage[]; problems: Problem[] }> {
  const collected = await collect(join(contentDir, 'pages'), root, { ...options, noun: 'page', optional: true });
  const problems = [...collected.problems];
  const pages: BuiltPage[] = [];
  for (const source of collected.files) {
    const built = buildMarkdown(source, pageFrontMatterSchema, false);
    if (!built.ok) problems.push(...built.problems);
    else if (RESERVED_PAGE_SLUGS.includes(built.value.name)) {
      problems.push({ file: built.value.file, field: 'file name', message: `"${built.value.name}" is a path the site uses itself (${RESERVED_PAGE_SLUGS.map((slug) => `/${slug}`).join(', ')}); rename the file` });
    } else pages.push(built.value);
  }
  problems.push(...duplicates(pages, 'page'));
  return { pages: pages.sort((a, b) => (a.name < b.name ? -1 : 1)), problems };
}
