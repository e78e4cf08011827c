import { parseArgs } from 'node:util';
import { LIMITS } from './limits';
import { PLANS, PLATFORM_LIMITS, readPlan, type Plan } from './platform-limits';
import { readInstant } from './schedule';

/** Where a dev build keeps each article's last good version, relative to the root (not in the assets). */
export const DEV_CACHE = '.edgewire/dev-last-good';

/** Where a build remembers what it listed and packed, relative to the root (safe to delete). */
export const BUILD_CACHE = '.edgewire/cache';

/**
 * Node's options for a build. Larger young-generation semi-spaces than V8's default (fewer
 * scavenges of what every stage allocates and drops): the one-edit rebuild at 100,001 articles,
 * four runs each, interleaved, took 14.6 s mean without, 13.3 s with. A larger heap than Node's
 * default (4,288 MiB on a 23.5 GiB machine): a build of 1,000,000 articles that remembers what it
 * built ran out of it after 2,581 s. package.json's "build" script and the benchmark's builds
 * pass the same (tests/build/cli.test.ts checks the script).
 */
export const BUILD_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=64', '--max-old-space-size=8192'];

const grouped = (count: number) => count.toLocaleString('en-US');

export const USAGE = `Usage: npm run build -- [options]      (or: npx tsx scripts/build.ts [options])

Validates the articles and writes what the Worker serves: the index module and the body files.
Bad content: exit 1, "Content build failed: N problems", then one "file: field: message" line
per problem; the previous output is left as it was. Articles are read and rendered in one
worker thread per core (from 250 articles a core). A build remembers what it read
and wrote in ${BUILD_CACHE}/ (a folder per --assets folder, the 8 last used kept; safe to
delete): the next reads only files whose size or modification time changed and renders only
the packs of articles whose source, or whose related or listed articles, changed; its output
is the same as a build's from nothing (a dev build with problems renders everything). On a
terminal, a build that takes more than 3 s shows its stage, the articles done of the total and
the time so far (not in CI, nor when stderr is piped).

Options:
  --root <dir>               project root; the paths below are relative to it (default: .)
  --content <dir>            content folder: articles/ (and the site's settings, authors and pages)
                             (default: $EDGEWIRE_CONTENT, else content)
  --out <file>               index module (default: src/generated/content.txt)
  --assets <dir>             body files, served as static assets (default: .edgewire/assets)
  --max-article-bytes <n>    largest Markdown source of one article, in bytes (default: ${LIMITS.articleBytes})
  --max-representation-bytes <n>
                             largest rendered JSON, HTML or Markdown of one article, in bytes
                             (default: ${LIMITS.representationBytes})
  --allow-empty              build an empty site when the articles folder has no articles
  --plan <${PLANS.join('|')}>         Workers plan whose limits the output must fit, or the build fails:
                             static-asset files per version (free ${grouped(PLATFORM_LIMITS.free.assetFiles.figure)}, paid ${grouped(PLATFORM_LIMITS.paid.assetFiles.figure)}) and the
                             Worker's size (${PLATFORM_LIMITS.free.moduleBytes.figure / 2 ** 20} MiB on both) (default: $EDGEWIRE_PLAN, else free)
  --help                     print this help and exit

Environment:
  EDGEWIRE_DEV=1             dev build (npm run dev): drafts included; content problems are printed
                             but exit 0: each broken article is served as it last built (kept in
                             ${DEV_CACHE}) and every page lists the problems
  EDGEWIRE_DRAFTS=include    include drafts (production builds leave them out)
  EDGEWIRE_NOW=<instant>     build as of this RFC 3339 instant (default: now): an article whose
                             datePublished or embargo is later is scheduled (served from then on)
  EDGEWIRE_CONTENT=<dir>     content folder, as --content (the test fixtures, the benchmark's archive)
  EDGEWIRE_PLAN=paid         Workers plan, as --plan (for the builds npm run dev, npm run deploy and
                             CI run)`;

/** A build as the command line and environment ask for it. */
export interface BuildCommand {
  root: string;
  content: string;
  out: string;
  assets: string;
  maxArticleBytes: number;
  maxRepresentationBytes: number;
  allowEmpty: boolean;
  plan: Plan;
  dev: boolean;
  includeDrafts: boolean;
  /** The build's clock, from EDGEWIRE_NOW (milliseconds since the epoch); the machine's when unset. */
  now?: number;
}

/** Reads the command line; `help` and `error` are for the caller to print (with USAGE) and exit on. */
export function readCommand(args: string[], env: NodeJS.ProcessEnv): { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'build'; command: BuildCommand } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        root: { type: 'string', default: '.' },
        content: { type: 'string', default: env.EDGEWIRE_CONTENT || 'content' },
        out: { type: 'string', default: 'src/generated/content.txt' },
        assets: { type: 'string', default: '.edgewire/assets' },
        'max-article-bytes': { type: 'string', default: String(LIMITS.articleBytes) },
        'max-representation-bytes': { type: 'string', default: String(LIMITS.representationBytes) },
        'allow-empty': { type: 'boolean', default: false },
        plan: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // parseArgs explains in its first sentence ("Unknown option '--x'."); the rest is advice on positionals.
    return { kind: 'error', message: (error instanceof Error ? error.message : String(error)).split(/(?<=\.) /, 1)[0]?.replace(/\.$/, '') ?? '' };
  }
  if (values.help) return { kind: 'help' };
  const maxArticleBytes = byteCount(values['max-article-bytes']);
  if (maxArticleBytes === null) return { kind: 'error', message: `--max-article-bytes must be a whole number of bytes, such as ${LIMITS.articleBytes}` };
  const maxRepresentationBytes = byteCount(values['max-representation-bytes']);
  if (maxRepresentationBytes === null) return { kind: 'error', message: `--max-representation-bytes must be a whole number of bytes, such as ${LIMITS.representationBytes}` };
  const [planSource, planText] = values.plan === undefined ? ['EDGEWIRE_PLAN', env.EDGEWIRE_PLAN || 'free'] : ['--plan', values.plan];
  const plan = readPlan(planText);
  if (plan === null) return { kind: 'error', message: `${planSource} must be ${PLANS.join(' or ')}, not ${JSON.stringify(planText)}` };
  const dev = env.EDGEWIRE_DEV === '1';
  const now = env.EDGEWIRE_NOW ? readInstant(env.EDGEWIRE_NOW) : undefined;
  if (now === null) return { kind: 'error', message: `EDGEWIRE_NOW must be an RFC 3339 instant such as 2026-12-06T09:30:00Z, not ${JSON.stringify(env.EDGEWIRE_NOW)}` };
  const { root, content, out, assets } = values;
  const command: BuildCommand = { root, content, out, assets, maxArticleBytes, maxRepresentationBytes, allowEmpty: values['allow-empty'], plan, dev, includeDrafts: dev || env.EDGEWIRE_DRAFTS === 'include' };
  return { kind: 'build', command: now === undefined ? command : { ...command, now } };
}

function byteCount(text: string): number | null {
  const count = /^[1-9]\d*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(count) ? count : null;
}
