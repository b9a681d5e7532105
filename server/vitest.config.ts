import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The hub and sync tests need PostgreSQL: they run as their own suite (vitest.hub.config.ts).
    exclude: ['src/hub/**', 'src/sync/**', '**/node_modules/**'],
    // Server tests open real ports and SQLite files; two cores do better with few workers.
    maxWorkers: 2,
    testTimeout: 20000,
    // A temp database and a center per test: set-up is real work, and slow on a shared machine.
    hookTimeout: 20000,
  },
});
