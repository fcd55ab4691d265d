import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-random-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One test file per core. Vitest's default leaves a core free (cores − 1), which on CI's two cores runs the files
    // one at a time: 644 s of vitest there, 486 s with both cores taking files (the same 6,176 tests passing).
    maxWorkers: availableParallelism(),
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
