// A worker thread of the build's pool (pool.ts). It registers tsx itself, so it runs the
// TypeScript stages whether the build was started by tsx, by `node --import tsx` or by vitest;
// then it answers each batch of `items` with `tasks[kind]` of every item, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const tasks = await import(workerData.module);
const shared = new Map();

parentPort.on('message', (message) => {
  if (message.type === 'shared') {
    shared.set(message.kind, message.shared);
    return;
  }
  try {
    const results = message.items.map((item) => tasks[message.kind](item, shared.get(message.kind)));
    parentPort.postMessage({ batch: message.batch, results });
  } catch (error) {
    // The message alone: the build reports it as it would from its own thread.
    parentPort.postMessage({ batch: message.batch, error: error instanceof Error ? error.message : String(error) });
  }
});
