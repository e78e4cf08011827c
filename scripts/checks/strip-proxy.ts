/**
 * A proxy on a free 127.0.0.1 port that forwards every request to `origin` and drops the named
 * response header fields: for diagnosis only (check:lighthouse `--without`), to measure what one
 * field costs a page check. Bodies and every other field pass unchanged.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';

export async function stripProxy(origin: string, fields: readonly string[]): Promise<{ origin: string; close: () => void }> {
  const dropped = new Set(fields.map((field) => field.toLowerCase()));
  const server = createServer((request, response) => {
    const headers = Object.entries(request.headers).flatMap(([name, value]) => (value === undefined || name === 'host' ? [] : [[name, String(value)] as [string, string]]));
    fetch(origin + (request.url ?? '/'), { method: request.method ?? 'GET', headers, redirect: 'manual' }).then(
      (answer) => {
        const kept = [...answer.headers].filter(([name]) => !dropped.has(name) && name !== 'content-encoding' && name !== 'content-length');
        response.writeHead(answer.status, Object.fromEntries(kept));
        if (answer.body === null) response.end();
        else Readable.fromWeb(answer.body).pipe(response);
      },
      (error: unknown) => response.writeHead(502).end(String(error)),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
