/**
 * `npm run check:browser`: every checked page (scripts/checks/pages.ts) in Chromium, light and
 * dark, at desktop size: expected status, no console errors or failed subresources, no CSP
 * violations, no axe-core violations (WCAG 2.2 AA + best practices). AAA contrast is reported only.
 */
import { writeFile } from 'node:fs/promises';
import { parseCommandLine, type Command } from '../cli';
import { auditPage, AXE_TAGS, failures, type PageAudit } from './audit';
import { COLOR_SCHEMES, launchChromium } from './chromium';
import { CONTENT_OPTION, CONTENT_USAGE, progress, runOnSite, table } from './site';

const COMMAND: Command = {
  name: 'check:browser',
  usage: `usage: npm run check:browser [-- <options>]

Builds the newsroom fixture (or --content), serves its deployable bundle on 127.0.0.1 and opens
each page (the front page, a section, a tag, the newest article, one with a correction,
/corrections, an author, a static page, the embed card, a 404, a withdrawn article's 410) in
Chromium (/usr/bin/chromium, or CHROME_PATH), light and dark, 1280×800.
Fails (exit 1) on: an unexpected HTTP status, a console error or failed subresource, a CSP
violation, or any axe-core violation (${AXE_TAGS.join(', ')}).
Reports without failing: text below AAA contrast (7:1, axe's color-contrast-enhanced).
  --json <file>    also write every audit as JSON
${CONTENT_USAGE}
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { ...CONTENT_OPTION, json: { type: 'string' } } });
const say = progress(COMMAND.name);

const count = (items: readonly unknown[]): string => (items.length === 0 ? '0' : String(items.length));

function report(audits: readonly PageAudit[]): boolean {
  const rows = audits.map((audit) => [
    audit.page.path,
    audit.scheme,
    `${audit.status ?? '-'}${audit.status === audit.page.status ? '' : ` (want ${audit.page.status})`}`,
    count([...audit.consoleErrors, ...audit.failedRequests]),
    count(audit.cspViolations),
    count(audit.axeViolations),
    count(audit.aaa),
    failures(audit).length === 0 ? 'pass' : 'FAIL',
  ]);
  console.log(table(['page', 'scheme', 'status', 'errors', 'csp', 'axe', 'below AAA', 'result'], rows));
  for (const audit of audits) {
    const problems = failures(audit);
    if (problems.length > 0) console.log(`\n${audit.page.path} (${audit.scheme}) fails:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  for (const audit of audits.filter((audit) => audit.aaa.length > 0)) {
    console.log(`\n${audit.page.path} (${audit.scheme}) below AAA contrast (reported, not failed):`);
    for (const { target, ratio, expected, colors } of audit.aaa) console.log(`  - ${target}: ${ratio}:1 < ${expected}:1 (${colors})`);
  }
  return audits.every((audit) => failures(audit).length === 0);
}

await runOnSite(COMMAND.name, values.content, async ({ origin, pages }) => {
  const browser = await launchChromium();
  try {
    const audits: PageAudit[] = [];
    for (const page of pages) {
      for (const scheme of COLOR_SCHEMES) {
        say(`${page.path} (${scheme})`);
        audits.push(await auditPage(browser, origin, page, scheme));
      }
    }
    if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(audits, null, 2)}\n`);
    return report(audits);
  } finally {
    await browser.close();
  }
});
