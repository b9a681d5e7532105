import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['browser/**/*.test.ts', 'fault/**/*.test.ts', 'hub/**/*.test.ts'],
    // One Chromium and one server at a time: two cores are shared with the app under test.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
