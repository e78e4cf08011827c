import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** WCAG 2.2 relative luminance of an sRGB colour `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = hex.match(/[0-9a-f]{2}/gi)!.map((pair) => {
    const channel = parseInt(pair, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio, to two decimals. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
}

/** The custom properties of the first `:root { … }` in `css`. */
function palette(css: string): Record<string, string> {
  const block = css.match(/:root \{([^}]*)\}/)![1]!;
  return Object.fromEntries([...block.matchAll(/--([\w-]+): (#[0-9a-f]{6})/gi)].map(([, name, value]) => [name!, value!]));
}

const ROLES = ['text', 'muted', 'link', 'visited', 'accent'] as const;

/** Each text colour's ratio against `background` (a property of the palette). */
function ratios(colours: Record<string, string>, background: string): Record<string, number> {
  return Object.fromEntries(ROLES.map((role) => [role, contrast(colours[role]!, colours[background]!)]));
}

describe('site.css colours', () => {
  it.each([
    ['light', (css: string) => css, { text: 17.22, muted: 8.86, link: 8.53, visited: 9.46, accent: 8.44 }, { text: 15.27, muted: 7.86, link: 7.56, visited: 8.39, accent: 7.48 }],
    ['dark', (css: string) => css.slice(css.indexOf('@media (prefers-color-scheme: dark)')), { text: 15.29, muted: 8.64, link: 8.89, visited: 9.62, accent: 9.31 }, { text: 13.45, muted: 7.6, link: 7.82, visited: 8.47, accent: 8.19 }],
  ])('meet AAA (7:1) against the background and the boxes (corrections, footer) in the %s scheme', async (_, scheme, onBackground, onSurface) => {
    const colours = palette(scheme(await readFile(new URL('../../src/views/site.css', import.meta.url), 'utf8')));
    const measured = { bg: ratios(colours, 'bg'), surface: ratios(colours, 'surface') };
    expect(measured).toEqual({ bg: onBackground, surface: onSurface });
    for (const ratio of [...Object.values(measured.bg), ...Object.values(measured.surface)]) expect(ratio).toBeGreaterThanOrEqual(7);
  });
});
