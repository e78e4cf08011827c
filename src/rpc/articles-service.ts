import { WorkerEntrypoint } from 'cloudflare:workers';
import { isConfigError, refusal } from '../config';
import { servedBy, type Served } from '../config/served';
import type { Article } from '../content/article';
import type { Author, AuthorSummary } from '../content/author';
import { toNinjs, type NinjsDocument } from '../content/ninjs';
import { paths } from '../content/paths';
import type { Env } from '../env';
import { listPage, type ArticleList } from '../routes/list-page';
import { editionAt, readBody, type Edition } from '../store';
import { invalidListMessage, parseListOptions, type ListOptions } from './list-options';
import { searchJson, searchPage, type SearchResponse } from '../routes/search-answer';
import { searchString } from '../routes/search-query';
import { invalidSearchMessage, parseSearchOptions, type SearchOptions } from './search-options';

/** The representations `representation()` returns, as the HTTP routes send them. */
const FORMATS = ['html', 'markdown', 'json'] as const;
export type RepresentationFormat = (typeof FORMATS)[number];

/** An RPC caller's argument is whatever it sent, whatever its types said. */
const isFormat = (value: unknown): value is RepresentationFormat => FORMATS.some((format) => format === value);

const UTF8 = new TextDecoder();

/**
 * Articles for other Workers over a service binding (`[[services]]` with
 * `entrypoint = "ArticlesService"`): what the JSON API serves, without HTTP. Every result is a
 * plain object or a string, so it crosses the binding by structured clone.
 *
 * An unknown slug gives `null`, not an error: for a caller it is an ordinary answer (the page it
 * renders is a 404), and RPC carries an Error's message and name but no status or other member to
 * tell "not found" from a fault by. A mistake in the call (a bad list query, an unknown format)
 * and a bad deployment (SITE_URL) throw, with the message the HTTP API's problem document gives.
 */
export class ArticlesService extends WorkerEntrypoint<Env> {
  /** `data` of `GET /api/articles/:slug`, or null when there is no article with this slug. */
  async article(slug: string): Promise<Article | null> {
    const body = await this.representation(slug, 'json');
    return body === null ? null : (JSON.parse(body) as { data: Article }).data;
  }

  /** The body of `GET /api/articles/:slug/ninjs`: the article as IPTC ninjs 3.1, or null when there is no article with this slug. */
  async ninjs(slug: string): Promise<NinjsDocument | null> {
    const article = await this.article(slug);
    return article === null ? null : toNinjs(article, (await served(this.env)).origin.url);
  }

  /**
   * The body of `GET /api/articles?page=&limit=&tag=`. Throws a TypeError naming every invalid
   * option (the API's 400), a RangeError for a page past the last (the API's 404).
   */
  async articles(options: ListOptions = {}): Promise<ArticleList> {
    const parsed = parseListOptions(options);
    if (!parsed.ok) throw new TypeError(invalidListMessage(parsed.errors));
    const settings = await served(this.env);
    const page = await listPage(parsed.query, settings.origin.url, editionOf(settings), this.env.ASSETS);
    if (!page.ok) throw new RangeError(page.detail);
    return JSON.parse(page.body) as ArticleList;
  }

  /**
   * The body of `GET /api/search?q=…`: a page of results, best first. Throws a TypeError naming
   * every invalid option (the API's 400), a RangeError for a page past the last (the API's 404).
   */
  async search(options: SearchOptions): Promise<SearchResponse> {
    const parsed = parseSearchOptions(options);
    if (!parsed.ok) throw new TypeError(invalidSearchMessage(parsed.errors));
    const settings = await served(this.env);
    const context = { content: editionOf(settings), source: this.env.ASSETS, origin: settings.origin };
    const page = await searchPage(parsed, searchString(parsed.query), context);
    if (parsed.query.page > page.pages) throw new RangeError(`Page ${parsed.query.page} of these results does not exist: there ${page.pages === 1 ? 'is 1 page' : `are ${page.pages} pages`}.`);
    return JSON.parse(searchJson(page, parsed.query, settings.origin.url)) as SearchResponse;
  }

  /** `data` of `GET /api/authors/:id`: the author with their bio, or null when there is no author with this id. */
  async author(id: string): Promise<Author | null> {
    if (typeof id !== 'string') throw new TypeError(`id must be a string; it is ${typeof id}.`);
    const body = await documentBody(this.env, paths.apiAuthor(id));
    return body === null ? null : (JSON.parse(body) as { data: Author }).data;
  }

  /** `data` of `GET /api/authors`: every author with a page, by name. */
  async authors(): Promise<AuthorSummary[]> {
    const body = await documentBody(this.env, paths.apiAuthors);
    return body === null ? [] : (JSON.parse(body) as { data: AuthorSummary[] }).data;
  }

  /** The exact body the HTTP route sends for this article in `format`, or null when there is none. */
  async representation(slug: string, format: RepresentationFormat): Promise<string | null> {
    if (!isFormat(format)) throw new TypeError(`format must be one of ${FORMATS.join(', ')}; it is ${JSON.stringify(format)}.`);
    if (typeof slug !== 'string') throw new TypeError(`slug must be a string; it is ${typeof slug}.`);
    const settings = await served(this.env);
    const { origin, bodyCacheBytes } = settings;
    const content = editionOf(settings);
    // As the API answers it, its redirect followed: another letter case or a former slug reads the
    // article it names; a withdrawn article is no article.
    const target = await content.resolveSlug(slug, this.env.ASSETS);
    const article = target?.kind === 'article' ? target.article : target?.kind === 'moved' ? await content.findArticle(target.slug, this.env.ASSETS) : undefined;
    if (article === undefined) return null;
    return UTF8.decode(await readBody(article[format], origin, this.env.ASSETS, bodyCacheBytes));
  }
}

/** The body of the pre-rendered document at `path` (its only page), or null when there is none. */
async function documentBody(env: Env, path: string): Promise<string | null> {
  const settings = await served(env);
  const { origin, bodyCacheBytes } = settings;
  const page = (await editionOf(settings).findDocument(path, 1, env.ASSETS))?.page;
  return page === undefined ? null : UTF8.decode(await readBody(page, origin, env.ASSETS, bodyCacheBytes));
}

/**
 * The validated configuration, as the HTTP app's middleware gets it; a bad setting throws with
 * the 503's message. A function, not a method: every method of the class is callable over RPC.
 */
async function served(env: Env): Promise<Served> {
  const settings = await servedBy(env);
  if (isConfigError(settings)) throw new Error(refusal(settings));
  return settings;
}

/** The edition of the index a call is answered from: as of now, or the configured clock (EDGEWIRE_NOW). */
function editionOf(settings: Served): Edition {
  return editionAt(settings.clock ?? Date.now());
}
