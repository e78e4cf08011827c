import { posix } from 'node:path';
import type { FrontMatter } from '../../src/content/schema';
import type { Catalog } from './catalog';
import type { Stamp } from './collector';
import { rasterImage, readContentFile, type RasterImage } from './images';
import { LIMITS } from './limits';
import type { Problem } from './problems';
import { isLocalFile, type BodyImage } from './render';

/**
 * An article's pictures against the content folder: the lead image (front matter `image`) and
 * each picture in its body. Each must be a raster image file under content/ (images.ts: type by
 * its bytes, size by its header, at most the platform's 25 MiB and 50 megapixels); a lead image
 * at least LEAD_MIN_WIDTH pixels wide. Every problem is reported, each as `file: field: message`.
 */

/** Google Discover's large previews want pictures at least 1200 px wide (and `max-image-preview:large`). */
export const LEAD_MIN_WIDTH = 1200;

/** A picture of the article: where it is under content/ (a path from the content folder), its file's stamp when it was read, and what its header says. */
export interface CheckedImage extends RasterImage {
  place: string;
  stamp: Stamp | null;
}

/** A picture an article shows, as the build remembers it: its place under content/ and its stamp when it was checked. */
export type Picture = readonly [place: string, stamp: Stamp | null];

/** The article's checked pictures: the lead image (null without one) and the body's, in order. */
export interface ArticleImages {
  lead: CheckedImage | null;
  inline: CheckedImage[];
}

/**
 * Where `src` leads from the Markdown file `file` (a path as messages show it, under the content
 * folder shown as `shown`): relative to the file's folder, or from the content folder with a
 * leading `/`. May lead out (`..` past the content folder): readContentFile refuses that.
 */
function placeOf(file: string, shown: string, src: string): string {
  const decoded = safeDecode(src);
  if (decoded.startsWith('/')) return posix.normalize(decoded.slice(1));
  const folder = posix.dirname(shown === '.' ? file : file.slice(shown.length + 1));
  return posix.normalize(posix.join(folder, decoded));
}

/** A Markdown link destination is a URL: `%20` is a space in the file's name. */
function safeDecode(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

/** One picture: its file read and its header checked; a lead image's width too. */
function checkImage(file: string, content: NonNullable<Catalog['content']>, src: string, field: string, lead: boolean, problems: Problem[]): CheckedImage | null {
  const place = placeOf(file, content.shown, src);
  // Messages name the file as written; a body's picture as `image "…"` (the body has many).
  const name = lead ? src : `image "${src}"`;
  const read = readContentFile(content.dir, place, name, LIMITS.assetBytes, 'an image');
  const raster = read.ok ? rasterImage(read.bytes, name) : read;
  if (!raster.ok) {
    problems.push({ file, field, message: raster.message });
    return null;
  }
  if (lead && raster.value.width < LEAD_MIN_WIDTH) {
    problems.push({ file, field, message: `${src} is ${raster.value.width} px wide; a lead image must be at least ${LEAD_MIN_WIDTH} px wide (large previews in search and social feeds)` });
    return null;
  }
  return { place, stamp: read.ok ? read.stamp : null, ...raster.value };
}

/** The article's pictures checked, or the problems of those that are not fit to publish. */
export function checkArticleImages(file: string, image: FrontMatter['image'], body: readonly BodyImage[], catalog: Catalog, problems: Problem[]): ArticleImages {
  // A picture's text was judged with the body (render.ts); here only local files, the ones a page would show.
  const local = body.filter(({ src }) => isLocalFile(src));
  if (image === undefined && local.length === 0) return { lead: null, inline: [] };
  const { content } = catalog;
  if (content === undefined) {
    problems.push({ file, field: image === undefined ? 'body' : 'image.src', message: 'pictures are checked against the content folder, and this build has none' });
    return { lead: null, inline: [] };
  }
  const lead = image === undefined ? null : checkImage(file, content, image.src, 'image.src', true, problems);
  const inline = local.flatMap(({ src }) => checkImage(file, content, src, 'body', false, problems) ?? []);
  return { lead, inline };
}
