import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild, transform, type Metafile } from 'esbuild';
import { build as tsup } from 'tsup';
import { build as vite, createLogger } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../tsup.config';

// The package as a browser app's bundler sees it: `import * as tn from 'tessera'` bundled by esbuild
// for the browser with no configuration and no externals. The build goes to a folder of its own,
// so this suite never races the consumer suite over dist/.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 240_000;

const APP = `import * as tn from 'tessera';
export { tn };
export const product = tn.matMul(tn.tensor([[1, 2], [3, 4]]), tn.tensor([[5, 6], [7, 8]])).arraySync();
`;

/** Node built-ins by every name code can import them under. */
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The package's runtime dependencies, linked where npm would have installed them beside it. */
async function linkDependencies(pkg: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  await mkdir(join(pkg, 'node_modules'));
  for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
    await symlink(join(REPO, 'node_modules', name), join(pkg, 'node_modules', name), 'dir');
  }
}

describe('bundling tessera for the browser with esbuild and Vite, no configuration', () => {
  let root = '';
  let viteWarnings: string[] = [];
  let viteFiles: string[] = [];
  let code = '';
  let metafile: Metafile;
  let warnings: string[] = [];

  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'tessera-bundle-')));
    const pkg = join(root, 'tessera');
    const options = Array.isArray(config) ? config[0] : config;
    if (typeof options === 'function') throw new Error('tsup.config.ts must export an options object');
    // Types are the consumer suite's business; the JavaScript builds are the same.
    // config: false, or tsup also runs every build of tsup.config.ts with these options laid over it.
    await tsup({ ...options, config: false, dts: false, silent: true, outDir: join(pkg, 'dist'), entry: { index: join(REPO, 'src/index.ts'), node: join(REPO, 'src/node.ts') } });
    await writeFile(join(pkg, 'package.json'), await readFile(join(REPO, 'package.json')));
    await linkDependencies(pkg);
    const app = join(root, 'app');
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await symlink(pkg, join(app, 'node_modules', 'tessera'), 'dir');
    await writeFile(join(app, 'main.js'), APP);
    const result = await esbuild({
      entryPoints: [join(app, 'main.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      outfile: join(app, 'out.js'),
      metafile: true,
      logLevel: 'silent',
    });
    warnings = result.warnings.map((w) => w.text);
    metafile = result.metafile;
    code = await readFile(join(app, 'out.js'), 'utf8');

    // Vite: a page importing the same module; only the log is captured (Vite warns, rather than
    // fails, when it has to leave out a Node built-in "for browser compatibility").
    await writeFile(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    const logger = createLogger('warn', { allowClearScreen: false });
    logger.warn = (msg) => void viteWarnings.push(msg);
    logger.warnOnce = logger.warn;
    const output = await vite({ root: app, configFile: false, customLogger: logger, logLevel: 'warn', build: { outDir: join(app, 'vite-out'), write: false } });
    viteFiles = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output.map((f) => f.fileName) : []));
  }, TIMEOUT_MS);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('bundles with no warnings, no externals and no Node built-ins', () => {
    expect(warnings).toEqual([]);
    const imports = Object.values(metafile.inputs).flatMap((i) => i.imports);
    expect(imports.filter((i) => i.external || BUILTINS.has(i.path)).map((i) => i.path)).toEqual([]);
    // esbuild turns a require it cannot bundle into a stub that throws 'Dynamic require of ... is not supported'.
    expect(code).not.toContain('Dynamic require');
  });

  it("tessera's browser build reads no global `process` (Parcel adds a polyfill to a page for one)", async () => {
    // esbuild's define replaces only free references to a global, so the marker shows each one. The browser build is
    // the bundle's tessera files (dist/index.js and the chunks it shares with the Node build; paths from the working
    // folder, as esbuild's metafile gives them).
    const files = Object.keys(metafile.inputs).filter((p) => /tessera\/dist\/[^/]+\.js$/.test(p));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { code: marked } = await transform(await readFile(resolve(file), 'utf8'), { define: { process: '__freeProcessReference' }, format: 'esm' });
      expect(marked.match(/__freeProcessReference.{0,40}/g) ?? [], file).toEqual([]);
    }
  });

  it("takes tessera's browser build and gpu.js's browser build", () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((p) => p.endsWith('tessera/dist/index.js'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('tessera/dist/node.cjs'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('gpu.js/dist/gpu-browser.js'))).toBe(true);
  });

  it('Vite builds the page with no warnings, with gpu.js in a chunk of its own loaded on demand', () => {
    expect(viteWarnings).toEqual([]);
    expect(viteFiles.some((f) => /gpu-browser.*\.js$/.test(f))).toBe(true);
  });

  it('the bundle runs, and names the browser alternatives when given a file:// URL', async () => {
    const bundle = (await import(pathToFileURL(join(root, 'app', 'out.js')).href)) as { tn: typeof import('../../src/index'); product: number[][] };
    expect(bundle.product).toEqual([[19, 22], [43, 50]]);
    const { tn } = bundle;
    await expect(tn.loadLayersModel('file:///tmp/model.json')).rejects.toThrow(
      /loadLayersModel: file:\/\/\/tmp\/model.json is a file:\/\/ URL, which only tessera's Node build can use .*indexeddb:\/\/.*localstorage:\/\/.*downloads:\/\/.*http\(s\):\/\/.*tn\.io\.browserFiles/,
    );
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
    await expect(model.save('file:///tmp/m')).rejects.toThrow(/save: file:\/\/\/tmp\/m is a file:\/\/ URL, which only tessera's Node build/);
    await expect(tn.data.loadMnist()).rejects.toThrow(/loadMnist: in a browser, pass options.dir/);
  });
});
