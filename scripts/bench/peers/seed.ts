/**
 * The articles the peers serve: the project's real ones (content/articles, the seed article),
 * read the simplest way, just enough to name their routes and check the peers' answers.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

export interface SeedArticle {
  slug: string;
  title: string;
  datePublished: string;
  /** The Markdown file. */
  path: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/** The articles in `contentDir`, newest first (the bench's article routes use the newest). */
export async function readSeedArticles(contentDir: string): Promise<SeedArticle[]> {
  const names = (await readdir(contentDir)).filter((name) => name.endsWith('.md')).sort();
  const articles: SeedArticle[] = [];
  for (const name of names) {
    const path = join(contentDir, name);
    const match = FRONT_MATTER.exec(await readFile(path, 'utf8'));
    const data: unknown = match ? parse(match[1]!) : null;
    if (typeof data !== 'object' || data === null || !('title' in data) || !('datePublished' in data)) {
      throw new Error(`${path}: no front matter with title and datePublished`);
    }
    articles.push({ slug: basename(name, '.md'), title: String(data.title), datePublished: String(data.datePublished), path });
  }
  if (articles.length === 0) throw new Error(`${contentDir}: no articles`);
  // ISO dates compare as strings; the slug breaks ties so the choice is deterministic.
  return articles.sort((a, b) => b.datePublished.localeCompare(a.datePublished) || a.slug.localeCompare(b.slug));
}
