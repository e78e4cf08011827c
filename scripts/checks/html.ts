/**
 * `npm run check:html`: the Nu HTML Checker (vnu-jar, on Java) on every checked page's HTML as
 * the Worker serves it, and on the stylesheets those pages link. Errors and warnings fail.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../bench/processes';
import { parseCommandLine, type Command } from '../cli';
import { CHECKS, CONTENT_OPTION, CONTENT_USAGE, progress, runOnSite, table } from './site';

const COMMAND: Command = {
  name: 'check:html',
  usage: `usage: npm run check:html [-- <options>]

Builds the newsroom fixture (or --content), serves its deployable bundle on 127.0.0.1, fetches
each page (the front page, a section, a tag, the newest article, one with a correction,
/corrections, an author, a static page, the embed card, a 404, a withdrawn article's 410) and the
stylesheets they link, and checks them with the Nu HTML Checker (vnu-jar in
scripts/checks/node_modules, run with \`java\`). Fails (exit 1) on an unexpected HTTP status or
any error or warning; info messages are printed only.
${CONTENT_USAGE}
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { ...CONTENT_OPTION } });
// Loaded once the command line is read, so that --help answers at once.
const { z } = await import('zod');
const say = progress(COMMAND.name);
const VNU_JAR = join(CHECKS, 'node_modules/vnu-jar/build/dist/vnu.jar');

const vnuOutput = z.object({
  messages: z.array(
    z.object({
      type: z.string(),
      subType: z.string().optional(),
      url: z.string().optional(),
      lastLine: z.number().optional(),
      firstColumn: z.number().optional(),
      message: z.string(),
      extract: z.string().optional(),
    }),
  ),
});
type Message = ReturnType<typeof vnuOutput.parse>['messages'][number];

/** Errors (of the document or the checker) and warnings fail; plain info does not. */
const fails = (message: Message): boolean => message.type !== 'info' || message.subType === 'warning';
const level = (message: Message): string => (message.type === 'info' ? (message.subType ?? 'info') : message.type);

/** The file a message is about (vnu names it `file:/tmp/…`), or '' for the checker's own. */
const fileOf = (message: Message): string => (message.url?.startsWith('file:') ? fileURLToPath(message.url) : '');

/** Every `<link rel="stylesheet" href>` of a page, as absolute URLs. */
function stylesheets(html: string, base: string): string[] {
  const links = html.match(/<link\b[^>]*>/gi) ?? [];
  return links.filter((link) => /\brel="?stylesheet"?/i.test(link)).flatMap((link) => {
    const href = /\bhref="([^"]+)"/i.exec(link)?.[1];
    return href === undefined ? [] : [new URL(href, base).href];
  });
}

/** Runs vnu on `files` (HTML, and CSS by extension); its JSON report is on stderr. */
async function vnu(files: readonly string[]): Promise<Message[]> {
  const run = await runCommand('java', ['-jar', VNU_JAR, '--format', 'json', '--also-check-css', '--exit-zero-always', ...files]);
  return vnuOutput.parse(JSON.parse(run.stderr)).messages;
}

await runOnSite(COMMAND.name, values.content, async ({ origin, pages }) => {
  const dir = await mkdtemp(join(tmpdir(), 'edgewire-html-'));
  try {
    const checked = new Map<string, { label: string; status: number; expected: number }>();
    const sheets = new Set<string>();
    for (const page of pages) {
      const response = await fetch(origin + page.path);
      const html = await response.text();
      const file = join(dir, `${page.name}.html`);
      await writeFile(file, html);
      checked.set(file, { label: page.path, status: response.status, expected: page.status });
      for (const sheet of stylesheets(html, origin + page.path)) sheets.add(sheet);
    }
    for (const sheet of sheets) {
      const response = await fetch(sheet);
      const file = join(dir, basename(new URL(sheet).pathname));
      await writeFile(file, await response.text());
      checked.set(file, { label: new URL(sheet).pathname, status: response.status, expected: 200 });
    }
    say(`vnu on ${checked.size} files`);
    const messages = await vnu([...checked.keys()]);
    const about = (message: Message) => checked.get(fileOf(message))?.label ?? message.url ?? '(checker)';
    const rows = [...checked.entries()].map(([file, { label, status, expected }]) => {
      const own = messages.filter((message) => fileOf(message) === file);
      const errors = own.filter((message) => message.type !== 'info').length;
      const warnings = own.filter((message) => message.type === 'info' && message.subType === 'warning').length;
      const passed = errors + warnings === 0 && status === expected;
      const shown = `${status}${status === expected ? '' : ` (want ${expected})`}`;
      return [label, shown, String(errors), String(warnings), String(own.length - errors - warnings), passed ? 'pass' : 'FAIL'];
    });
    console.log(table(['document', 'status', 'errors', 'warnings', 'info', 'result'], rows));
    for (const message of messages) {
      const where = message.lastLine === undefined ? '' : `:${message.lastLine}:${message.firstColumn ?? 0}`;
      console.log(`\n${about(message)}${where} ${level(message)}: ${message.message}${message.extract ? `\n  ${message.extract.replaceAll('\n', '↵')}` : ''}`);
    }
    const unknown = messages.filter((message) => !checked.has(fileOf(message))).filter(fails);
    return unknown.length === 0 && rows.every((row) => row.at(-1) === 'pass');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
