/**
 * A vitest reporter that fails a passing run whose output holds a stack trace, an uncaught
 * exception or an error log line of the Worker. Such a line in a green run is a fault nobody
 * asserted (a Worker's log that should have been captured, a rejection nobody awaited), and a
 * reader of CI output cannot tell it from a real one.
 *
 * It reads what vitest's own process writes: its reporters (with every test's console output),
 * and workerd's logs, which the Workers pool writes there for every Worker it runs. A failing run
 * is left alone: its stack traces are the point.
 */
import { stripVTControlCharacters } from 'node:util';
import type { Reporter, TestRunEndReason } from 'vitest/node';

/** A V8 stack frame (`    at fn (file.js:1:2)`), an uncaught exception, or `logError`'s JSON line. */
const STRAY: readonly RegExp[] = [/^\s+at .+:\d+:\d+\)?$/, /uncaught exception|unhandled rejection/i, /"level":"error"/];

/** Lines shown of what was found: enough to find the test, short enough to read. */
const SHOWN = 20;

export default class CleanOutput implements Reporter {
  #stray: string[] = [];
  #writes = new Map<NodeJS.WriteStream, NodeJS.WriteStream['write']>();

  onInit(): void {
    for (const stream of [process.stdout, process.stderr]) this.#watch(stream);
  }

  onTestRunStart(): void {
    this.#stray = [];
  }

  onTestRunEnd(_modules: unknown, _errors: unknown, reason: TestRunEndReason): void {
    if (reason !== 'passed' || this.#stray.length === 0) return;
    const write = this.#writes.get(process.stderr) ?? process.stderr.write.bind(process.stderr);
    const shown = this.#stray.slice(0, SHOWN).map((line) => `  ${line}\n`).join('');
    const more = this.#stray.length > SHOWN ? `  … and ${this.#stray.length - SHOWN} more\n` : '';
    write(`\nThe tests passed, but their output has ${this.#stray.length} line(s) of a stack trace or error log (tests/clean-output.ts):\n${shown}${more}`);
    write('Capture and assert the log in the test that provokes it, or fix its cause.\n');
    process.exitCode = 1;
  }

  /** Passes every write on, keeping the stray lines; a line may arrive in several chunks. */
  #watch(stream: NodeJS.WriteStream): void {
    const write = stream.write.bind(stream) as NodeJS.WriteStream['write'];
    this.#writes.set(stream, write);
    let partial = '';
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const lines = (partial + (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString())).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.map(stripVTControlCharacters)) if (STRAY.some((pattern) => pattern.test(line))) this.#stray.push(line);
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as NodeJS.WriteStream['write'];
  }
}
