import { defineConfig } from 'vitest/config';

// The deployable bundle served by workerd itself, driven over real HTTP from Node: what only real
// connections show (client disconnects, keep-alive, concurrency across requests).
export default defineConfig({
  test: {
    name: 'runtime',
    include: ['**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./fixtures-setup.ts'],
    hookTimeout: 120_000,
    testTimeout: 120_000,
    // After the other projects: its load would slow them, and theirs would blur it.
    sequence: { groupOrder: 1 },
  },
});
