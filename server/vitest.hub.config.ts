import { defineConfig } from 'vitest/config';

/** The province hub and the center's sync to it: every test runs against a real PostgreSQL the suite starts. */
export default defineConfig({
  test: {
    include: ['src/hub/**/*.test.ts', 'src/sync/**/*.test.ts'],
    globalSetup: ['src/test-support/pg-global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
