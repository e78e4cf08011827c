/**
 * `npm run build`: validates the articles and writes what the Worker serves: the index module
 * (src/generated/content.txt, bundled) and the body files (.edgewire/assets/, static assets).
 * Bad content fails the build: exit 1 with one `file: field: message` line per problem, and the
 * previous output left as it was (writer.ts writes beside it and switches with one rename).
 * With EDGEWIRE_DEV=1 (`npm run dev`) drafts are included and bad content does not fail the
 * build: the problems are printed, each broken article is served as it last built, and every
 * page lists the problems. EDGEWIRE_DRAFTS=include includes drafts alone; EDGEWIRE_CONTENT
 * names another content folder (the test fixtures', the benchmark's). Output over the Workers plan's
 * limits (--plan or EDGEWIRE_PLAN, default free: static-asset files, Worker size) fails the build
 * too. `--help` lists every option and variable.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILD_CACHE, DEV_CACHE, readCommand, USAGE, type BuildCommand } from './build/cli';
import { devHeadline, failureHeadline, formatProblem } from './build/problems';
import { contentHash } from './build/hash';
import { terminalProgress } from './build/progress';
import type { AssetsSink } from './build/sink';
import { decapDir } from './cms/release';

async function build(command: BuildCommand): Promise<void> {
  const started = performance.now();
  // The stages (zod, YAML, markdown-it, the views) load for a build, not for --help.
  const [{ buildOrPatch }, { LastGood }, { buildStreamed }] = await Promise.all([import('./build/index'), import('./build/last-good'), import('./build/writer')]);
  const root = resolve(command.root);
  const dev = command.dev ? { lastGood: LastGood.open(resolve(root, DEV_CACHE)) } : undefined;
  const { content: contentDir, includeDrafts, maxArticleBytes, maxRepresentationBytes, allowEmpty, plan, now } = command;
  // The editor at /admin/, when its bundle has been fetched (scripts/cms/decap.ts) and EDGEWIRE_CMS is not off.
  const admin = process.env.EDGEWIRE_CMS === 'off' ? {} : { admin: { bundle: decapDir(root), ...(process.env.EDGEWIRE_CMS_URL ? { local: process.env.EDGEWIRE_CMS_URL } : {}) } };
  const paths = { module: resolve(root, command.out), assets: resolve(root, command.assets) };
  const threads = availableParallelism();
  // One line on a terminal (not in CI, not piped), cleared before anything else is printed.
  const progress = terminalProgress(process.stderr, process.env);
  // Body files go into the assets folder as they are rendered; a build that fails takes back what it added.
  const built = async (sink: AssetsSink) => {
    // One memory per output folder: the project's build, each test fixture's and the benchmark's do not take turns with one.
    const cache = join(BUILD_CACHE, contentHash(paths.assets).slice(0, 12));
    const content = await buildOrPatch({ root, contentDir, includeDrafts, maxArticleBytes, maxRepresentationBytes, allowEmpty, plan, sink, threads, progress, cache, modulePath: paths.module, ...(dev === undefined ? {} : { dev }), ...(now === undefined ? {} : { now }), ...admin });
    progress.stage('checking the files, then switching');
    return content;
  };
  const { result, written } = await buildStreamed(paths, built).finally(() => progress.end());
  if (result.problems.length > 0) {
    console.error(result.ok ? devHeadline(result.problems.length) : failureHeadline(result.problems.length));
    for (const problem of result.problems) console.error(formatProblem(problem));
  }
  if (!result.ok || written === null) return void (process.exitCode = 1);
  const { files } = result.deployed;
  if (dev !== undefined && 'served' in result && result.served !== undefined) await dev.lastGood.save(result.served);
  if (dev !== undefined && 'changed' in result) await dev.lastGood.update(result.changed);
  const drafts = includeDrafts ? ' (drafts included)' : '';
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const count = 'patched' in result ? result.patched.articles : result.articles.length;
  const made = 'patched' in result ? result.patched : result;
  const rendered = made.rendered === undefined || made.rendered === count ? '' : ` (${made.rendered} rendered, ${count - made.rendered} unchanged)`;
  const editions = 'editions' in result && result.editions !== undefined ? result.editions : [];
  const scheduled = editions.length === 0 ? '' : `, ${count - ('index' in result ? result.index.slugs.length : count)} scheduled (from ${editions[0]!.from})`;
  console.log(
    `Built ${count} article(s)${drafts}${scheduled} in ${seconds} s${rendered} -> ${command.out}${written.moduleChanged ? '' : ' (unchanged)'}, ` +
      `${command.assets} (${files.length} files: ${written.written} written, ${written.removed} removed)`,
  );
}

const read = readCommand(process.argv.slice(2), process.env);
if (read.kind === 'help') console.log(USAGE);
else if (read.kind === 'error') {
  console.error(`build: ${read.message}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  // Anything else that goes wrong (a full disk, a bug) is one line, not a stack trace.
  await build(read.command).catch((error: unknown) => {
    console.error(`Content build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
