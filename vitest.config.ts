import { defineConfig } from 'vitest/config';

// Unit and build tests. Browser tests live in e2e/ with their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
