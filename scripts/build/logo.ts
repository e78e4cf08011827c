import { readFile } from 'node:fs/promises';
import { rasterImage, rasterNames, RASTER_TYPES, readContentFile, sniffRaster } from './images';
import type { Problem, Result } from './problems';

/**
 * The site's logo: a raster image (images.ts: JPEG, PNG, WebP, AVIF or GIF) or an SVG under the
 * content folder, checked before it is published. Its type comes from its bytes, never its name;
 * an SVG may hold no script, event handler or reference to anything outside itself (it is served
 * from our origin, and a browser would run a script in it when opened directly); its size goes in
 * the page's `width`/`height`, so the page does not shift when it loads.
 */
export interface Logo {
  /** The file's bytes. */
  bytes: Buffer;
  contentType: string;
  extension: string;
  width: number;
  height: number;
}

/** The platform's limit is 25 MiB a file; a logo is small, and this keeps a mistake out of every page. */
const MAX_LOGO_BYTES = 1024 * 1024;

const fail = (message: string): Result<Logo> => ({ ok: false, problems: [{ file: '', field: 'logo', message } satisfies Problem] });

/** Reads and checks the logo at `relativePath` under `contentDir`. Problems name the field `logo` (the caller names the file). */
export async function readLogo(contentDir: string, relativePath: string): Promise<Result<Logo>> {
  const read = readContentFile(contentDir, relativePath, relativePath, MAX_LOGO_BYTES, 'a logo');
  if (!read.ok) return fail(read.message);
  const bytes = await readFile(read.path);
  if (sniffRaster(bytes) === null) return svg(bytes, relativePath);
  const raster = await rasterImage(bytes, bytes, relativePath);
  if (!raster.ok) return fail(raster.message);
  const { type, width, height } = raster.value;
  return { ok: true, value: { bytes, contentType: RASTER_TYPES[type].contentType, extension: RASTER_TYPES[type].extension, width, height } };
}

/** What an SVG logo may not hold: scripts, event handlers, foreign content, links to anything outside it. */
const UNSAFE_SVG: readonly [RegExp, string][] = [
  [/<script\b/i, 'a script'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/<foreignObject\b/i, 'foreignObject'],
  // The lookahead holds the optional space and quote: `["']?(?!#)` outside it could match no
  // quote and then see `"` (not `#`), and so took `href="#shape"`, a reference inside the file.
  [/\bhref\s*=(?!\s*["']?#)/i, 'a reference to another file'],
  [/url\((?!\s*["']?#)/i, 'a reference to another file'],
  [/<!ENTITY/i, 'an entity declaration'],
];

function svg(bytes: Buffer, name: string): Result<Logo> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const root = /<svg\b[^>]*>/i.exec(text);
  if (root === null) return fail(`${name} is not a ${rasterNames('SVG')} image`);
  const unsafe = UNSAFE_SVG.find(([pattern]) => pattern.test(text));
  if (unsafe !== undefined) return fail(`${name} holds ${unsafe[1]}; an SVG logo must be a plain drawing`);
  const size = svgSize(root[0]);
  if (size === null) return fail(`${name} has no width and height (or viewBox) on its <svg> element`);
  return { ok: true, value: { bytes, contentType: 'image/svg+xml', extension: 'svg', ...size } };
}

/** `width`/`height` in px (or unitless) on the root element, else the viewBox's. */
function svgSize(tag: string): { width: number; height: number } | null {
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)(?:px)?\\s*["']`, 'i').exec(tag)?.[1];
  const [width, height] = [attribute('width'), attribute('height')].map(Number);
  if (width! > 0 && height! > 0) return { width: Math.round(width!), height: Math.round(height!) };
  const box = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']/i.exec(tag);
  return box === null ? null : { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) };
}
