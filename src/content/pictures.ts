/**
 * Pictures as the site serves them (issue 18), shared by the build and the Worker: each original
 * is one static asset named by its key (a hash of its bytes, its size and the point crops keep),
 * and every picture a page shows is made from it on request by Cloudflare's Images binding, at
 * a width the pages use and in a format they offer. The key carries everything a variant needs,
 * so the Worker holds nothing per picture: an unknown key is simply a file the assets lack.
 *
 *   /images/<key>/<width>.<format>           the whole picture, `width` pixels wide
 *   /images/<key>/<ratio>/<width>.<format>   cropped to 16x9, 4x3 or 1x1 around the focus
 */

import type { ArticlePicture, LeadImage } from './article';

/** The widths a page's `srcset` offers (what phones at 2–3× and a desktop column at 1–2× need); a picture's own width too, when it is narrower than the widest. */
export const PICTURE_WIDTHS = [480, 800, 1200, 1600] as const;

/** The width of the crops (JSON-LD's 16×9, 4×3 and 1×1: Google Discover wants at least 1200 px). */
export const CROP_WIDTH = 1200;

/** The crops, each as width:height. */
export const CROPS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const satisfies Record<string, readonly [number, number]>;
export type Crop = keyof typeof CROPS;

/** The formats the pages offer: AVIF (about half JPEG's bytes) with JPEG for the browsers without it. */
export const PICTURE_FORMATS = { avif: 'image/avif', jpeg: 'image/jpeg' } as const;
export type PictureFormat = keyof typeof PICTURE_FORMATS;

/** The crops' one format: they are for search engines' and social networks' cards, which take JPEG. */
export const CROP_FORMAT: PictureFormat = 'jpeg';

/** Where the originals are in the static assets. */
export const ORIGINALS = 'p';

/** A picture as its key names it: the hash of its bytes, its size in pixels, and its focus in percent. */
export interface PictureKey {
  hash: string;
  width: number;
  height: number;
  focus: readonly [x: number, y: number];
}

const KEY = /^([0-9a-f]{16})-([1-9][0-9]{0,4})x([1-9][0-9]{0,4})-(100|[1-9]?[0-9])-(100|[1-9]?[0-9])$/;

/** The key: `<hash>-<width>x<height>-<focus x>-<focus y>`. */
export const pictureKey = ({ hash, width, height, focus: [x, y] }: PictureKey): string => `${hash}-${width}x${height}-${x}-${y}`;

/** The key's parts, or null when it is not one. */
export function parseKey(key: string): PictureKey | null {
  const match = KEY.exec(key);
  if (match === null) return null;
  const [, hash, width, height, x, y] = match;
  return { hash: hash!, width: Number(width), height: Number(height), focus: [Number(x), Number(y)] };
}

/** The original's path in the static assets. */
export const originalPath = (key: string): string => `/${ORIGINALS}/${key}`;

/** The widths a picture `width` pixels wide is served at: PICTURE_WIDTHS up to its own (never enlarged), and its own when narrower than the widest. */
export function widthsOf(width: number): number[] {
  const widths: number[] = PICTURE_WIDTHS.filter((offered) => offered <= width);
  if (width < PICTURE_WIDTHS[PICTURE_WIDTHS.length - 1]! && !widths.includes(width)) widths.push(width);
  return widths;
}

/** The height of the whole picture at `width`. */
export const heightAt = (key: Pick<PictureKey, 'width' | 'height'>, width: number): number => Math.max(1, Math.round((key.height * width) / key.width));

/** The height of a crop at `width`. */
export const cropHeight = (crop: Crop, width: number): number => Math.round((width * CROPS[crop][1]) / CROPS[crop][0]);

/** A variant's path. */
export const picturePath = (key: string, width: number, format: PictureFormat, crop?: Crop): string => `/images/${key}/${crop === undefined ? '' : `${crop}/`}${width}.${format}`;

/** The width of a picture's plain `url` (and `<img src>`): 1200, or its own widest when narrower. */
export const fallbackWidth = (width: number): number => Math.max(...widthsOf(width).filter((offered) => offered <= CROP_WIDTH));

/** A picture's text, as an article gives it. */
export interface PictureText {
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** A picture as the API serves it, its URLs on `origin` (the build writes its ORIGIN marker). */
export function pictureData(origin: string, key: string, text: PictureText): ArticlePicture {
  const parsed = parseKey(key)!;
  const widths = widthsOf(parsed.width);
  const srcset = (format: PictureFormat) => widths.map((width) => `${origin}${picturePath(key, width, format)} ${width}w`).join(', ');
  const width = fallbackWidth(parsed.width);
  return { url: `${origin}${picturePath(key, width, 'jpeg')}`, width, height: heightAt(parsed, width), ...text, srcset: { 'image/avif': srcset('avif'), 'image/jpeg': srcset('jpeg') } };
}

/** A lead image as the API serves it: the picture and its crops. */
export function leadImageData(origin: string, key: string, text: PictureText): LeadImage {
  const crop = (name: Crop) => ({ url: `${origin}${picturePath(key, CROP_WIDTH, CROP_FORMAT, name)}`, width: CROP_WIDTH, height: cropHeight(name, CROP_WIDTH) });
  return { ...pictureData(origin, key, text), crops: { '16x9': crop('16x9'), '4x3': crop('4x3'), '1x1': crop('1x1') } };
}

/** The key of a picture URL (`…/images/<key>/…`), or null when it names none. */
export function keyOfUrl(url: string): string | null {
  const key = /\/images\/([^/]+)\//.exec(url)?.[1];
  return key === undefined || parseKey(key) === null ? null : key;
}

/**
 * The widest whole picture within `maxWidth` × `maxHeight` (oEmbed's thumbnail, §2.3.4), as a path
 * and its size; null when even the narrowest is larger.
 */
export function fittingPicture(key: string, maxWidth: number, maxHeight: number): { path: string; width: number; height: number } | null {
  const parsed = parseKey(key);
  if (parsed === null) return null;
  const width = widthsOf(parsed.width)
    .filter((offered) => offered <= Math.min(maxWidth, CROP_WIDTH) && heightAt(parsed, offered) <= maxHeight)
    .at(-1);
  return width === undefined ? null : { path: picturePath(key, width, 'jpeg'), width, height: heightAt(parsed, width) };
}

/** What one variant is made of: the original, and the Images binding's transform and output. */
export interface Variant {
  key: string;
  original: string;
  format: PictureFormat;
  contentType: string;
  width: number;
  height: number;
  crop?: Crop;
  /** The focus as the binding's gravity (fractions of the width and height). */
  gravity: { x: number; y: number };
}

/** Why a path names no variant: not a picture (404), or a width, crop or format the pages do not use (400). */
export type VariantRefusal = { status: 404; detail: string } | { status: 400; detail: string; parameter: 'crop' | 'file' };

const FILE = /^([1-9][0-9]{0,4})\.([a-z0-9]{1,8})$/;

/**
 * The variant `/images/<key>/[<crop>/]<file>` names, or why it names none. Only what the pages
 * link is made: a width of the picture's own list (the crops: CROP_WIDTH), a crop of CROPS, a
 * format of PICTURE_FORMATS (the crops: CROP_FORMAT). Nobody can make the site render other sizes.
 */
export function parseVariant(key: string, crop: string | undefined, file: string): Variant | VariantRefusal {
  const parsed = parseKey(key);
  if (parsed === null) return { status: 404, detail: 'There is no picture at this address.' };
  if (crop !== undefined && !Object.hasOwn(CROPS, crop)) return { status: 400, parameter: 'crop', detail: `Pictures are cropped to ${Object.keys(CROPS).join(', ')} only.` };
  const match = FILE.exec(file);
  const format = match?.[2];
  const formats: readonly string[] = crop === undefined ? Object.keys(PICTURE_FORMATS) : [CROP_FORMAT];
  if (format === undefined || !formats.includes(format)) return { status: 400, parameter: 'file', detail: `${crop === undefined ? 'Pictures are' : 'Crops are'} served as ${formats.map((name) => `.${name}`).join(' or ')} only.` };
  const width = Number(match![1]);
  const offered = crop === undefined ? widthsOf(parsed.width) : [CROP_WIDTH];
  if (!offered.includes(width)) return { status: 400, parameter: 'file', detail: `This picture is served ${offered.join(', ')} pixels wide${crop === undefined ? '' : ` when cropped`}.` };
  const chosen = crop as Crop | undefined;
  return {
    key,
    original: originalPath(key),
    format: format as PictureFormat,
    contentType: PICTURE_FORMATS[format as PictureFormat],
    width,
    height: chosen === undefined ? heightAt(parsed, width) : cropHeight(chosen, width),
    ...(chosen === undefined ? {} : { crop: chosen }),
    gravity: { x: parsed.focus[0] / 100, y: parsed.focus[1] / 100 },
  };
}
