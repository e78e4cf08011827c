import type { Env } from './env';
import type { Origin } from './store/origin';

/** Hono's type parameters for this app: bindings, and what middleware sets per request. */
export interface AppEnv {
  Bindings: Env;
  Variables: { origin: Origin; bodyCacheBytes: number };
}
