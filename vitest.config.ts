// Test configuration of the whole repository, run by `npm test` (scripts/test.mjs).
// Two projects: `unit` (packages and apps, next to their code) and `e2e` (browser and HTTP tests
// against real servers, under e2e/). One of them: `npm test -- --project unit`.
// No globals: test files import describe/it/expect from 'vitest'.
import { configDefaults, defineConfig } from 'vitest/config';

const exclude = [...configDefaults.exclude, '**/node_modules/**', '**/dist/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/**/src/**/*.test.ts',
            'apps/**/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Unit tests first, then e2e alone: the servers and Chromium get the machine's cores.
          // Not 0: Vitest 5 moves an order-0 project with one worker (2 cores) after all groups.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          exclude,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One file at a time: each starts its own servers and browser.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
