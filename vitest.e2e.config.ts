import { defineConfig } from 'vitest/config';

// Browser tests (Chromium via playwright-core) against the built site, served by e2e/globalSetup.ts.
// One file at a time: 2 cores, and each test drives a real browser.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/globalSetup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
