/**
 * What search costs at a size (issue 20): the index's bytes per article and the files it adds, the
 * instructions of each query's first request (callgrind, as instructions.ts counts a route) against
 * an article page's first request, and the isolate's heap after a thousand different queries.
 * Queries are drawn from the corpus's own vocabulary (corpus.ts): one to three words, some with the
 * last word still being typed, a few quoted phrases.
 */
import { readFile, readdir } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { ALL_ARTICLES, keys, LIST_CHUNK, shardOf, type IndexHeader, type ListChunk, type Shard } from '../../src/store/shards';
import { SHARD_BYTES, shardCount } from '../build/index-files';
import { CONTENT_WORDS } from './corpus';
import { isolateHeap, type IsolateHeap } from './heap';
import { dumpedInstructions, findValgrind, send, type TargetRequest } from './instructions';
import { freePort, runCommand, stopServer } from './processes';
import { startWorkerd, waitUntilListening, waitUntilServing, writeConfig, type Service } from './workerd';

/** The search's records by their key's prefix (src/search/records.ts). */
const SEARCH_PREFIXES = ['s:', 'p:', 'u:', 'r:', 't:', 'q:'];

export interface IndexFigures {
  articles: number;
  /** Bytes of the search's records (keys and JSON values, as the build counts them), in all and per article. */
  searchBytes: number;
  perArticle: number;
  /** Of which: postings, filters, prefix groups, the articles' openings, their slugs, dates and lengths and the stats. */
  parts: Record<'postings' | 'filters' | 'prefixes' | 'openings' | 'tables', number>;
  indexBytes: number;
  /** Shard files with the search's records, and as many as the rest alone would take. */
  shards: number;
  shardsWithout: number;
  /** Asset files in all. */
  files: number;
}

/** Reads the built index (its module and assets folder) and measures the search's part of it. */
export async function indexFigures(moduleText: string, assetsDir: string): Promise<IndexFigures> {
  const header = JSON.parse(moduleText) as IndexHeader;
  const directory = JSON.parse(await readFile(join(assetsDir, header.directory), 'utf8')) as string[];
  const parts = { postings: 0, filters: 0, prefixes: 0, openings: 0, tables: 0 };
  let searchBytes = 0;
  let indexBytes = 0;
  let articles = 0;
  for (const path of directory) {
    const shard = JSON.parse(await readFile(join(assetsDir, path), 'utf8')) as Shard;
    for (const [key, value] of Object.entries(shard)) {
      const bytes = key.length + JSON.stringify(value).length;
      indexBytes += bytes;
      if (key === keys.listCount(ALL_ARTICLES)) articles = value as number;
      if (!SEARCH_PREFIXES.includes(key.slice(0, 2))) continue;
      searchBytes += bytes;
      if (key.startsWith('s:#')) parts.filters += bytes;
      else if (key.startsWith('s:')) parts.postings += bytes;
      else if (key.startsWith('p:')) parts.prefixes += bytes;
      else if (key.startsWith('t:')) parts.openings += bytes;
      else parts.tables += bytes;
    }
  }
  const files = (await readdir(assetsDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
  return { articles, searchBytes, perArticle: searchBytes / Math.max(1, articles), parts, indexBytes, shards: directory.length, shardsWithout: shardCount(indexBytes - searchBytes, SHARD_BYTES), files };
}

/** `count` different queries from the corpus's words, deterministic (the same seed, the same queries). */
export function corpusQueries(count: number, seed = 20): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => CONTENT_WORDS[Math.floor(next() * CONTENT_WORDS.length)]!;
  const queries = new Set<string>();
  while (queries.size < count) {
    const roll = next();
    const words = Array.from({ length: roll < 0.4 ? 1 : roll < 0.8 ? 2 : 3 }, word);
    // A fifth still typing their last word; one in twenty a quoted phrase.
    if (next() < 0.2) words[words.length - 1] = words.at(-1)!.slice(0, 2 + Math.floor(next() * 3));
    else if (words.length > 1 && next() < 0.05) words.splice(0, 2, `"${words[0]} ${words[1]}"`);
    queries.add(words.join(' '));
  }
  return [...queries];
}

/** The canonical search URL of a query (the Worker redirects any other spelling). */
export const searchPath = (query: string, api = true): string => `${api ? '/api/search' : '/search'}?${new URLSearchParams({ q: query.toLowerCase() }).toString()}`;

export interface Distribution {
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), mean: values.reduce((sum, value) => sum + value, 0) / values.length, max: sorted.at(-1)! };
}

export interface QueryCounts {
  /** Each query's first request: the search itself, and its records read when the isolate does not keep them. */
  searches: Distribution;
  /** Each query again, at once: the isolate keeps its answer. */
  repeated: Distribution;
  /** The search page (HTML) of as many other queries, first request each. */
  pages: Distribution;
  /** An article page's first request, for as many articles. */
  articles: Distribution;
  /** Each article page again, at once. */
  articlesRepeated: Distribution;
}

/**
 * Counts, under callgrind, each request alone (the counters dumped, and so zeroed, before and after it):
 * after `warmup` other queries and article pages (V8 has compiled the code), each query's first
 * request and at once its second, each page query's (other queries, through the HTML page), each
 * article page's first and second.
 */
export async function countQueries(dir: string, services: readonly Service[], queries: readonly string[], pageQueries: readonly string[], warmup: readonly string[], slugs: readonly string[], timeoutMs: number): Promise<QueryCounts> {
  const tools = findValgrind();
  if (typeof tools === 'string') throw new Error(tools);
  const port = await freePort();
  const config = join(dir, 'search-instructions.capnp');
  const out = join(dir, 'callgrind-search.out');
  await writeConfig(config, services, [{ service: services[0]!.name, port }], ['--single-threaded']);
  const server = startWorkerd(config, join(dir, 'callgrind-search.log'), [tools.valgrind, '--tool=callgrind', '--instr-atstart=yes', '--dump-line=no', `--callgrind-out-file=${out}`]);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const pid = String(server.child.pid);
  let dumps = 0;
  const request = (path: string): TargetRequest => ({ path, headers: {}, status: 200 });
  // A dump (`-d`) also zeroes the counters: after one, the next request is counted alone.
  const dumped = async (): Promise<number> => {
    await runCommand(tools.control, ['-d', pid]);
    return dumpedInstructions(`${out}.${++dumps}`);
  };
  const counted = async (path: string): Promise<number> => {
    await send(agent, port, request(path));
    return dumped();
  };
  try {
    await waitUntilListening(server, port, timeoutMs);
    for (const query of warmup) await send(agent, port, request(searchPath(query)));
    for (const query of warmup) await send(agent, port, request(searchPath(query, false)));
    for (const slug of slugs.slice(-warmup.length)) await send(agent, port, request(`/articles/${slug}`));
    await dumped();
    const measured = slugs.slice(0, queries.length);
    const [searches, repeated, pages, articles, articlesRepeated]: [number[], number[], number[], number[], number[]] = [[], [], [], [], []];
    for (const query of queries) {
      searches.push(await counted(searchPath(query)));
      repeated.push(await counted(searchPath(query)));
    }
    for (const query of pageQueries) pages.push(await counted(searchPath(query, false)));
    for (const slug of measured) {
      articles.push(await counted(`/articles/${slug}`));
      articlesRepeated.push(await counted(`/articles/${slug}`));
    }
    return { searches: distribution(searches), repeated: distribution(repeated), pages: distribution(pages), articles: distribution(articles), articlesRepeated: distribution(articlesRepeated) };
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}

/** The isolate's heap after `queries` (each searched once through the API), before them (after one request), and after them once garbage is collected. */
export async function heapAfterQueries(dir: string, services: readonly Service[], queries: readonly string[]): Promise<{ before: IsolateHeap; after: IsolateHeap; kept: IsolateHeap }> {
  const [port, inspector] = [await freePort(), await freePort()];
  const service = services[0]!.name;
  const config = join(dir, 'search-heap.capnp');
  await writeConfig(config, services, [{ service, port }]);
  const server = startWorkerd(config, undefined, [], [`--inspector-addr=127.0.0.1:${inspector}`]);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await waitUntilServing(server, port, '/api/articles');
    const before = await isolateHeap(inspector, service);
    for (const query of queries) await send(agent, port, { path: searchPath(query), headers: {}, status: 200 });
    const after = await isolateHeap(inspector, service);
    return { before, after, kept: await isolateHeap(inspector, service, undefined, true) };
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}

/** The newest `count` slugs of the archive, from the list's records (each read from its own shard). */
export async function archiveSlugs(moduleText: string, assetsDir: string, count: number): Promise<string[]> {
  const header = JSON.parse(moduleText) as IndexHeader;
  const directory = JSON.parse(await readFile(join(assetsDir, header.directory), 'utf8')) as string[];
  const record = async (key: string): Promise<unknown> => (JSON.parse(await readFile(join(assetsDir, directory[shardOf(key, header.shards)]!), 'utf8')) as Shard)[key];
  const total = (await record(keys.listCount(ALL_ARTICLES))) as number;
  const slugs: string[] = [];
  for (let at = Math.floor((total - 1) / LIST_CHUNK); at >= 0 && slugs.length < count; at--) slugs.push(...((await record(keys.list(ALL_ARTICLES, at))) as ListChunk).items.map(({ slug }) => slug).reverse());
  return slugs.slice(0, count);
}
