import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { LeadImage } from '../../src/content/article';
import { leadImageData, pictureKey, type PictureKey } from '../../src/content/pictures';
import { ORIGIN } from '../../src/store/bundle';
import type { FrontMatter } from '../../src/content/schema';
import type { Catalog } from './catalog';
import type { Stamp } from './collector';
import { rasterImage, readContentFile, sniffRaster } from './images';
import { LIMITS } from './limits';
import type { Problem } from './problems';
import { isLocalFile, type BodyImage } from './render';

/**
 * An article's pictures against the content folder: the lead image (front matter `image`) and
 * each picture in its body, in two steps.
 * 1. With the article's other stages (synchronous, in the build's worker threads): each must be a
 *    file under content/, at most the platform's 25 MiB, whose first bytes are a raster format's
 *    (images.ts). Only its first bytes are read.
 * 2. Once the article is listed (`verifyPictures`, in the build's own thread): its header as libvips
 *    reads it, at most 50 megapixels, and a lead image at least LEAD_MIN_WIDTH pixels wide.
 * Every problem is reported, each as `file: field: message`.
 */

/** Google Discover's large previews want pictures at least 1200 px wide (and `max-image-preview:large`). */
export const LEAD_MIN_WIDTH = 1200;

/**
 * A picture an article shows, as the build remembers it: its place under content/, its file's
 * stamp from before it was read, the field and text that name it (for messages), whether it leads,
 * and its size once verified.
 */
export interface Picture {
  place: string;
  stamp: Stamp | null;
  field: 'image.src' | 'body';
  written: string;
  lead: boolean;
  /** A lead image's text, from the front matter; a body picture's is rendered with its body. */
  text?: { alt: string; caption: string | null; credit: string };
  /** The point crops keep, in percent (front matter `focus`; the centre by default). */
  focus: PictureKey['focus'];
  width?: number;
  height?: number;
  /** Once verified: the original's name in the static assets and in its URLs (src/content/pictures.ts). */
  key?: string;
}

/** The centre: where crops of a picture without `focus` are taken. */
const CENTRE = [50, 50] as const;

/** `focus: "X% Y%"` as numbers. */
const focusOf = (focus: string | undefined): PictureKey['focus'] => {
  if (focus === undefined) return CENTRE;
  const [x, y] = focus.split(' ').map((part) => Number(part.slice(0, -1)));
  return [x!, y!];
};

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

/** How messages name a picture: a lead image by its `src`, a body's as `image "…"` (the body has many). */
const nameOf = ({ written, lead }: Pick<Picture, 'written' | 'lead'>) => (lead ? written : `image "${written}"`);

/** One picture, step 1: its file under content/, its size on disk and its first bytes. */
function checkImage(file: string, content: NonNullable<Catalog['content']>, src: string, lead: FrontMatter['image'] | null, problems: Problem[]): Picture | null {
  const field = lead !== null ? 'image.src' : 'body';
  const name = nameOf({ written: src, lead: lead !== null });
  // A page names the file, never a query or a fragment of it (a browser would load another URL).
  if (lead !== null && !isLocalFile(src)) return (problems.push({ file, field, message: `${src} is not a file under content/: pictures are checked at build and served from this site, never linked from elsewhere` }), null);
  if (src.trim() === '') return (problems.push({ file, field, message: `${name} names no file` }), null);
  if (/[?#]/.test(src)) return (problems.push({ file, field, message: `${name}: a picture's path has no query (?) or fragment (#)` }), null);
  const place = placeOf(file, content.shown, src);
  const read = readContentFile(content.dir, place, name, LIMITS.assetBytes, 'an image');
  if (!read.ok) return (problems.push({ file, field, message: read.message }), null);
  if (sniffRaster(read.head) === null) return (problems.push({ file, field, message: `${name} is not a JPEG, PNG, WebP, AVIF or GIF image` }), null);
  if (lead === null || lead === undefined) return { place, stamp: read.stamp, field, written: src, lead: false, focus: CENTRE };
  const text = { alt: lead.alt, caption: lead.caption ?? null, credit: lead.credit };
  return { place, stamp: read.stamp, field, written: src, lead: true, text, focus: focusOf(lead.focus) };
}

/** The article's pictures after step 1 (the lead first, then the body's, each place once), or the problems of those that are not fit to publish. */
export function checkArticleImages(file: string, image: FrontMatter['image'], body: readonly BodyImage[], catalog: Catalog, problems: Problem[]): Picture[] {
  // A body picture's text was judged with the body (render.ts); here only local files, the ones a page would show.
  const local = body.filter(({ src }) => isLocalFile(src));
  if (image === undefined && local.length === 0) return [];
  const { content } = catalog;
  if (content === undefined) {
    problems.push({ file, field: image === undefined ? 'body' : 'image.src', message: 'pictures are checked against the content folder, and this build has none' });
    return [];
  }
  const pictures: Picture[] = [];
  // A picture shown twice is checked once (a body may repeat one many times).
  const seen = new Set<string>();
  for (const [src, lead] of [...(image === undefined ? [] : [[image.src, image] as const]), ...local.map(({ src }) => [src, null] as const)]) {
    if (seen.has(`${lead !== null} ${src}`)) continue;
    seen.add(`${lead !== null} ${src}`);
    const picture = checkImage(file, content, src, lead, problems);
    if (picture !== null) pictures.push(picture);
  }
  return pictures;
}

/** What step 2 found of one file (its header as libvips reads it, the hash of its bytes), by its place and stamp: shared by every article (and reference) that shows it in one build. */
export type VerifiedPictures = Map<string, Promise<{ header: Awaited<ReturnType<typeof rasterImage>>; hash: string }>>;

/**
 * Step 2 for one article's pictures: each file's header as libvips reads it (once a build for a
 * file and stamp, through `verified`), at most 50 megapixels, a lead image at least
 * LEAD_MIN_WIDTH wide. The pictures with their sizes, or the article's problems.
 */
export async function verifyPictures(file: string, pictures: readonly Picture[], contentDir: string, verified: VerifiedPictures): Promise<{ ok: true; pictures: Picture[] } | { ok: false; problems: Problem[] }> {
  const problems: Problem[] = [];
  const sized = await Promise.all(
    pictures.map(async (picture) => {
      const path = posix.join(contentDir, picture.place);
      // Messages without the name (added below): one answer serves every name a file is shown by. A file with no stamp to trust is read again.
      const key = picture.stamp === null ? null : `${picture.place}\0${picture.stamp}`;
      let found = key === null ? undefined : verified.get(key);
      if (found === undefined) {
        found = Promise.all([headOf(path).then((head) => rasterImage(path, head, '')), hashOf(path)])
          .then(([header, hash]) => ({ header, hash }))
          // Changed since step 1 (removed, made a folder): a problem of the article, never a crash.
          .catch((error: NodeJS.ErrnoException) => ({ header: { ok: false as const, message: ` could not be read (${error.code ?? error.message}): build again` }, hash: '' }));
        if (key !== null) verified.set(key, found);
      }
      const { header: result, hash } = await found;
      const name = nameOf(picture);
      if (!result.ok) return void problems.push({ file, field: picture.field, message: `${name}${result.message}` });
      const { width, height } = result.value;
      if (picture.lead && width < LEAD_MIN_WIDTH) {
        return void problems.push({ file, field: picture.field, message: `${name} is ${width} px wide; a lead image must be at least ${LEAD_MIN_WIDTH} px wide (large previews in search and social feeds)` });
      }
      return { ...picture, width, height, key: pictureKey({ hash, width, height, focus: picture.focus }) };
    }),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pictures: sized.filter((picture) => picture !== undefined) };
}

/** The first 64 bits of the SHA-256 of a file's bytes, in hex: read as a stream (a picture may be 25 MB), never whole in memory. */
async function hashOf(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex').slice(0, 16);
}

/** A file's first bytes, for sniffRaster (step 1 read them too, in another thread). */
async function headOf(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The lead image as the article serves it, once its picture is verified (null without one). */
export function leadImage(pictures: readonly Picture[]): LeadImage | null {
  const lead = pictures.find((picture) => picture.lead);
  return lead?.key === undefined || lead.text === undefined ? null : leadImageData(ORIGIN, lead.key, lead.text);
}
