import { describe, expect, it } from 'vitest';
import { sendEntity } from '../../src/http/respond';
import { BodyCache, MissingBodyFile, type BodySource } from '../../src/store/bodies';
import { ORIGIN, type Representation } from '../../src/store/bundle';
import type { Origin } from '../../src/store/origin';

const origin: Origin = { url: 'https://news.example', tag: 'tag12345' };
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A static-assets stand-in that counts the reads of each file. */
function source(files: Record<string, string>): BodySource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async fetch(input: string) {
      const path = new URL(input).pathname;
      reads.push(path);
      return path in files ? new Response(files[path]) : new Response('missing', { status: 404 });
    },
  };
}

const FILE = `{"url":"${ORIGIN}/a"}<p>é ${ORIGIN}</p>`;
const json: Representation = { file: '/b/one.txt', start: 0, end: 20, hash: 'one.0' };
const html: Representation = { file: '/b/one.txt', start: 20, end: FILE.length, hash: 'one.1' };

describe('BodyCache', () => {
  it('cuts a body out of its file and puts the origin in', async () => {
    const bodies = new BodyCache(1024);
    const files = source({ '/b/one.txt': FILE });
    expect(decode(await bodies.get(json, origin, files))).toBe('{"url":"https://news.example/a"}');
    expect(decode(await bodies.get(html, origin, files))).toBe('<p>é https://news.example</p>');
    expect(bodies.bytes).toBe(32 + 30);
  });

  it('reads a body once for a burst of requests: the others wait for the kept body, not for the read', async () => {
    const bodies = new BodyCache(1024);
    const files = source({ '/b/one.txt': FILE });
    const first = await Promise.all([bodies.get(json, origin, files), bodies.get(json, origin, files), bodies.get(json, origin, files)]);
    await bodies.get(json, origin, files);
    expect(files.reads).toEqual(['/b/one.txt']);
    expect(first.map(decode)).toEqual(Array(3).fill('{"url":"https://news.example/a"}'));
    expect(bodies.bytes).toBe(32);
  });

  it('reads the file itself when the request reading it never finishes (cancelled)', async () => {
    const bodies = new BodyCache(1024, { pollMs: 1, maxMs: 20 });
    const reads: string[] = [];
    const stalled: BodySource = { fetch: () => (reads.push('stalled'), new Promise<Response>(() => {})) };
    void bodies.get(json, origin, stalled);
    const body = await bodies.get(json, origin, { fetch: async () => (reads.push('own'), new Response(FILE)) });
    expect(decode(body)).toBe('{"url":"https://news.example/a"}');
    expect(reads).toEqual(['stalled', 'own']);
  });

  it('does not wait for a body too large to keep: every request reads it', async () => {
    const bodies = new BodyCache(10);
    const files = source({ '/b/one.txt': FILE });
    await Promise.all([bodies.get(json, origin, files), bodies.get(json, origin, files)]);
    expect(files.reads).toEqual(['/b/one.txt', '/b/one.txt']);
    expect(bodies.bytes).toBe(0);
  });

  it('keeps separate bodies per origin', async () => {
    const bodies = new BodyCache(1024);
    const files = source({ '/b/one.txt': FILE });
    await bodies.get(json, origin, files);
    expect(decode(await bodies.get(json, { url: 'http://localhost:8787', tag: 'x' }, files))).toBe('{"url":"http://localhost:8787/a"}');
  });

  it('drops the least recently used bodies past its budget', async () => {
    const bodies = new BodyCache(70);
    const files = source({ '/b/one.txt': FILE, '/b/two.txt': 'x'.repeat(30) });
    const two: Representation = { file: '/b/two.txt', start: 0, end: 30, hash: 'two.0' };
    await bodies.get(json, origin, files); // 32 bytes
    await bodies.get(html, origin, files); // 30 bytes: 62 held (each body reads the file: files are not kept)
    await bodies.get(json, origin, files); // json is now the most recent
    await bodies.get(two, origin, files); // 92 > 70: html, the least recent, goes
    expect(bodies.bytes).toBe(62);
    await bodies.get(json, origin, files);
    await bodies.get(html, origin, files);
    expect(files.reads).toEqual(['/b/one.txt', '/b/one.txt', '/b/two.txt', '/b/one.txt']);
  });

  it('fails loudly on a missing body file, and reads again next time', async () => {
    const bodies = new BodyCache(1024);
    const files = source({});
    await expect(bodies.get(json, origin, files)).rejects.toThrow(new MissingBodyFile('/b/one.txt', 404));
    await expect(bodies.get(json, origin, files)).rejects.toThrow('Body file /b/one.txt could not be read from the static assets: HTTP 404');
    expect(files.reads).toEqual(['/b/one.txt', '/b/one.txt']);
  });
});

describe('sendEntity', () => {
  it('answers a matching conditional request without reading the body', async () => {
    const request = new Request('https://news.example/x', { headers: { 'If-None-Match': '"e"' } });
    const unread = () => Promise.reject(new Error('the body was read'));
    const response = await sendEntity(request, { etag: '"e"', contentType: 'text/plain', body: unread }, { kind: 'article' });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe('"e"');
  });
});
