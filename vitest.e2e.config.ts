import { defineConfig } from 'vitest/config';

// Real-browser tests: one browser at a time (2 cores), generous timeouts for browser start-up.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
