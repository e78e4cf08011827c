/**
 * A photo-like picture for the benchmarks (no photograph ships with the project): colour fields (a
 * small random picture enlarged smoothly) with film grain on top, so it compresses like a
 * photograph, not like a gradient or like noise. Seeded: the same bytes for the same arguments.
 */
import sharp from 'sharp';

/** A seeded pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A `width`×`height` JPEG at `quality`. */
export async function photoLike(width: number, height: number, seed: number, quality = 92): Promise<Buffer> {
  const next = random(seed);
  const [fieldsWidth, fieldsHeight] = [48, 32];
  const fields = Buffer.alloc(fieldsWidth * fieldsHeight * 3);
  for (let at = 0; at < fields.length; at++) fields[at] = Math.floor(next() * 256);
  const pixels = await sharp(fields, { raw: { width: fieldsWidth, height: fieldsHeight, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  for (let at = 0; at < pixels.length; at += 3) {
    const grain = Math.round((next() - 0.5) * 40);
    for (let channel = 0; channel < 3; channel++) pixels[at + channel] = Math.max(0, Math.min(255, pixels[at + channel]! + grain));
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}
