import { defineConfig } from 'vitest/config';

// Unit and component tests. E2E tests (test/e2e) drive Chromium against the sandbox and run
// with node's own test runner, see package.json.
export default defineConfig({
  test: {
    globals: true,
    include: ['test/unit/**/*.test.{ts,tsx,mjs}', 'test/contract/**/*.test.{ts,mjs}', 'test/component/**/*.test.{ts,tsx}', 'test/sandbox/**/*.test.mjs', 'test/scripts/**/*.test.mjs'],
    environment: 'node',
    setupFiles: ['test/support/jsdom-setup.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/procedure/**'],
      reporter: ['text-summary'],
    },
  },
});
