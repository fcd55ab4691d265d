import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Scripts import the library's entry; in the page that is the one shared /tessera.js module. */
const libraryAsServedModule: Plugin = {
  name: 'tessera-as-served-module',
  setup(b) {
    b.onResolve({ filter: /\/src\/index$/ }, () => ({ path: '/tessera.js', external: true }));
  },
};

/** One page script, bundled: [served path, code] and [served path + '.map', its source map]. */
async function bundle(entry: string, served: string, plugins: Plugin[]): Promise<[string, Uint8Array][]> {
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Functions keep their names, as an unminified build keeps them: TF.js names a metric function's history key
    // after it (its own tf.min.js mangles these, giving keys such as '_8').
    keepNames: true,
    // Linked, so the page loads only the code; the browser's devtools fetch the map.
    sourcemap: 'linked',
    outfile: join(REPO, 'out', served),
    write: false,
    plugins,
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => [`${served}${f.path.endsWith('.map') ? '.map' : ''}`, f.contents]);
}

/**
 * Builds the library (/tessera.js) and the page scripts importing it (the demo's /demo.js, and `scripts`:
 * served path → entry file, e.g. a test's page-side checks) for the browser with esbuild, each with its source
 * map beside it (path + '.map'); errors throw with esbuild's messages. Resolves to served path → file contents.
 */
export async function buildBundles(scripts: Record<string, string> = {}): Promise<Map<string, Uint8Array>> {
  const pages = Object.entries({ '/demo.js': 'examples/browser/demo.ts', ...scripts });
  const built = await Promise.all([
    bundle('src/index.ts', '/tessera.js', []),
    ...pages.map(([served, entry]) => bundle(entry, served, [libraryAsServedModule])),
  ]);
  return new Map(built.flat());
}
