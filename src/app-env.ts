import type { Served } from './config/served';
import type { Env } from './env';
import type { Edition } from './store';

/** Hono's type parameters for this app: bindings, and what each route is served with (routes/handler.ts). */
export interface AppEnv {
  Bindings: Env;
  /** `content`: the edition of the index this request is served from (scheduled articles, store/index.ts). */
  Variables: { served: Served; complete: Response; content: Edition };
}
