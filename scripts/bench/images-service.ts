/**
 * The Images binding for a bundle served by wrangler's workerd directly (the page checks, the
 * benchmarks): workerd's `cloudflare-internal:images-api` module sends each call as a form (the
 * picture, its transforms, the output format) to a service, which here is this server on
 * 127.0.0.1, doing what `wrangler dev` does with sharp (miniflare's local Images fetcher). One
 * difference, on purpose: a crop around a focus (`fit: "cover"` with `gravity: {x, y}`) is taken
 * where Cloudflare takes it, the focus placed as CSS's object-position places it; `wrangler dev`
 * crops around the centre. Each result is kept (by the picture's hash, its transforms and format)
 * and answered again without encoding, as Workers Cache keeps each variant in front of the Worker:
 * a page check measures the page, not sharp's AVIF encoder.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import sharp, { type Sharp } from 'sharp';

export interface ImagesService {
  /** `127.0.0.1:<port>`, for a workerd external service. */
  address: string;
  close(): Promise<void>;
}

interface Transform {
  width?: number;
  height?: number;
  fit?: string;
  gravity?: string | { x?: number; y?: number };
}

const MEDIA_TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', heif: 'image/avif', svg: 'image/svg+xml' };

/** Starts the service on a free port. */
export async function startImagesService(): Promise<ImagesService> {
  const made = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    answer(request, response, made).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`ERROR 9523: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { address: `127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function answer(request: IncomingMessage, response: ServerResponse, made: Map<string, Buffer>): Promise<void> {
  const form = await new Request(`http://images${request.url}`, { method: request.method, headers: request.headers as Record<string, string>, body: Readable.toWeb(request) as ReadableStream, duplex: 'half' } as RequestInit).formData();
  const image = form.get('image');
  if (!(image instanceof Blob)) return void response.writeHead(400, { 'content-type': 'text/plain' }).end('ERROR 9523: expected an image');
  const bytes = Buffer.from(await image.arrayBuffer());
  if (new URL(request.url ?? '/', 'http://images').pathname === '/info') {
    const { format, size, width, height } = await sharp(bytes).metadata();
    return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ format: MEDIA_TYPES[format ?? ''] ?? format, fileSize: size, width, height }));
  }
  const transforms = String(form.get('transforms') ?? '[]');
  const format = String(form.get('output_format') ?? 'image/jpeg');
  const key = createHash('sha256').update(bytes).update(transforms).update(format).digest('hex');
  let result = made.get(key);
  if (result === undefined) {
    let picture = sharp(bytes, { autoOrient: true });
    for (const transform of JSON.parse(transforms) as Transform[]) picture = await transformed(picture, transform);
    const output = format === 'image/avif' ? picture.avif() : format === 'image/webp' ? picture.webp() : format === 'image/png' ? picture.png() : picture.jpeg();
    result = await output.toBuffer();
    made.set(key, result);
  }
  response.writeHead(200, { 'content-type': format }).end(result);
}

/** One transform: a resize, or a crop around a focus as Cloudflare takes it. */
async function transformed(picture: Sharp, { width, height, fit, gravity }: Transform): Promise<Sharp> {
  if (width === undefined && height === undefined) return picture;
  if (fit === 'cover' && width !== undefined && height !== undefined && typeof gravity === 'object') {
    const { data, info } = await picture.raw().toBuffer({ resolveWithObject: true });
    const scale = Math.max(width / info.width, height / info.height);
    // The overflow at this scale, placed by the focus ("remainder" mode: x of it left of the box).
    const left = Math.round((((info.width * scale - width) * (gravity.x ?? 0.5)) / scale));
    const top = Math.round((((info.height * scale - height) * (gravity.y ?? 0.5)) / scale));
    const box = { left, top, width: Math.min(info.width - left, Math.round(width / scale)), height: Math.min(info.height - top, Math.round(height / scale)) };
    return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).extract(box).resize(width, height, { fit: 'fill' });
  }
  const enlarge = fit === 'cover' || fit === 'contain' || fit === 'pad' || fit === 'squeeze';
  return picture.resize(width ?? null, height ?? null, { fit: fit === 'cover' ? 'cover' : fit === 'squeeze' ? 'fill' : 'inside', withoutEnlargement: !enlarge });
}
