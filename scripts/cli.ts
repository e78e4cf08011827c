/**
 * The command line of every script: `--help` prints the usage and exits 0; a bad command line
 * prints one line and the usage on stderr and exits 2 (the usual status for a usage error), never
 * a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A script's name (the prefix of its messages) and its usage text. */
export interface Command {
  name: string;
  usage: string;
}

/** `-h`/`--help` anywhere before a `--` (after it, arguments belong to someone else). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Prints `name: message` and the usage on stderr and exits 2. */
export function usageError(command: Command, message: string): never {
  console.error(`${command.name}: ${message}\n\n${command.usage}`);
  return process.exit(2);
}

/** `process.argv` after the script, answering `--help` and reporting a bad command line as above. */
export function parseCommandLine<T extends ParseArgsConfig>(command: Command, config: T, args = process.argv.slice(2)) {
  if (asksForHelp(args)) {
    console.log(command.usage);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args });
  } catch (error) {
    // parseArgs says what is wrong in its first sentence ("Option '--slug' argument is ambiguous");
    // the rest is advice on quoting that the usage below makes unnecessary.
    const message = error instanceof Error ? error.message.split(/\.\s/)[0]! : String(error);
    return usageError(command, message);
  }
}
