import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Server tests open real ports and SQLite files; two cores do better with few workers.
    maxWorkers: 2,
    testTimeout: 20000,
  },
});
