/**
 * The browser the checks drive: Debian's Chromium (no browser downloads here; Playwright and
 * Lighthouse are pointed at it), launched headless.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContextOptions } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** What installs it, for the message when it is missing. */
export const INSTALL = 'apt-get update && apt-get install -y chromium fonts-dejavu-core';

/** Throws a one-line message naming the install command when Chromium is not there. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with \`${INSTALL}\` (or set CHROME_PATH)`);
}

/** Launches Chromium headless. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  // Loaded on first use, like axe-core: a command line's `--help` should not wait for either.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM });
}

export const COLOR_SCHEMES = ['light', 'dark'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/** The viewports pages are looked at in: a laptop screen and a phone (CSS pixels). */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  // A phone's width at 1 device pixel per CSS pixel: the layout a phone gets, in a small PNG.
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
} as const satisfies Record<string, BrowserContextOptions>;
export type ViewportName = keyof typeof VIEWPORTS;
