import { join } from 'node:path';
import { serveProject, type Served } from '../../scripts/bench/served';

export type { Served };

/** Bundles the project's content and serves it with `vars` over wrangler.toml's. */
export function serveBundle(vars: Readonly<Record<string, string>>): Promise<Served> {
  return serveProject(join(import.meta.dirname, '../..'), { vars });
}
