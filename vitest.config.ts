import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-random-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default of one file at a time on two cores (cores − 1), kept on purpose: with a file per core the
    // kernels' contention gauge sees the other file's process busy and runs the "two threads" cases on one, so they
    // would no longer test the split (486 s against 644 s of vitest on CI's two cores, all passing).

    // `npm run test:coverage`: line and branch coverage of the library (src/) and its kernels.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'kernels/**/*.ts'],
      reporter: ['text-summary', 'json-summary', 'text'],
      reportsDirectory: 'coverage',
      reportOnFailure: true,
    },
  },
});
