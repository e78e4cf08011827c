import type { Env } from '../env';
import { resolveOrigin, type Origin } from '../store/origin';
import { configOf, isConfigError, type Config, type ConfigError } from '.';

/** What a request is served with: the origin (and its ETag tag), the body cache's budget. */
export interface Served {
  origin: Origin;
  bodyCacheBytes: number;
  /** A fixed clock (EDGEWIRE_NOW), else undefined: each request's own time. */
  clock: number | undefined;
}

// configOf gives the same Config object while the vars stay the same.
const known = new WeakMap<Config, Served>();

/**
 * The settings of this deployment from its vars, or the setting that stops it serving. A plain
 * value once the origin's hash is known (the first request of an isolate awaits it), the same
 * object every time.
 */
export function servedBy(env: Env): Served | ConfigError | Promise<Served> {
  const config = configOf(env);
  if (isConfigError(config)) return config;
  const served = known.get(config);
  if (served !== undefined) return served;
  const origin = resolveOrigin(config.origin);
  const make = (resolved: Origin): Served => {
    const made = { origin: resolved, bodyCacheBytes: config.bodyCacheBytes, clock: config.clock };
    known.set(config, made);
    return made;
  };
  return origin instanceof Promise ? origin.then(make) : make(origin);
}
