/**
 * Pictures made inside the tests (issue 18: no image is committed): a photo-sized picture by sharp,
 * and a PNG that is only a header claiming a size (a decompression bomb's few bytes).
 */
import sharp from 'sharp';

/** A `width`×`height` picture: a gradient, so it compresses like a picture. */
export async function photo(width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let at = 0; at < pixels.length; at += 3) pixels.set([(at / 3) % 256, (at / 3 / width) % 256, 90], at);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer();
}

/** PNG's CRC-32 (PNG §5.5). */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
}

/** A PNG whose IHDR claims `width`×`height` and whose IDAT is empty: 57 bytes, a bomb's header. */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.alloc(0)), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A real JPEG with a second, fake frame header (SOF0 claiming `width`×`height`) hidden in a comment
 * segment behind a fill byte: a decoder skips the comment, a parser that takes the fill byte for a
 * marker falls out of step and reads the fake size (image-size 2.2 did: issue 18's adversarial pass).
 */
export function disguisedJpeg(jpeg: Buffer, width: number, height: number): Buffer {
  const afterApp0 = 4 + jpeg.readUInt16BE(4);
  const comment = Buffer.alloc(0xffff - 2, 0x20);
  // Where a parser that read `FF FF` as a marker lands: the comment's length taken as a segment length.
  const landing = afterApp0 + 2 + 0xfeff - (afterApp0 + 5);
  Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff]).copy(comment, landing);
  return Buffer.concat([jpeg.subarray(0, afterApp0), Buffer.from([0xff, 0xff, 0xfe, 0xff, 0xff]), comment, jpeg.subarray(afterApp0)]);
}
