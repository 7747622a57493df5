import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A temp folder of the suite's own, checked for leftovers at the end.
    globalSetup: ['tests/global-setup.ts'],
    // End-to-end tests start Chromium and print real files: give them room, not retries.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two cores: one browser-heavy file at a time keeps runs steady.
    fileParallelism: false,
  },
});
