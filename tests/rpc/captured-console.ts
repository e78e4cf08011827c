/**
 * A Worker's console, kept for the test instead of printed: what a deployment logs is part of
 * what it does, so a test that provokes a log line asserts it, and a passing run prints nothing.
 *
 * The Worker runs from its deployed bundle, untouched: a first module (workerd runs the first
 * module) replaces `console`'s methods, re-exports the bundle's entry, and adds the entrypoint
 * `CapturedConsole`, whose `take()` hands over the lines logged since the last call, each
 * `{ level, text }` (the console method, its arguments joined as `console` would). Module state
 * is per isolate, which is what the Worker's own once-per-isolate logs count by.
 */
import { join, relative } from 'node:path';

interface AuxiliaryWorker {
  modulesRoot: string;
  modules: { type: string; path: string; contents?: string }[];
}

const firstModule = (entry: string) => `import { WorkerEntrypoint } from 'cloudflare:workers';
export * from ${JSON.stringify(entry)};
export { default } from ${JSON.stringify(entry)};
const lines = [];
for (const level of ['debug', 'info', 'log', 'warn', 'error']) {
  console[level] = (...args) => { lines.push({ level, text: args.map(String).join(' ') }); };
}
export class CapturedConsole extends WorkerEntrypoint {
  take() { return lines.splice(0); }
}
`;

/** `worker` with its console captured, for a binding to `{ name, entrypoint: 'CapturedConsole' }`. */
export function withCapturedConsole<Worker extends AuxiliaryWorker>(worker: Worker): Worker {
  const [entry] = worker.modules;
  if (entry === undefined) throw new Error('the Worker has no modules to run');
  const path = join(worker.modulesRoot, 'captured-console.mjs');
  const specifier = `./${relative(worker.modulesRoot, entry.path)}`;
  return { ...worker, modules: [{ type: 'ESModule', path, contents: firstModule(specifier) }, ...worker.modules] };
}
