/**
 * The per-article work of a production build as functions of plain data, run by the build's
 * worker threads (pool.ts loads this module) exactly as the build's own thread runs them: listing
 * a source file (read it, build it, keep its metadata) and rendering an article (read and build
 * it again, render its four bodies). Only plain data crosses between threads: the result is the
 * same whichever thread made it.
 */
import type { ArticleSummary } from '../../../src/content/article';
import type { EmbedContext } from '../../../src/views/embed/card';
import type { ViewContext } from '../../../src/views/format';
import { articleBodies } from '../article-bodies';
import { listArticle, loadArticle, type ListResult } from '../article';
import type { Picture } from '../article-images';
import type { Catalog } from '../catalog';
import type { SourceEntry } from '../collector';

export type { ListResult };

/** Reads and builds a source file; its metadata, or its problems. */
export function list(source: SourceEntry, catalog: Catalog): ListResult {
  return listArticle(source, catalog);
}

/** What every article of a build is rendered with: the catalog and the contexts, without the per-article dates. */
export interface RenderShared {
  catalog: Catalog;
  context: Omit<ViewContext, 'timed'>;
  card: Omit<EmbedContext, 'timed'>;
}

/** One article to render: its file (and the hash of the text it was listed from), and what its page shows besides it. */
export interface RenderTask {
  source: SourceEntry;
  hash: string;
  /** Its pictures as verified when it was listed (their keys: the pages' URLs). */
  pictures: readonly Picture[];
  draft: boolean;
  /** When it goes live, in a preview of it before then (dev builds). */
  scheduled?: string;
  related: readonly ArticleSummary[];
  /** The instants written with a time of day, of the article and of each related one (the only dates its page shows). */
  timed: readonly (readonly [string, readonly string[]])[];
}

/** An article's four bodies. */
export function render({ source, hash, pictures, draft, scheduled, related, timed: instants }: RenderTask, { catalog, context, card }: RenderShared): string[] {
  const timed = new Map(instants.map(([slug, dates]) => [slug, new Set(dates)]));
  return articleBodies(loadArticle(source, catalog, hash, pictures), { ...context, timed }, { ...card, timed }, { draft, related, ...(scheduled === undefined ? {} : { scheduled }) });
}
