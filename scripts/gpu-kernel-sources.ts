import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { transform, type Plugin } from 'esbuild';

/**
 * gpu.js compiles a kernel from its function's source text (fn.toString()). A program that bundles tessera with a
 * minifier (webpack's production mode, vite, parcel) rewrote that text into forms gpu.js cannot read (`c ? 1 : 0`
 * became a boolean in arithmetic), so the gpu backend failed in minified pages. The built package therefore makes
 * each exported gpu kernel from a string of its source: minifiers leave strings alone, so toString() gives gpu.js
 * the source as written. `code` is a kernels/gpu module as esbuild writes it from TypeScript (each function
 * declared at the start of a line, exported in a list at the end).
 */
export function freezeKernels(code: string): string {
  let out = '';
  let at = 0;
  const head = /^function (\w+Kernel)\(/gm;
  for (let m = head.exec(code); m; m = head.exec(code)) {
    const end = closingBrace(code, code.indexOf('{', m.index + m[0].length)) + 1;
    out += `${code.slice(at, m.index)}const ${m[1]} = /* @__PURE__ */ new Function(${JSON.stringify(`return ${code.slice(m.index, end)}`)})();`;
    at = end;
    head.lastIndex = end;
  }
  return out + code.slice(at);
}

/** The index of the brace closing the one at `open` (kernel bodies hold no strings, comments or regexes with braces). */
function closingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`freezeKernels: no closing brace for the one at ${open}`);
}

/** The esbuild plugin of the package build (tsup.config.ts): kernels/gpu modules with their kernels frozen. */
export const gpuKernelSources: Plugin = {
  name: 'gpu-kernel-sources',
  setup(build) {
    build.onLoad({ filter: /[\\/]kernels[\\/]gpu[\\/][^\\/]+\.ts$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
      return { contents: freezeKernels(code), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};
