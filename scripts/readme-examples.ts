/**
 * `npm run readme:examples`: rewrites the output under every `$ curl` in README.md's console
 * blocks with what that exact command prints against `wrangler dev` (started here on port 8787)
 * serving the seed fixture, built apart from the project's own build (scripts/separate-build.ts),
 * as the Worker tests serve it: the transcripts show the same site whatever `content/` holds.
 * Bodies the README shortens with `…` stay cut at the same length. tests/worker/readme.test.ts
 * fails when the README and the Worker disagree; this script is how to bring them back in line.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine } from './cli';

const USAGE = `usage: npm run readme:examples [-- --readme README.md]

Builds the seed fixture (tests/fixtures/seed/content), serves it with wrangler dev on port 8787
(nothing else may be listening there), replays every \`$ curl\` in the README's console blocks
and rewrites the output under it.`;
const { values } = parseCommandLine({ name: 'readme:examples', usage: USAGE }, { options: { readme: { type: 'string', default: 'README.md' } } });

const PORT = 8787;
const scratch = mkdtempSync(join(tmpdir(), 'edgewire-readme-'));
const { buildSeparately } = await import('./separate-build');
const seed = await buildSeparately({ content: 'tests/fixtures/seed/content', dir: scratch });
const dev = spawn('npx', ['wrangler', 'dev', '--config', seed.config, '--port', String(PORT)], { detached: true, stdio: 'ignore' });
const stop = () => {
  try {
    process.kill(-dev.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(scratch, { recursive: true, force: true });
};
process.on('exit', stop);

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (await fetch(`http://127.0.0.1:${PORT}/`).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`wrangler dev did not answer on port ${PORT} within 60 s`);
}

/** The latest ETag each URL answered with: a conditional example revalidates against it. */
const etags = new Map<string, string>();
const urlOf = (command: string) => /(http:\/\/\S+?)'?$/.exec(command)?.[1] ?? '';

/** What the command prints, as a terminal shows it (LF line ends), cut like the old output was. */
function replay(command: string, old: string): string {
  // --retry-connrefused: wrangler dev may restart its Worker once after the first build.
  const output = execFileSync('bash', ['-c', command.replace(/^curl /, 'curl -s --retry 5 --retry-connrefused ')], { encoding: 'utf8' }).replace(/\r\n/g, '\n');
  const sent = /^etag: (.+)$/im.exec(output)?.[1];
  if (sent !== undefined && !/If-None-Match/.test(command)) etags.set(urlOf(command), sent);
  const oldBody = old.split('\n\n').slice(1).join('\n\n');
  if (!oldBody.trimEnd().endsWith('…')) return `${output.trimEnd()}\n`;
  const [head, ...body] = output.split('\n\n');
  return `${head}\n\n${body.join('\n\n').slice(0, oldBody.trimEnd().length - 1)}…\n`;
}

await waitForServer();
const readme = await readFile(values.readme, 'utf8');
const updated = readme.replace(/```console\n([\s\S]*?)```/g, (_block, body: string) => {
  const parts = body.split(/^(?=\$ curl )/m);
  const replayed = parts.map((part) => {
    if (!part.startsWith('$ curl ')) return part;
    const [line, ...old] = part.split('\n');
    const command = line!.slice(2);
    const etag = etags.get(urlOf(command));
    const current = etag === undefined ? command : command.replace(/If-None-Match: "[^"]*"/, `If-None-Match: ${etag}`);
    return `$ ${current}\n${replay(current, old.join('\n'))}`;
  });
  // One blank line between examples.
  return `\`\`\`console\n${replayed.filter((part) => part.trim() !== '').join('\n')}\`\`\``;
});
await writeFile(values.readme, updated);
console.log(updated === readme ? `${values.readme}: examples already current` : `${values.readme}: examples rewritten from wrangler dev`);
process.exit(0);
