import { join } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { describe, expect, it } from 'vitest';

// wrangler.toml as wrangler itself reads it: what deploys must keep.
const config = unstable_readConfig({ config: join(import.meta.dirname, '../../wrangler.toml') });

describe('wrangler.toml', () => {
  it('enables Workers Cache in front of the Worker', () => {
    expect(config.cache).toEqual({ enabled: true });
  });

  it('runs the content build before bundling and watches content/', () => {
    expect(config.build.command).toBe('npm run build --silent');
    expect(config.build.watch_dir).toBe('content');
  });

  it('serves the body files the build writes as static assets, to the Worker only', () => {
    expect(config.assets).toEqual({ directory: '.edgewire/assets', binding: 'ASSETS', run_worker_first: true });
  });

  it('configures the public origin as a var', () => {
    expect(config.vars).toEqual({ SITE_URL: 'http://localhost:8787' });
  });
});
