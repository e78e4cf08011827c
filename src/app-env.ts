import type { Served } from './config/served';
import type { Env } from './env';

/** Hono's type parameters for this app: bindings, and what each route is served with (routes/handler.ts). */
export interface AppEnv {
  Bindings: Env;
  Variables: { served: Served; complete: Response };
}
