/**
 * The peer designs of issue 11 (item 3): what a developer would otherwise build to serve the same
 * seed article, measured beside edgewire. (a) `naive-hono`: a Hono Worker that parses the front
 * matter and renders the Markdown on every request; (b) `astro`: Astro SSR on Workers with one
 * content collection and one on-demand route. Each is built offline (the npm registry aside) into
 * workerd services the bench runs like the app's, and checked to serve the seed article.
 *
 * `npm run bench -- --instructions` counts them beside the app; `npx tsx scripts/bench/peers.ts`
 * only builds them, serves them and prints what each route answers.
 */
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProjectConfig } from './bundle';
import { get, type Fetched } from './http';
import type { InstructionTarget } from './instructions';
import { buildAstro } from './peers/astro';
import { buildNaiveHono } from './peers/naive-hono';
import { readSeedArticles, type SeedArticle } from './peers/seed';
import { killAllServers, runMain, stopServer } from './processes';
import type { Service } from './workerd';

/** A request the bench sends to a peer. */
export interface PeerRoute {
  path: string;
  headers: Record<string, string>;
  status: number;
}

/** The bench's article routes a peer can answer. */
export type PeerRouteName = 'article-json' | 'article-html';

export interface Peer {
  name: string;
  label: string;
  /** The peer's Worker first (the one served), then what it binds to. */
  services: Service[];
  /** Per bench route name, the request to send. */
  routes: Partial<Record<PeerRouteName, PeerRoute>>;
  /** What each route answered when `buildPeers` checked it. */
  answers: PeerAnswer[];
}

const HTML = { accept: 'text/html' };

/** The peers' routes to one article: the same requests the bench sends edgewire. */
function articleRoutes(slug: string, names: readonly PeerRouteName[]): Peer['routes'] {
  const all: Record<PeerRouteName, PeerRoute> = {
    'article-json': { path: `/api/articles/${slug}`, headers: {}, status: 200 },
    'article-html': { path: `/articles/${slug}`, headers: HTML, status: 200 },
  };
  return Object.fromEntries(names.map((name) => [name, all[name]]));
}

/** A peer as a target of `npm run bench -- --instructions`. */
export function peerTarget({ name, label, services, routes }: Peer): InstructionTarget {
  return { name, label, kind: 'peer', services, routes: Object.fromEntries(Object.entries(routes).filter((entry): entry is [string, PeerRoute] => entry[1] !== undefined)) };
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a peer answered to one route, after the check. */
export interface PeerAnswer {
  route: PeerRouteName;
  path: string;
  response: Fetched;
}

/**
 * Serves `peer` and checks every route answers its status with the article's title in the body
 * (as written, JSON-escaped or HTML-escaped); fails naming the peer, the route and what it got.
 */
export async function checkPeer(dir: string, peer: Omit<Peer, 'answers'>, article: SeedArticle): Promise<PeerAnswer[]> {
  // Loaded here: archive.ts loads wrangler, which --help should not wait for.
  const { serve } = await import('./archive');
  const main = peer.services[0]!.name;
  const first = Object.values(peer.routes)[0];
  if (first === undefined) throw new Error(`peer ${peer.name} has no routes`);
  const { server, ports } = await serve(join(dir, `check-${peer.name}.capnp`), peer.services, { [main]: first.path }, join(dir, `check-${peer.name}.log`));
  const titles = [article.title, JSON.stringify(article.title).slice(1, -1), escapeHtml(article.title)];
  try {
    const answers: PeerAnswer[] = [];
    for (const [route, request] of Object.entries(peer.routes) as [PeerRouteName, PeerRoute][]) {
      const response = await get(ports[main]!, request.path, request.headers);
      const body = response.body.toString('utf8');
      if (response.status !== request.status || !titles.some((title) => body.includes(title))) {
        throw new Error(
          `peer ${peer.name} does not serve the seed article on ${route}: GET ${request.path} answered ${response.status} (expected ${request.status})` +
            `${titles.some((title) => body.includes(title)) ? '' : `, without the title "${article.title}"`}:\n${body.slice(0, 500)}\n${server.log()}`,
        );
      }
      answers.push({ route, path: request.path, response });
    }
    return answers;
  } finally {
    await stopServer(server);
  }
}

/**
 * Builds both peers in `dir` over the project's real articles (content/articles, the seed) and
 * checks that each serves the newest of them; the bench's article routes use the same article.
 */
export async function buildPeers(root: string, dir: string, config: ProjectConfig, progress: (message: string) => void): Promise<Peer[]> {
  const contentDir = join(root, 'content/articles');
  const articles = await readSeedArticles(contentDir);
  const seed = articles[0]!;
  await mkdir(dir, { recursive: true });
  progress('peer naive-hono: wrangler deploy --dry-run');
  const naive = {
    name: 'naive-hono',
    label: 'naive Hono (parse + render per request)',
    services: await buildNaiveHono(root, join(dir, 'naive-hono'), config, articles),
    routes: articleRoutes(seed.slug, ['article-json', 'article-html']),
  };
  const astro = {
    name: 'astro',
    label: 'Astro SSR on Workers',
    services: await buildAstro(root, join(dir, 'astro'), contentDir, (message) => progress(`peer ${message}`)),
    routes: articleRoutes(seed.slug, ['article-html']),
  };
  const peers: Peer[] = [];
  for (const peer of [naive, astro]) {
    progress(`peer ${peer.name}: checking it serves ${seed.slug}`);
    peers.push({ ...peer, answers: await checkPeer(dir, peer, seed) });
  }
  return peers;
}

/** The bytes of a peer's Worker modules (what a deploy uploads for it). */
export async function workerBytes(peer: Peer): Promise<number> {
  let bytes = 0;
  for (const service of peer.services) {
    if ('worker' in service) for (const module of service.worker.modules) bytes += (await readFile(module.path)).byteLength;
  }
  return bytes;
}

const PEERS_COMMAND = {
  name: 'peers',
  usage: `Usage: npx tsx scripts/bench/peers.ts [options]

Builds the bench's peer designs (naive Hono, Astro SSR on Workers) over the seed article, serves
each in workerd and prints what each route answers. The Astro peer is installed (npm ci in
bench/peers/astro) on first use. \`npm run bench -- --instructions\` counts them beside the app.

Options:
  --keep              keep the temporary directory
  -h, --help          show this help`,
};

async function main(): Promise<void> {
  const { parseCommandLine } = await import('../cli');
  const { values } = parseCommandLine(PEERS_COMMAND, { options: { keep: { type: 'boolean', default: false } } });
  const { readProjectConfig } = await import('./bundle');
  const root = resolve(import.meta.dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'edgewire-peers-'));
  const progress = (message: string): void => console.error(`[peers] ${message}`);
  const cleanUp = async (): Promise<void> => {
    killAllServers();
    if (values.keep) progress(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  };
  await runMain(async () => {
    const started = performance.now();
    const peers = await buildPeers(root, dir, readProjectConfig(root), progress);
    progress(`buildPeers took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const peer of peers) {
      console.log(`${peer.label} (${peer.name}): Worker modules ${(await workerBytes(peer)).toLocaleString('en')} B`);
      for (const answer of peer.answers) {
        const { status, headers, body } = answer.response;
        console.log(`  ${answer.route}: GET ${answer.path} → ${status}, ${body.byteLength.toLocaleString('en')} B, ${headers['content-type']}, Cache-Control: ${headers['cache-control']}`);
      }
    }
  }, cleanUp, progress);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
