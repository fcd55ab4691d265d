import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-random-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
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
