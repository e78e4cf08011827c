import { inject } from 'vitest';
import { serveBuild, type Served } from '../../scripts/bench/served';
import type { RuntimeFixture } from './fixtures-setup';

export type { Served };

/** Bundles the fixture `name` (built once by fixtures-setup.ts) and serves it with `vars` over wrangler.toml's. */
export function serveFixture(name: RuntimeFixture, vars: Readonly<Record<string, string>>): Promise<Served> {
  return serveBuild(inject('fixtures')[name], { vars });
}
