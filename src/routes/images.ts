import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { parseVariant, type Variant } from '../content/pictures';
import { problem } from '../http/problem';
import { sendEntity } from '../http/respond';
import { sent } from './handler';

/** Purges every picture at once (their URLs are their contents' names: nothing else ever needs it). */
const TAGS = ['images'] as const;

/** JPEG at the quality Cloudflare Images uses by default; AVIF at the binding's own default. */
const QUALITY: Partial<Record<Variant['format'], number>> = { jpeg: 85 };

/**
 * `/images/<key>/[<crop>/]<width>.<format>`: a picture the pages show, made from its original
 * (one static asset per picture) by the Images binding and cached for a year: the URL names the
 * original's bytes, so it never changes. A key that names no original is a 404, a width, crop or
 * format the pages do not use a 400 (nobody can make the site render other sizes). The ETag is
 * weak: the variant means the same picture for as long as its URL exists, but another version of
 * the image engine may encode other bytes. A 304 is answered without making the variant.
 */
export function imageRoute(c: Context<AppEnv>): Response | Promise<Response> {
  const { pathname } = new URL(c.req.url);
  const variant = parseVariant(c.req.param('key') ?? '', c.req.param('crop'), c.req.param('file') ?? '');
  if ('status' in variant) return problem(variant.status, variant.detail, pathname, variant.status === 400 ? { errors: [{ parameter: variant.parameter, detail: variant.detail }] } : undefined);
  return sendVariant(c, variant, pathname);
}

async function sendVariant(c: Context<AppEnv>, variant: Variant, pathname: string): Promise<Response> {
  const original = await c.env.ASSETS.fetch(`https://assets.invalid${variant.original}`);
  if (!original.ok || original.body === null) {
    await original.body?.cancel();
    return problem(404, 'There is no picture at this address.', pathname);
  }
  const etag = `W/"${variant.key}.${variant.crop ?? 'full'}.${variant.width}.${variant.format}"`;
  let used = false;
  const response = sendEntity(c.req.raw, { etag, contentType: variant.contentType, body: () => ((used = true), made(c.env.IMAGES, original.body!, variant)) }, { kind: 'asset', tags: TAGS });
  const done = await response;
  // A 304 (or 412) never read the original.
  if (!used) await original.body.cancel();
  return sent(c, done);
}

/** The variant's bytes: the original scaled to the width, or cropped around its focus (the binding's `gravity`, as CSS's object-position places it). */
async function made(images: ImagesBinding, original: ReadableStream<Uint8Array>, variant: Variant): Promise<Uint8Array> {
  const transform: ImageTransform =
    variant.crop === undefined ? { width: variant.width } : { width: variant.width, height: variant.height, fit: 'cover', gravity: { ...variant.gravity, mode: 'remainder' } };
  const quality = QUALITY[variant.format];
  const result = await images
    .input(original)
    .transform(transform)
    .output({ format: variant.contentType as ImageOutputOptions['format'], ...(quality === undefined ? {} : { quality }) });
  return new Uint8Array(await result.response().arrayBuffer());
}
