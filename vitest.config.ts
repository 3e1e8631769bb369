import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: ['tests/tools/**', 'node_modules/**'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
