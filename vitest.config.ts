import { defineConfig } from 'vitest/config';

// Unit tests: pure modules, beside their source. Real-browser tests have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
