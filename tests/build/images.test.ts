import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS, rasterImage, rasterNames, readContentFile, sniffRaster, type RasterType } from '../../scripts/build/images';
import { tempDir } from './helpers';
import { disguisedJpeg, pngHeader } from './pictures';

/** A small picture in each format, made here by sharp (no image is committed). */
async function picture(type: RasterType, width = 64, height = 48, orientation?: number): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 30 } } });
  const oriented = orientation === undefined ? image : image.withMetadata({ orientation });
  return (type === 'avif' ? oriented.avif({ quality: 40, effort: 0 }) : oriented.toFormat(type)).toBuffer();
}

/** rasterImage on bytes in memory (their first bytes are their head). */
const raster = (bytes: Buffer, name: string) => rasterImage(bytes, bytes, name);

const TYPES: RasterType[] = ['jpeg', 'png', 'webp', 'avif', 'gif'];

describe('sniffRaster: the type from the bytes', () => {
  it.each(TYPES)('%s', async (type) => {
    expect(sniffRaster(await picture(type))).toBe(type);
  });

  it.each([
    ['text', Buffer.from('not an image at all')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')],
    ['a WAVE file (RIFF, but not WEBP)', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['an MP4 (ftyp, brands isom and mp41)', Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp41', 'latin1')],
    ['an ftyp box longer than the file', Buffer.from('\x00\x00\x01\x00ftypavif', 'latin1')],
    ['nothing', Buffer.alloc(0)],
  ])('%s: none', (_, bytes) => {
    expect(sniffRaster(bytes)).toBeNull();
  });

  it('AVIF named by a compatible brand (major brand mif1)', () => {
    expect(sniffRaster(Buffer.from('\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avifmiaf', 'latin1'))).toBe('avif');
  });
});

describe('rasterImage: type and size from the header', () => {
  it.each(TYPES)('%s, 64×48', async (type) => {
    expect(await raster(await picture(type), `p.${type}`)).toEqual({ ok: true, value: { type, width: 64, height: 48 } });
  });

  it('a JPEG turned by its EXIF orientation (6: 90° clockwise) is as tall as it was wide', async () => {
    expect(await raster(await picture('jpeg', 64, 48, 6), 'turned.jpg')).toEqual({ ok: true, value: { type: 'jpeg', width: 48, height: 64 } });
  });

  it('a bomb is refused from its header: 10,000 × 10,000 px in 57 bytes', async () => {
    const bomb = pngHeader(10_000, 10_000);
    expect(bomb.length).toBe(57);
    expect(await raster(bomb, 'bomb.png')).toEqual({ ok: false, message: 'bomb.png is 10000×10000 px (100 megapixels); an image may have at most 50 megapixels' });
    expect(MAX_IMAGE_PIXELS).toBe(50_000_000);
    // At the limit exactly it passes (the header is all there is to read).
    expect(await raster(pngHeader(10_000, 5_000), 'fifty.png')).toEqual({ ok: true, value: { type: 'png', width: 10_000, height: 5_000 } });
  });

  it.each([
    ['text named .jpg', Buffer.from('hello'), `x is not a ${rasterNames()} image`],
    ['a PNG signature and nothing else', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), 'x is not a valid PNG file'],
    ['a JPEG start and nothing else', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'x is not a valid JPEG file'],
    ['GIF89a and nothing else', Buffer.from('GIF89a'), 'x is not a valid GIF file'],
  ])('%s', async (_, bytes, message) => {
    expect(await raster(bytes, 'x')).toEqual({ ok: false, message });
  });

  it('a JPEG is as large as its real frame header says, whatever a comment claims', async () => {
    const real = await picture('jpeg', 300, 200);
    const disguised = disguisedJpeg(real, 1600, 900);
    expect(sniffRaster(disguised)).toBe('jpeg');
    expect(await raster(disguised, 'p.jpg')).toEqual({ ok: true, value: { type: 'jpeg', width: 300, height: 200 } });
  });

  it('an AVIF named by a compatible brand, its major brand mif1, is an AVIF', async () => {
    const avif = Buffer.from(await picture('avif'));
    // sharp writes the major brand `avif`: made `mif1`, with `avif` among the compatible brands after it.
    expect(avif.toString('latin1', 8, 12)).toBe('avif');
    const brands = avif.toString('latin1', 16, avif.readUInt32BE(0));
    expect(brands).toContain('avif');
    avif.write('mif1', 8, 'latin1');
    expect(await raster(avif, 'p.avif')).toEqual({ ok: true, value: { type: 'avif', width: 64, height: 48 } });
  });

  it('a truncated AVIF is not a valid AVIF file', async () => {
    const avif = await picture('avif');
    expect(await raster(avif.subarray(0, 40), 'cut.avif')).toEqual({ ok: false, message: 'cut.avif is not a valid AVIF file' });
  });

  it('names the formats in order', () => {
    expect(rasterNames()).toBe('JPEG, PNG, WebP, AVIF or GIF');
    expect(rasterNames('SVG')).toBe('JPEG, PNG, WebP, AVIF, GIF or SVG');
  });
});

describe('readContentFile: a file under content/, at most so many bytes', () => {
  async function content(): Promise<{ root: string; dir: string }> {
    const root = await tempDir();
    const dir = join(root, 'content');
    await mkdir(join(dir, 'articles'), { recursive: true });
    await writeFile(join(dir, 'articles/photo.jpg'), 'twelve bytes');
    await writeFile(join(root, 'outside.jpg'), 'outside');
    return { root, dir };
  }

  it('reads a file beside an article, and one reached with ../ that stays inside', async () => {
    const { dir } = await content();
    expect(readContentFile(dir, 'articles/photo.jpg', 'photo.jpg', 12, 'an image')).toEqual({ ok: true, path: join(await realpath(dir), 'articles/photo.jpg'), head: Buffer.from('twelve bytes'), stamp: null });
    expect(readContentFile(dir, 'articles/../articles/photo.jpg', '../articles/photo.jpg', 12, 'an image')).toMatchObject({ ok: true });
  });

  it.each([
    ['missing', 'articles/none.jpg', 'none.jpg', 'none.jpg: no such file in the content folder'],
    ['a NUL in the name (%00 in a Markdown destination)', 'articles/photo.jpg\0.png', 'photo.jpg%00.png', 'photo.jpg%00.png: no such file in the content folder'],
    ['outside', '../outside.jpg', '../../outside.jpg', '../../outside.jpg is outside the content folder'],
    ['a folder', 'articles', '.', '. is not a regular file (symbolic links are not followed)'],
  ])('%s', async (_, place, written, message) => {
    const { dir } = await content();
    expect(readContentFile(dir, place, written, 12, 'an image')).toEqual({ ok: false, message });
  });

  it('over the size limit, by its size on disk (never read)', async () => {
    const { dir } = await content();
    expect(readContentFile(dir, 'articles/photo.jpg', 'photo.jpg', 11, 'an image')).toEqual({ ok: false, message: 'photo.jpg is 12 bytes; an image may have at most 11' });
  });

  it('a symbolic link, and a linked folder that leads out', async () => {
    const { root, dir } = await content();
    await symlink(join(root, 'outside.jpg'), join(dir, 'articles/link.jpg'));
    await symlink(root, join(dir, 'linked'));
    expect(readContentFile(dir, 'articles/link.jpg', 'link.jpg', 99, 'an image')).toEqual({ ok: false, message: 'link.jpg is not a regular file (symbolic links are not followed)' });
    expect(readContentFile(dir, 'linked/outside.jpg', '../linked/outside.jpg', 99, 'an image')).toEqual({ ok: false, message: '../linked/outside.jpg is outside the content folder (through a symbolic link)' });
  });
});
