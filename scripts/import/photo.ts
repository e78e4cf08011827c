import { readFile, stat } from 'node:fs/promises';
import { LEAD_MIN_WIDTH } from '../build/article-images';
import { rasterImage, RASTER_TYPES } from '../build/images';
import { LIMITS } from '../build/limits';

/**
 * A wire photo to import beside its story as the lead image, checked as the build will check it
 * (images.ts: a JPEG, PNG, WebP, AVIF or GIF by its bytes, at most 25 MiB and 50 megapixels, at
 * least LEAD_MIN_WIDTH wide) before anything is written.
 */
export async function readPhoto(path: string): Promise<{ ok: true; bytes: Buffer; extension: string } | { ok: false; message: string }> {
  const stats = await stat(path).catch(() => null);
  if (stats === null || !stats.isFile()) return { ok: false, message: `--image: cannot read ${path}` };
  if (stats.size > LIMITS.assetBytes) return { ok: false, message: `--image: ${path} is ${stats.size} bytes; an image may have at most ${LIMITS.assetBytes}` };
  const bytes = await readFile(path);
  const raster = await rasterImage(bytes, bytes, path);
  if (!raster.ok) return { ok: false, message: `--image: ${raster.message}` };
  if (raster.value.width < LEAD_MIN_WIDTH) return { ok: false, message: `--image: ${path} is ${raster.value.width} px wide; a lead image must be at least ${LEAD_MIN_WIDTH} px wide` };
  return { ok: true, bytes, extension: RASTER_TYPES[raster.value.type].extension };
}
