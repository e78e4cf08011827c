/**
 * What a wrangler command line says about where the Worker's configuration and vars come from,
 * read the way wrangler's own parser (yargs) reads it, so that `npm run dev` and `npm run deploy`
 * check the SITE_URL wrangler is about to use. Node's parseArgs only: this runs before `--help`
 * is answered, and must not load wrangler.
 */
import { parseArgs } from 'node:util';

export interface WranglerOptions {
  /** `-c`/`--config`: the configuration file, relative to `cwd`. */
  config?: string;
  /** `--cwd`: wrangler runs as if started there. */
  cwd?: string;
  /** `-e`/`--env`: the environment; an empty value selects none, as in wrangler. */
  env?: string;
  /** `--env-file`: .env files for local dev, instead of the default ones. */
  envFiles: string[];
  /** `--var KEY:VALUE`: vars that override the configuration's, the last one of a key winning. */
  vars: Record<string, string>;
  /** `--port` of wrangler dev. */
  port?: string;
  /** `--local-protocol` of wrangler dev: http or https. */
  localProtocol?: string;
}

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  cwd: { type: 'string' },
  env: { type: 'string', short: 'e' },
  'env-file': { type: 'string', multiple: true },
  var: { type: 'string', multiple: true },
  port: { type: 'string' },
  'local-protocol': { type: 'string' },
} as const;

/** wrangler's array options: yargs gives them every plain argument that follows (`--var A:1 B:2`). */
const ARRAYS = new Set(['env-file', 'var']);

/** Every value of an array option, including the plain arguments yargs would hand it. */
function arrayValues(args: readonly string[], name: string): string[] {
  const { tokens } = parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const values: string[] = [];
  let collecting = false;
  for (const token of tokens) {
    if (token.kind === 'option') {
      collecting = token.name === name;
      if (collecting && token.value !== undefined) values.push(token.value);
    } else if (token.kind === 'positional' && collecting) values.push(token.value);
    else collecting = false;
  }
  return values;
}

/** wrangler's `--var` pairs: the key before the first colon, the value after it. */
function collectVars(pairs: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs) {
    const [key = '', ...value] = pair.split(':');
    vars[key] = value.join(':');
  }
  return vars;
}

/** The options of a `wrangler dev` or `wrangler deploy` command line that decide its vars. */
export function readWranglerOptions(args: readonly string[]): WranglerOptions {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true });
  const text = (name: keyof typeof OPTIONS) => {
    const value = ARRAYS.has(name) ? undefined : values[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const options: WranglerOptions = { envFiles: arrayValues(args, 'env-file'), vars: collectVars(arrayValues(args, 'var')) };
  for (const [key, name] of [['config', 'config'], ['cwd', 'cwd'], ['env', 'env'], ['port', 'port'], ['localProtocol', 'local-protocol']] as const) {
    const value = text(name);
    if (value !== undefined) options[key] = value;
  }
  return options;
}

/**
 * `args` with `extra` added where yargs reads them as options: before a `--` (after it every
 * argument is positional), and after everything else, so that an array option among `extra`
 * takes no argument of the caller's.
 */
export function withOptions(args: readonly string[], extra: readonly string[]): string[] {
  const end = args.indexOf('--');
  return end === -1 ? [...args, ...extra] : [...args.slice(0, end), ...extra, ...args.slice(end)];
}
