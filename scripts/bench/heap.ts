/**
 * The isolate's V8 heap, as the platform's 128 MB per isolate counts it: workerd's inspector
 * (`--inspector-addr`) answers the DevTools protocol's `Runtime.getHeapUsage` for each Worker
 * (service), over a WebSocket at `/<service>`. workerd's RSS, by contrast, holds the runtime too.
 */
import { get } from './http';
import { freePort, type Server } from './processes';
import { startWorkerd, waitUntilServing, writeConfig, type Service } from './workerd';

/** `Runtime.getHeapUsage`: the V8 heap in use and reserved, and what workerd's own objects hold. */
export interface IsolateHeap {
  usedBytes: number;
  totalBytes: number;
  embedderBytes: number;
}

/**
 * Reads the heap of `service`'s isolate through the inspector at `inspectorPort`; with `collect`,
 * after a full garbage collection (`HeapProfiler.collectGarbage`): what the isolate keeps, not
 * what it has not collected yet.
 */
export async function isolateHeap(inspectorPort: number, service: string, timeoutMs = 10_000, collect = false): Promise<IsolateHeap> {
  const socket = new WebSocket(`ws://127.0.0.1:${inspectorPort}/${service}`);
  try {
    const reply = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no heap usage from the inspector within ${timeoutMs} ms`)), timeoutMs);
      socket.onerror = () => reject(new Error(`could not connect to the inspector of ${service} on port ${inspectorPort}`));
      socket.onopen = () => {
        if (collect) socket.send(JSON.stringify({ id: 2, method: 'HeapProfiler.collectGarbage' }));
        socket.send(JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }));
      };
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
        if (message.id !== 1) return;
        clearTimeout(timer);
        resolve(message.result);
      };
    });
    return heapOf(reply);
  } finally {
    socket.close();
  }
}

/** The figures of a `Runtime.getHeapUsage` result. */
export function heapOf(result: unknown): IsolateHeap {
  const { usedSize, totalSize, embedderHeapUsedSize } = (result ?? {}) as Record<string, unknown>;
  if (typeof usedSize !== 'number' || typeof totalSize !== 'number') throw new Error(`not a heap usage: ${JSON.stringify(result)}`);
  return { usedBytes: usedSize, totalBytes: totalSize, embedderBytes: typeof embedderHeapUsedSize === 'number' ? embedderHeapUsedSize : 0 };
}

/** A request to send before reading the heap. */
export interface HeapRequest {
  path: string;
  headers: Record<string, string>;
}

/**
 * Serves `services` (the first is measured) with the inspector on, sends each request `times`
 * times (every route loaded, its code compiled), then reads the isolate's heap.
 */
export async function heapAfterLoad(config: string, services: readonly Service[], requests: readonly HeapRequest[], times: number, stop: (server: Server) => Promise<void>): Promise<IsolateHeap> {
  const [port, inspector] = [await freePort(), await freePort()];
  const service = services[0]!.name;
  await writeConfig(config, services, [{ service, port }]);
  const server = startWorkerd(config, undefined, [], [`--inspector-addr=127.0.0.1:${inspector}`]);
  try {
    await waitUntilServing(server, port, requests[0]!.path);
    for (const request of requests) for (let i = 0; i < times; i++) await get(port, request.path, request.headers);
    return await isolateHeap(inspector, service);
  } finally {
    await stop(server);
  }
}
