import { configDefaults, defineConfig } from 'vitest/config';

// Temporal's native bridge is not safe in worker threads: run test files in forked processes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The proof suites (chaos, fuzzing) run as their own step: vitest.proof.config.ts.
    exclude: [...configDefaults.exclude, 'test/chaos/**', 'test/fuzz/**'],
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/support/quiet-runtime.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
