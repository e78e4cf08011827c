import { pageFrontMatterSchema, type PageFrontMatter } from '../../src/content/page';
import { RESERVED_PAGE_SLUGS } from '../../src/content/paths';
import type { CollectOptions } from './collector';
import { readMarkdownFolder, type BuiltMarkdown } from './markdown-files';
import type { Problem } from './problems';

/** A static page as the build read it: `content/pages/<slug>.md`, served at `/<slug>`. */
export type BuiltPage = BuiltMarkdown<PageFrontMatter>;

const reserved = (name: string) =>
  RESERVED_PAGE_SLUGS.includes(name) ? `"${name}" is a path the site uses itself (${RESERVED_PAGE_SLUGS.map((slug) => `/${slug}`).join(', ')}); rename the file` : null;

/** Every static page under `<content>/pages` (the folder is optional), sorted by slug; every problem. */
export async function readPages(contentDir: string, root: string, options: CollectOptions): Promise<{ pages: BuiltPage[]; problems: Problem[] }> {
  const { built, problems } = await readMarkdownFolder(contentDir, root, options, { folder: 'pages', noun: 'page', nameIs: 'page', schema: pageFrontMatterSchema, emptyBody: false, refuse: reserved });
  return { pages: built.sort((a, b) => (a.name < b.name ? -1 : 1)), problems };
}
