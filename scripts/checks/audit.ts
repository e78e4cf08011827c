/**
 * One page in one colour scheme, in a real browser: its status, console errors, failed
 * subresources, Content-Security-Policy violations, axe-core's WCAG 2.2 AA and best-practice
 * violations, and (reported, never failed) where text falls short of AAA contrast (7:1).
 */
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { VIEWPORTS, type ColorScheme } from './chromium';
import type { CheckedPage } from './pages';

/** What must pass: WCAG 2.0/2.1/2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_RUN: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
/** Reported only: WCAG 1.4.6 (AAA), 7:1 for body text. */
const AAA_RUN: RunOptions = { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] }, resultTypes: ['violations'] };

export interface ContrastShortfall {
  target: string;
  ratio: number;
  expected: number;
  colors: string;
}

export interface PageAudit {
  page: CheckedPage;
  scheme: ColorScheme;
  status: number | null;
  consoleErrors: string[];
  failedRequests: string[];
  cspViolations: string[];
  axeViolations: string[];
  aaa: ContrastShortfall[];
}

// Runs in the page before its own scripts (injected over CDP, so the page's CSP does not block it).
const REPORT_CSP = `document.addEventListener('securitypolicyviolation', (event) =>
  reportCspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));`;

const isCspMessage = (text: string): boolean => /content.security.policy/i.test(text);

/** Chromium logs a bad Permissions-Policy field ("Unrecognized feature: …") as a warning: ours to fix, so an error here. */
const isPolicyFieldMessage = (text: string): boolean => text.startsWith('Error with Permissions-Policy header');

/** Chromium logs the main document's own error status (a 404 page's 404); the status is checked on its own. */
const isDocumentStatusMessage = (message: ConsoleMessage, url: string): boolean =>
  message.location().url === url && message.text().startsWith('Failed to load resource: the server responded with a status of');

/** Runs axe (already injected) in the page; a string, as the scripts' types have no DOM. */
const runAxe = (page: Page, options: RunOptions): Promise<AxeResults> => page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify(options)})`);

const describeViolation = ({ id, impact, help, nodes }: AxeResults['violations'][number]): string =>
  `${id} (${impact}): ${help} — ${nodes.map((node) => node.target.join(' ')).join(', ')}`;

/** axe's data for a contrast node: the measured ratio, the one required, and the colours. */
function shortfall(node: NodeResult): ContrastShortfall {
  const data = (node.any[0]?.data ?? {}) as { contrastRatio?: number; expectedContrastRatio?: string; fgColor?: string; bgColor?: string };
  return {
    target: node.target.join(' '),
    ratio: data.contrastRatio ?? Number.NaN,
    expected: Number.parseFloat(data.expectedContrastRatio ?? 'NaN'),
    colors: `${data.fgColor ?? '?'} on ${data.bgColor ?? '?'}`,
  };
}

/** Opens `page` at desktop size in `scheme` and audits it. */
export async function auditPage(browser: Browser, origin: string, page: CheckedPage, scheme: ColorScheme): Promise<PageAudit> {
  const context = await browser.newContext({ ...VIEWPORTS.desktop, colorScheme: scheme });
  try {
    const url = origin + page.path;
    const audit: PageAudit = { page, scheme, status: null, consoleErrors: [], failedRequests: [], cspViolations: [], axeViolations: [], aaa: [] };
    await context.exposeFunction('reportCspViolation', (text: string) => audit.cspViolations.push(text));
    await context.addInitScript(REPORT_CSP);
    const tab = await context.newPage();
    tab.on('console', (message) => {
      if (isCspMessage(message.text())) audit.cspViolations.push(message.text());
      else if (isPolicyFieldMessage(message.text()) || (message.type() === 'error' && !isDocumentStatusMessage(message, url))) audit.consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    tab.on('pageerror', (error) => audit.consoleErrors.push(error.message));
    tab.on('requestfailed', (request) => audit.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
    tab.on('response', (response) => {
      if (response.url() !== url && response.status() >= 400) audit.failedRequests.push(`${response.url()}: ${response.status()}`);
    });
    // networkidle: the favicon and any late subresource have been asked for and answered.
    const response = await tab.goto(url, { waitUntil: 'networkidle' });
    audit.status = response?.status() ?? null;
    await tab.evaluate((await import('axe-core')).default.source);
    audit.axeViolations = (await runAxe(tab, AXE_RUN)).violations.map(describeViolation);
    audit.aaa = (await runAxe(tab, AAA_RUN)).violations.flatMap((violation) => violation.nodes.map(shortfall));
    return audit;
  } finally {
    await context.close();
  }
}

/** Why the audit fails (empty when it passes); AAA contrast is reported, never a failure. */
export function failures(audit: PageAudit): string[] {
  return [
    ...(audit.status === audit.page.status ? [] : [`status ${audit.status ?? 'none'}, expected ${audit.page.status}`]),
    ...audit.consoleErrors.map((text) => `console error: ${text}`),
    ...audit.failedRequests.map((text) => `failed request: ${text}`),
    ...audit.cspViolations.map((text) => `CSP violation: ${text}`),
    ...audit.axeViolations.map((text) => `axe: ${text}`),
  ];
}
