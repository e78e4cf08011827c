import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Runs the real Worker (wrangler.toml: main, vars, compatibility date) inside workerd.
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: '../../wrangler.toml' } })],
  // examples/ import the client by its package name, as a consumer would.
  resolve: { alias: { 'edgewire/client': resolve(import.meta.dirname, '../../src/client/index.ts') } },
  test: {
    name: 'worker',
    include: ['**/*.test.ts'],
    globalSetup: ['./site-url-setup.ts'],
  },
});
