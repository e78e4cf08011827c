/**
 * Pictures a test fixture shows, made before it is built (no picture is committed): a content
 * folder whose parent holds `pictures.json` (`{ "<path under content>": { width, height, seed,
 * format } }`) gets each of them, seeded (the same bytes every run), written only when missing or
 * different. tests/fixtures/pictures/ is such a fixture; scripts/separate-build.ts calls this, so
 * the Worker tests, the page checks and the README's examples build it alike.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.record(z.string(), z.strictObject({ width: z.int().positive(), height: z.int().positive(), seed: z.int(), format: z.enum(['jpeg', 'png']) }));

/** Makes the pictures `content`'s fixture names, if it names any. */
export async function makeFixturePictures(content: string): Promise<void> {
  const manifest = await readFile(join(content, '..', 'pictures.json'), 'utf8').catch(() => null);
  if (manifest === null) return;
  // Loaded only for a fixture with pictures: sharp is a native module.
  const [{ default: sharp }, { photoLike }] = await Promise.all([import('sharp'), import('./bench/photo.ts')]);
  for (const [path, { width, height, seed, format }] of Object.entries(manifestSchema.parse(JSON.parse(manifest)))) {
    const jpeg = await photoLike(width, height, seed);
    const bytes = format === 'jpeg' ? jpeg : await sharp(jpeg).png().toBuffer();
    const target = join(content, path);
    const current = await readFile(target).catch(() => null);
    if (current !== null && current.equals(bytes)) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}
