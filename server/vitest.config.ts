import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Server tests open real ports and SQLite files; two cores do better with few workers.
    maxWorkers: 2,
    testTimeout: 20000,
    // A temp database and a center per test: set-up is real work, and slow on a shared machine.
    hookTimeout: 20000,
  },
});
