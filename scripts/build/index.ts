import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DevNotice } from '../../src/views/notice';
import { buildArticle, type BuiltArticle } from './article';
import { readAuthors, type BuiltAuthor } from './authors';
import type { Catalog } from './catalog';
import { collect, displayPath } from './collector';
import { byNewest } from './derive';
import { nextLastGood, withLastGood, type LastGood } from './last-good';
import { LIMITS, oversizeProblems, representationProblems } from './limits';
import { PLATFORM_LIMITS, platformFigures, platformProblems, type Plan, type PlanLimits } from './platform-limits';
import { devHeadline, formatProblem, type Problem } from './problems';
import { represent, type BuildOutput } from './represent';
import { readSite, type Site } from './site';
import { readPages, type BuiltPage } from './static-pages';
import { findAliasProblems, findDuplicateSlugs } from './transformer';
import type { BodySink, KeptFile, StoredFile } from './sink';
import { deployable, type Deployable } from './writer';

/** The site stylesheet and favicon belong to the views, not to a content folder. */
const STYLESHEET = new URL('../../src/views/site.css', import.meta.url);
const FAVICON = new URL('../../src/views/favicon.svg', import.meta.url);
const EMBED = (name: string) => new URL(`../../src/views/embed/${name}`, import.meta.url);

export interface BuildOptions {
  /** Project root: messages name files relative to it. */
  root: string;
  /** The content folder, relative to root: `articles/` in it. */
  contentDir?: string;
  /** Drafts are left out unless asked for (dev builds ask). */
  includeDrafts?: boolean;
  /** Largest Markdown source of one article, in bytes. */
  maxArticleBytes?: number;
  /** Largest rendered representation (JSON, HTML or Markdown) of one article, in bytes. */
  maxRepresentationBytes?: number;
  /** Largest body file, in bytes: the platform's static-asset limit. */
  maxAssetBytes?: number;
  /** An articles folder without articles builds an empty site instead of failing. */
  allowEmpty?: boolean;
  /** The Workers plan whose limits (static-asset files, Worker size) the output must fit. */
  plan?: Plan;
  /** Those limits, per plan: Cloudflare's (smaller ones in tests). */
  platformLimits?: Record<Plan, PlanLimits>;
  /** A dev build: problems do not fail it; broken files are served as they last built, and every page lists the problems. */
  dev?: { lastGood: LastGood };
}

/** Where the body files go as they are made (sink.ts); without one, they are kept in memory (`files` holds their texts). */
export interface SinkOption<F extends StoredFile> {
  sink?: BodySink<F>;
}

/**
 * What a build produced. `ok` with `problems` only in a dev build; `lastGood` is the dev cache
 * after this build.
 */
/** A build that succeeded carries its output and that output as it is deployed (encoded once). */
export type BuildResult<F extends StoredFile = KeptFile> = ({ ok: true; problems: Problem[]; lastGood: LastGood; deployed: Deployable<F> } & BuildOutput<F>) | { ok: false; problems: Problem[] };

const DEFAULTS: Required<Omit<BuildOptions, 'root' | 'dev'>> = {
  contentDir: 'content',
  includeDrafts: false,
  maxArticleBytes: LIMITS.articleBytes,
  maxRepresentationBytes: LIMITS.representationBytes,
  maxAssetBytes: LIMITS.assetBytes,
  allowEmpty: false,
  plan: 'free',
  platformLimits: PLATFORM_LIMITS,
};

type Settings = typeof DEFAULTS & BuildOptions;

type Render<F extends StoredFile> = (serving: readonly BuiltArticle[], notice?: DevNotice) => { output: BuildOutput<F>; deployed: Deployable<F>; oversize: Problem[] };

/** What the articles are published with: the site's settings, its authors and its static pages. */
export interface Newsroom {
  site: Site;
  authors: BuiltAuthor[];
  pages: BuiltPage[];
  catalog: Catalog;
}

/**
 * site.yml, content/authors/ and content/pages/, every problem at once. Nothing can be rendered
 * without them, so their problems fail a dev build too (the previous output stays served).
 */
async function readNewsroom(contentDir: string, settings: Settings): Promise<{ ok: true; value: Newsroom } | { ok: false; problems: Problem[] }> {
  const [site, authors, pages] = await Promise.all([
    readSite(contentDir, settings.root),
    readAuthors(contentDir, settings.root, settings),
    readPages(contentDir, settings.root, settings),
  ]);
  const problems = [...(site.ok ? [] : site.problems), ...authors.problems, ...pages.problems];
  if (!site.ok || problems.length > 0) return { ok: false, problems };
  const catalog: Catalog = { authors: new Map(authors.authors.map(({ name, data }) => [name, { name: data.name }])), sections: site.value.settings.sections };
  return { ok: true, value: { site: site.value, authors: authors.authors, pages: pages.pages, catalog } };
}

/** newsroom, then collect -> (per file) check, parse, validate, derive -> represent. Returns the output, or every problem. */
export async function buildContent<F extends StoredFile = KeptFile>(options: BuildOptions & SinkOption<F>): Promise<BuildResult<F>> {
  const { sink, ...rest } = options;
  const settings: Settings = { ...DEFAULTS, ...rest };
  const contentDir = resolve(settings.root, settings.contentDir);
  const dir = resolve(contentDir, 'articles');
  const [newsroom, collected] = await Promise.all([readNewsroom(contentDir, settings), collect(dir, settings.root, settings)]);
  if (!newsroom.ok) return { ok: false, problems: [...newsroom.problems, ...collected.problems] };
  const problems = [...collected.problems];
  const built: BuiltArticle[] = [];
  for (const source of collected.files) {
    const result = buildArticle(source, newsroom.value.catalog);
    if (result.ok) built.push(result.value);
    else problems.push(...result.problems);
  }
  const valid = built.map(({ valid }) => valid);
  problems.push(...findDuplicateSlugs(valid), ...findAliasProblems(valid));
  if (problems.length > 0 && settings.dev === undefined) return { ok: false, problems };
  return site(built, problems, settings, displayPath(settings.root, dir), newsroom.value, sink);
}

/** Renders what is served; a production build with a body file over the asset limit, or output over a platform limit, fails. */
async function site<F extends StoredFile>(built: readonly BuiltArticle[], problems: readonly Problem[], settings: Settings, folder: string, newsroom: Newsroom, sink?: BodySink<F>): Promise<BuildResult<F>> {
  const read = (url: URL) => readFile(url, 'utf8');
  const embed = { stylesheet: await read(EMBED('card.css')), script: await read(EMBED('report-height.js')), resizer: await read(EMBED('resizer.js')) };
  const assets = { stylesheet: await read(STYLESHEET), favicon: await read(FAVICON), embed };
  const contentFolder = displayPath(settings.root, resolve(settings.root, settings.contentDir));
  const render = (serving: readonly BuiltArticle[], notice?: DevNotice) => {
    const published = serving
      .filter(({ valid }) => settings.includeDrafts || !valid.frontMatter.draft)
      .map(({ valid, article }) => ({ file: valid.file, article, body: valid.body, frontMatter: valid.frontMatter, timed: valid.timed }));
    const output = represent(published.sort(byNewest), newsroom, assets, notice, sink);
    const deployed = deployable(output);
    const platform = platformProblems(platformFigures(deployed), settings.plan, contentFolder, settings.platformLimits);
    const oversize = [...representationProblems(output, published, settings.maxRepresentationBytes), ...oversizeProblems(output, published, folder, settings.maxAssetBytes), ...platform];
    return { output, deployed, oversize };
  };
  if (settings.dev !== undefined) return devSite(built, problems, settings.dev.lastGood, render, newsroom.catalog);
  const { output, deployed, oversize } = render(built);
  if (oversize.length > 0) return { ok: false, problems: oversize };
  return { ok: true, problems: [], lastGood: nextLastGood(built, new Set(), new Map()), ...output, deployed };
}

/**
 * A dev build serves every article that built and, for each broken file, its last good version;
 * every page lists the problems. An article whose body file is over the asset limit is broken
 * too: it is rendered again without it (until no served article is over; a page alone has no fallback).
 * Output over a platform limit is reported and served: only an upload enforces those limits.
 */
function devSite<F extends StoredFile>(built: readonly BuiltArticle[], problems: readonly Problem[], cached: LastGood, render: Render<F>, catalog: Catalog): BuildResult<F> {
  let reported = problems;
  let lastGood = cached;
  for (;;) {
    const broken = new Set(reported.map((problem) => problem.file));
    const serving = withLastGood(built, broken, lastGood, catalog);
    const notice = reported.length > 0 ? { summary: devHeadline(reported.length), problems: reported.map(formatProblem) } : undefined;
    const { output, deployed, oversize } = render(serving, notice);
    const dropped = new Set(oversize.map((problem) => problem.file));
    if (!serving.some(({ valid }) => dropped.has(valid.file))) {
      return { ok: true, problems: [...reported, ...oversize], lastGood: nextLastGood(built, broken, lastGood), ...output, deployed };
    }
    reported = [...reported, ...oversize];
    // A last good version over the limit is no fallback any more.
    lastGood = new Map([...lastGood].filter(([file]) => !(dropped.has(file) && broken.has(file))));
  }
}
