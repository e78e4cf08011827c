import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Runs the real Worker (wrangler.toml: main, vars, compatibility date) inside workerd.
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: '../../wrangler.toml' } })],
  test: {
    name: 'worker',
    include: ['**/*.test.ts'],
    globalSetup: ['./site-url-setup.ts'],
  },
});
