import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserModule, scriptTag } from '../../tsup.config';
import { screenshot } from './chromium';
import { describeBrowser, openBrowser } from './suite';

type Opened = Awaited<ReturnType<typeof openBrowser>>;
type XorResult = { cpu: string; gpu: string; losses: number[]; predicted: number[]; product: number[][] };

/**
 * What the page does with the global the script sets, as a TF.js tutorial does with `tf` after
 * `<script src=".../tf.min.js">`: trains XOR on the cpu backend, then multiplies on the gpu backend (gpu.js comes inside
 * the script: the page has no bundler and no import map).
 */
const PROGRAM = `(async () => {
  tf.setRandomSeed(3);
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, activation: 'tanh', inputShape: [2] }), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
  const x = tf.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
  const y = tf.tensor([[0], [1], [1], [0]]);
  const history = await model.fit(x, y, { epochs: 60, batchSize: 4, verbose: 0 });
  const predicted = Array.from(model.predict(x).dataSync());
  // The predictions drawn as a 2 x 2 grey image, large, for the screenshot: dark, light, light, dark.
  const shown = document.createElement('canvas');
  shown.style.cssText = 'width: 200px; height: 200px; image-rendering: pixelated; border: 1px solid black';
  document.body.append(shown);
  tf.browser.draw(tf.clipByValue(model.predict(x).reshape([2, 2]), 0, 1), shown);
  const cpu = tf.getBackend();
  await tf.setBackend('gpu');
  return { cpu, gpu: tf.getBackend(), losses: history.history.loss, predicted, product: tf.matMul(tf.tensor([[1, 2], [3, 4]]), tf.tensor([[5, 6], [7, 8]])).arraySync() };
})()`;

/** What PROGRAM gives wherever the page loads tessera: XOR learned on the cpu backend, a product on the gpu backend. */
function expectXor(r: XorResult): void {
  expect(r.cpu).toMatch(/^cpu \(wasm-simd, up to \d threads, web workers\)$/);
  expect(r.losses).toHaveLength(60);
  expect(r.losses[59]).toBeLessThan(r.losses[0] / 10);
  expect(r.predicted.map((p) => Math.abs(Math.round(p)))).toEqual([0, 1, 1, 0]);
  expect(r.gpu).toMatch(/^gpu \(webgl2/);
  expect(r.product).toEqual([[19, 22], [43, 50]]);
}

/**
 * Builds `options` into a temporary folder before the suite's tests, serves the files `served` makes of it to Chromium
 * (with WebGL), and removes both after; the returned function gives the opened browser and server.
 */
function servedBuild(prefix: string, options: Options, served: (dir: string) => Promise<Record<string, Uint8Array | string>>): () => Opened {
  let o: Opened | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    await build({ ...options, config: false, silent: true, outDir: dir });
    o = await openBrowser({ isolated: true, files: await served(dir) }, { webgl: true });
  });
  afterAll(async () => {
    await o?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => o as Opened;
}

describeBrowser('the script-tag build (dist/tessera.min.js) in Chromium', () => {
  const opened = servedBuild('tessera-script-tag-', scriptTag, async (dir) => ({ '/tessera.min.js': await readFile(join(dir, 'tessera.min.js')) }));

  it('loads with a classic <script> tag as the globals `tessera` and `tf`, trains a small model, and has the gpu backend', async () => {
    const o = opened();
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.addScriptTag({ url: '/tessera.min.js' });
    expect(await page.evaluate('typeof tessera.sequential')).toBe('function');
    expect(await page.evaluate('tf === tessera')).toBe(true);
    expectXor(await page.evaluate(PROGRAM) as XorResult);
    await screenshot(page, 'script-tag-xor.png');
    expect(errors).toEqual([]);
  });

  it('leaves a `tf` the page already has (TF.js loaded first, to compare the two) as it was', async () => {
    const o = opened();
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.evaluate('window.tf = { theirs: true }');
    await page.addScriptTag({ url: '/tessera.min.js' });
    expect(await page.evaluate('[tf.theirs, typeof tessera.tensor]')).toEqual([true, 'function']);
    expect(errors).toEqual([]);
  });
});

/**
 * A page with no bundler and an ES module of its own: an import map names dist/index.js as `tessera` and gpu.js's
 * browser file as `gpu.js` (a plain script, whose global GPU tessera takes), and the page trains XOR on the cpu backend
 * and multiplies on the gpu backend.
 */
const MODULE_PAGE = `<!doctype html><html><head><link rel="icon" href="data:,"><script type="importmap">
{"imports": {"tessera": "/dist/index.js", "gpu.js": "/gpu-browser.js"}}
</script></head><body><script type="module">
import * as tf from 'tessera';
window.result = ${PROGRAM}.catch((e) => ({ error: String(e) }));
</script></body></html>`;

describeBrowser('dist/index.js in a page with no bundler (an import map) in Chromium', () => {
  const opened = servedBuild('tessera-import-map-', { ...browserModule, format: ['esm'], dts: false, sourcemap: false, clean: false }, async (dir) => {
    const files: Record<string, Uint8Array | string> = { '/module.html': MODULE_PAGE, '/gpu-browser.js': await readFile('node_modules/gpu.js/dist/gpu-browser.js') };
    for (const name of await readdir(dir)) files[`/dist/${name}`] = await readFile(join(dir, name));
    return files;
  });

  it('imports tessera as a module, trains a small model, and has the gpu backend through the mapped gpu.js', async () => {
    const o = opened();
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/module.html`);
    await page.waitForFunction('window.result !== undefined');
    const r = await page.evaluate('window.result') as XorResult & { error?: string };
    expect(r.error).toBeUndefined();
    expectXor(r);
    await screenshot(page, 'import-map-xor.png');
    expect(errors).toEqual([]);
  });
});
