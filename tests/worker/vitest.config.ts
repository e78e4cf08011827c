import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { exitOnBadSiteUrl } from '../../scripts/site-config';

// Runs the real Worker (wrangler.toml: main, vars, compatibility date) inside workerd.
exitOnBadSiteUrl(new URL('../../wrangler.toml', import.meta.url).pathname);

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: '../../wrangler.toml' } })],
  test: {
    name: 'worker',
    include: ['**/*.test.ts'],
  },
});
