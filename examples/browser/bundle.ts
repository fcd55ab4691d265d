import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Scripts import the library's entry; in the page that is the one shared /tessera.js module. */
const libraryAsServedModule: Plugin = {
  name: 'tessera-as-served-module',
  setup(b) {
    b.onResolve({ filter: /\/src\/index$/ }, () => ({ path: '/tessera.js', external: true }));
  },
};

async function bundle(entry: string, plugins: Plugin[]): Promise<Uint8Array> {
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'inline',
    write: false,
    plugins,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/**
 * Builds the library (/tessera.js) and the page scripts importing it (the demo's /demo.js, and `scripts`:
 * served path → entry file, e.g. a test's page-side checks) for the browser with esbuild; errors throw with
 * esbuild's messages. Resolves to served path → file contents.
 */
export async function buildBundles(scripts: Record<string, string> = {}): Promise<Map<string, Uint8Array>> {
  const entries = Object.entries({ '/demo.js': 'examples/browser/demo.ts', ...scripts });
  const built = await Promise.all([bundle('src/index.ts', []), ...entries.map(([, entry]) => bundle(entry, [libraryAsServedModule]))]);
  return new Map([['/tessera.js', built[0]], ...entries.map(([path], i): [string, Uint8Array] => [path, built[i + 1]])]);
}
