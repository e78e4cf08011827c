/** Plain HTTP/1.1 GETs on loopback (node:http: no client start-up cost to blur a timing). */
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { sleep } from './processes';

export interface Fetched {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** GET `path` from 127.0.0.1:`port` on a fresh connection. */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const isRefused = (error: unknown): boolean => error instanceof Error && 'code' in error && (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET');

/**
 * GETs `path` until the server accepts the connection (retrying every `intervalMs` while it is
 * refused), then returns that first response. Fails after `timeoutMs` or if `alive()` turns false.
 */
export async function firstResponse(port: number, path: string, alive: () => boolean, timeoutMs = 15_000, intervalMs = 2): Promise<Fetched> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await get(port, path);
    } catch (error) {
      if (!isRefused(error) || !alive() || performance.now() > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

/** Whether 127.0.0.1:`port` accepts a TCP connection (closed at once, before any request). */
function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Waits until the server accepts connections on `port`, sending no request, so that what the
 * server did up to then can be counted apart from its first response.
 */
export async function listening(port: number, alive: () => boolean, timeoutMs = 15_000, intervalMs = 2): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await connects(port))) {
    if (!alive()) throw new Error(`the server exited before listening on port ${port}`);
    if (performance.now() > deadline) throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}
