/**
 * nginx as a reference static server (when installed): it serves the app's exact bodies from files
 * with the same Content-Type, one worker process, so it is a yardstick on the same machine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { firstResponse } from './http';
import { findExecutable, startServer, type Server } from './processes';

/** A file nginx serves at `/<name>`. */
export interface StaticFile {
  name: string;
  body: Buffer;
  contentType: string;
}

/** The nginx binary on PATH or at /usr/sbin/nginx, or null. */
export function findNginx(): string | null {
  return findExecutable('nginx', ['/usr/sbin/nginx']);
}

function config(dir: string, port: number, files: readonly StaticFile[]): string {
  const locations = files.map((file) => `    location = /${file.name} { default_type ${JSON.stringify(file.contentType)}; }`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, 'temp', kind)};`);
  return `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
${temp.join('\n')}
  types {}
  server {
    listen 127.0.0.1:${port};
    root ${join(dir, 'root')};
${locations.join('\n')}
  }
}
`;
}

/** Writes the files and a config under `dir`, starts nginx on `port`, and waits until it answers. */
export async function startNginx(binary: string, dir: string, port: number, files: readonly StaticFile[]): Promise<Server> {
  await mkdir(join(dir, 'root'), { recursive: true });
  await mkdir(join(dir, 'temp'), { recursive: true });
  for (const file of files) await writeFile(join(dir, 'root', file.name), file.body);
  await writeFile(join(dir, 'nginx.conf'), config(dir, port, files));
  const server = startServer(binary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')]);
  const alive = (): boolean => server.child.exitCode === null && server.child.signalCode === null;
  try {
    await firstResponse(port, `/${files[0]?.name ?? ''}`, alive);
  } catch (error) {
    throw new Error(`nginx did not answer on port ${port}: ${error instanceof Error ? error.message : error}\n${server.log()}`);
  }
  return server;
}
