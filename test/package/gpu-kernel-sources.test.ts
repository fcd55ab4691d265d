import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { freezeKernels } from '../../scripts/gpu-kernel-sources';

// gpu.js compiles a kernel from fn.toString(); a user's minifier rewrote that text into code gpu.js cannot read, so
// the package builds each kernel from a string of its source (scripts/gpu-kernel-sources.ts), which minifiers keep.

/** A module's exports, from its JavaScript text. */
async function load(code: string): Promise<Record<string, unknown>> {
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`) as Promise<Record<string, unknown>>;
}

describe('the built package\'s gpu kernels keep their source through a minifier', () => {
  for (const file of ['reduce', 'elementwise', 'batch-matmul', 'matmul-pack', 'unpack-quads', 'conv', 'conv-max-pool']) {
    it(`kernels/gpu/${file}.ts`, async () => {
      const { code } = await transform(await readFile(`kernels/gpu/${file}.ts`, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
      // The module imports its neighbours; their bindings do not matter to the kernels' text.
      const standalone = (js: string) => js.replace(/import\s*\{[^}]*\}\s*from\s*["'][^"']*["'];?/g, '');
      const plain = await load(standalone(code));
      const frozen = freezeKernels(code);
      const minified = (await transform(frozen, { minify: true, format: 'esm' })).code;
      const kernels = Object.keys(plain).filter((k) => k.endsWith('Kernel'));
      expect(kernels.length).toBeGreaterThan(0);
      const fromMinified = await load(standalone(minified));
      const unfrozenMinified = await load(standalone((await transform(code, { minify: true, format: 'esm' })).code));
      for (const k of kernels) {
        expect(String(fromMinified[k]), k).toBe(String(plain[k]));
        // Without freezing, the minifier rewrites the text gpu.js would read.
        expect(String(unfrozenMinified[k]), k).not.toBe(String(plain[k]));
      }
    });
  }
});
