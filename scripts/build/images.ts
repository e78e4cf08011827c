import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import sharp from 'sharp';
import { stampOf, type Stamp } from './collector';

/**
 * Image files under the content folder, checked before anything is published (the site's logo,
 * articles' lead and body pictures, later author avatars). Where the file is: under
 * content/, a regular file, no symbolic link leading out. How big: its bytes from the file system
 * before it is read, its pixels from its header before anything decodes it (a decompression bomb
 * is a small file that claims a huge picture). What it is: from its bytes, never its name.
 */

/** The raster formats a page may show, as data: sniffed by their signatures, served with these types. */
export const RASTER_TYPES = {
  jpeg: { name: 'JPEG', contentType: 'image/jpeg', extension: 'jpg' },
  png: { name: 'PNG', contentType: 'image/png', extension: 'png' },
  webp: { name: 'WebP', contentType: 'image/webp', extension: 'webp' },
  avif: { name: 'AVIF', contentType: 'image/avif', extension: 'avif' },
  gif: { name: 'GIF', contentType: 'image/gif', extension: 'gif' },
} as const;

export type RasterType = keyof typeof RASTER_TYPES;

/** "JPEG, PNG, WebP, AVIF or GIF" (with `more`, e.g. SVG, last). */
export function rasterNames(...more: string[]): string {
  const names = [...Object.values(RASTER_TYPES).map(({ name }) => name), ...more];
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/**
 * The image type a file's first bytes say it is: the image patterns of the WHATWG MIME Sniffing
 * Standard (§6.1: JPEG `FF D8 FF`, PNG's signature, `GIF87a`/`GIF89a`, `RIFF` … `WEBPVP`), and
 * AVIF by its ISO BMFF `ftyp` box whose major or a compatible brand is `avif` or `avis`
 * (AV1 Image File Format §9). Null for anything else.
 */
export function sniffRaster(bytes: Uint8Array): RasterType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 14) === 'WEBPVP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && avifBrands(bytes)) return 'avif';
  return null;
}

/** Whether an `ftyp` box (size, "ftyp", major brand, minor version, compatible brands) names AVIF. */
function avifBrands(bytes: Uint8Array): boolean {
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (size < 16 || size > bytes.length || size % 4 !== 0) return false;
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at < size; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands.some((brand) => brand === 'avif' || brand === 'avis');
}

/**
 * A file under the content folder, found once its place and size are checked: its absolute path,
 * its first bytes (enough to tell its type), and its stamp from before it was read (collector.ts:
 * null when it changed too recently to trust); `message` says why not.
 */
export type ContentFileResult = { ok: true; path: string; head: Buffer; stamp: Stamp | null } | { ok: false; message: string };

/** Bytes enough for every signature sniffRaster knows (an `ftyp` box lists a few brands). */
const HEAD_BYTES = 64;

/** The file system's answer, or its error's code (ENOENT, ENOTDIR, ENAMETOOLONG, ELOOP…). */
function attempt<T>(run: () => T): T | { code: string } {
  try {
    return run();
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  }
}

const failed = (value: unknown): value is { code: string } => typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string';

/**
 * The file at `place` (relative to `contentDir`; it may try to lead out), when it is a regular
 * file under the content folder of at most `maxBytes`; only its first bytes are read. Synchronous:
 * an article's stages (in the build's worker threads) check its pictures as they read it. Messages
 * name the file as it was `written` and such a file as `what` ("a logo", "an image").
 */
export function readContentFile(contentDir: string, place: string, written: string, maxBytes: number, what: string): ContentFileResult {
  const fail = (message: string): ContentFileResult => ({ ok: false, message });
  const missing = fail(`${written}: no such file in the content folder`);
  // A NUL (`%00` in a Markdown destination) ends a name in the file system's calls: no file has one.
  if (place.includes('\0')) return missing;
  const base = realpathSync(contentDir);
  const path = resolve(base, place);
  if (!path.startsWith(base + sep)) return fail(`${written} is outside the content folder`);
  const stats = attempt(() => lstatSync(path, { bigint: true }));
  const linked = fail(`${written} is not a regular file (symbolic links are not followed)`);
  // A folder on the way that is a file (ENOTDIR), a name too long, no such file: none to read.
  if (failed(stats)) return stats.code === 'ELOOP' ? linked : missing;
  if (stats.isSymbolicLink() || !stats.isFile()) return linked;
  // lstat looks at the last name only: a linked folder on the way could still lead out of content/.
  const real = attempt(() => realpathSync(path));
  if (failed(real)) return missing;
  if (!real.startsWith(base + sep)) return fail(`${written} is outside the content folder (through a symbolic link)`);
  if (stats.size > maxBytes) return fail(`${written} is ${stats.size} bytes; ${what} may have at most ${maxBytes}`);
  const head = Buffer.alloc(Math.min(HEAD_BYTES, Number(stats.size)));
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  return { ok: true, path, head, stamp: stampOf(stats) };
}

/** A raster image as a page shows it: its type and its size upright (after its EXIF orientation). */
export interface RasterImage {
  type: RasterType;
  width: number;
  height: number;
}

/** libvips's name for each format (AVIF is a HEIF; its AV1 brands were sniffed: libheif names the compression from the major brand, `hevc` for `mif1`). */
const VIPS_FORMATS: Record<RasterType, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif', gif: 'gif' };

/** Fifty megapixels: more than any camera a picture desk uses, far less than a bomb's claim. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * A raster image's type (from its first bytes, `head`) and size (from its header as libvips reads
 * it through sharp, without decoding a pixel: libjpeg-turbo, libspng, libwebp, libheif and cgif
 * parse the headers a browser's decoder would, so a second, fake size hidden in a comment is not
 * taken for the real one), or why it is not one a page may show; `source` is the file's path or
 * bytes, `name` the file as written. The size is upright: sharp applies the EXIF orientation.
 */
export async function rasterImage(source: string | Buffer, head: Uint8Array, name: string, maxPixels = MAX_IMAGE_PIXELS): Promise<{ ok: true; value: RasterImage } | { ok: false; message: string }> {
  const type = sniffRaster(head);
  if (type === null) return { ok: false, message: `${name} is not a ${rasterNames()} image` };
  // The header only: metadata() decodes no pixels, so no input limit is needed to read a bomb's claim.
  const header = await sharp(source, { limitInputPixels: false }).metadata().catch(() => null);
  if (header === null || header.format !== VIPS_FORMATS[type] || !(header.width > 0 && header.height > 0)) {
    return { ok: false, message: `${name} is not a valid ${RASTER_TYPES[type].name} file` };
  }
  const { width, height } = header.autoOrient ?? header;
  if (width * height > maxPixels) {
    return { ok: false, message: `${name} is ${width}×${height} px (${megapixels(width * height)} megapixels); an image may have at most ${megapixels(maxPixels)} megapixels` };
  }
  return { ok: true, value: { type, width, height } };
}

const megapixels = (pixels: number) => String(Math.round(pixels / 100_000) / 10);
