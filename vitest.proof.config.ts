import { defineConfig } from 'vitest/config';

/**
 * The proof suites (`npm run test:chaos`, `npm run test:fuzz`, and the second step of `npm test`):
 * faults injected into the real embedded stack, and a fuzzer over every documented route. The
 * same setup as vitest.config.ts; kept out of the main run so they run as one timed step.
 */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/support/quiet-runtime.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
