/**
 * `npm run check:independence`: the project's tests belong to the project, not to the newsroom's
 * articles. Copies the project (the files git knows, node_modules linked), publishes in the copy as
 * a newsroom would (every article in content/articles removed, the seed included, and three new
 * ones added), builds that content, then runs `npm test` there. The tests must pass: they serve
 * fixtures under tests/, never content/.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseCommandLine, type Command } from './cli';

const COMMAND: Command = {
  name: 'check:independence',
  usage: `usage: npm run check:independence [-- <options>]

Copies the project to a temp folder (the files git lists, tracked or not ignored; node_modules
linked), deletes every article in its content/articles (the seed too), adds three new ones,
runs \`npm run build\` (the new content must build) and then \`npm test\` in the copy. Exit 0 when
the tests pass on the newsroom's own content, 1 when they do not.
  --commit <rev>  copy the files of this commit instead (git archive), such as an older suite's,
                  to see what it did; its tests run with this checkout's node_modules
  --keep          keep the copy (its path is printed) instead of removing it
  -h, --help      print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { commit: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const say = (message: string) => console.error(`${COMMAND.name}: ${message}`);
const ROOT = resolve(import.meta.dirname, '..');

/** Three articles a newsroom might publish: a newer lead story, one sharing the seed's tags, and an older wire copy. */
const ARTICLES: Readonly<Record<string, string>> = {
  'council-approves-night-bus-network.md': `---
title: Council Approves a Night Bus Network
description: Six routes will run every 30 minutes between midnight and 5 a.m. from March.
datePublished: 2026-12-04T18:30:00-05:00
authors: [{ name: Dana Ortiz }]
tags: [transport, city-hall]
---

The city council voted 9 to 2 on Thursday to fund six overnight bus routes.

Service starts in March and runs **every 30 minutes** between midnight and 5 a.m.
`,
  'sahel-grain-prices-ease.md': `---
title: Grain Prices Ease Across the Sahel
datePublished: 2026-11-30
source: { name: Wire desk, url: "https://wire.example.com/" }
tags: [niger, sahel, markets]
---

Millet and sorghum prices fell for a second month in markets from Niamey to Bamako.

> "The harvest was better than feared," one trader said.
`,
  'library-extends-weekend-hours.md': `---
title: Library Extends Weekend Hours
datePublished: 2026-10-02
tags: [city-hall]
---

The central library will open until 8 p.m. on Saturdays and Sundays.
`,
};

/** The files git lists here: tracked (and still there) or untracked but not ignored. */
function workingFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter((file) => file !== '' && existsSync(join(ROOT, file))))];
}

/** The working tree's files, or those of `commit`, in `copy`; node_modules linked to ours. */
async function copyProject(copy: string, commit: string | undefined): Promise<void> {
  if (commit === undefined) {
    for (const file of workingFiles()) {
      await mkdir(dirname(join(copy, file)), { recursive: true });
      await copyFile(join(ROOT, file), join(copy, file));
    }
  } else {
    execFileSync('tar', ['-x', '-C', copy], { input: execFileSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 1 << 30 }) });
  }
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
}

/** What a newsroom does: the articles it found removed, its own written. */
async function publish(copy: string): Promise<void> {
  const articles = join(copy, 'content/articles');
  await rm(articles, { recursive: true, force: true });
  await mkdir(articles, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(articles, name), text);
}

/** Runs an npm script in the copy, its output passed through; resolves to its exit code. */
function npm(copy: string, script: string): Promise<number> {
  say(`npm run ${script} (in ${copy})`);
  // The copy's own settings only: a developer's EDGEWIRE_CONTENT would build another folder.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EDGEWIRE_')));
  const child = spawn('npm', ['run', script], { cwd: copy, env, stdio: 'inherit' });
  return new Promise((done) => child.once('close', (code) => done(code ?? 1)));
}

const started = performance.now();
const copy = await mkdtemp(join(tmpdir(), 'edgewire-independence-'));
let code = 1;
try {
  say(`copying ${values.commit === undefined ? 'the working tree' : `commit ${values.commit}`} to ${copy}`);
  await copyProject(copy, values.commit);
  await publish(copy);
  say(`content/articles: every article removed, ${Object.keys(ARTICLES).length} added`);
  code = (await npm(copy, 'build')) || (await npm(copy, 'test'));
} finally {
  if (!values.keep) await rm(copy, { recursive: true, force: true });
}
say(`${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((performance.now() - started) / 1000).toFixed(0)} s${values.keep ? `; the copy: ${copy}` : ''}`);
process.exitCode = code === 0 ? 0 : 1;
