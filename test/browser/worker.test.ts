import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, openBrowser } from './suite';

// tessera imported inside a module Web Worker, as programs do to keep a page responsive: the environment's WebGL
// flags are the page's (a worker's WebGL comes from an OffscreenCanvas), and tensors posted back are small clones
// without their values (the kernels' memory must neither be copied nor shared with the receiver).

describeBrowser('tessera in a Web Worker', () => {
  let o: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => { o = await openBrowser({}, { webgl: true }); });
  afterAll(async () => { await o?.close(); });

  it('reads the page\'s WebGL flags and posts tensors as small clones', async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    const flags = ['HAS_WEBGL', 'WEBGL_VERSION', 'WEBGL_MAX_TEXTURES_IN_SHADER', 'WEBGL_MAX_TEXTURE_SIZE', 'WEBGL_RENDER_FLOAT32_CAPABLE'];
    // A string, not a function: vitest would rewrite a function's import() into its own loader.
    const r = await page.evaluate(`(async () => {
      const names = ${JSON.stringify(flags)};
      const url = location.origin + '/tessera.js';
      const source = "import * as tn from '" + url + "';" +
        'const a = tn.ones([64, 64]);' +
        'const posted = [a.matMul(a), tn.variable(tn.ones([3]))];' +
        'self.postMessage({ flags: ' + JSON.stringify(names) + '.map((f) => tn.env().get(f)), posted });';
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
      const data = await new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
      });
      worker.terminate();
      const tn = await import(url);
      const posted = data.posted.map((p) => ({ shape: p.shape, dtype: p.dtype, views: Object.values(p).filter((v) => ArrayBuffer.isView(v) || v instanceof ArrayBuffer).length }));
      return { worker: { flags: data.flags, posted }, page: names.map((f) => tn.env().get(f)) };
    })()`) as { worker: { flags: unknown[]; posted: unknown[] }; page: unknown[] };
    expect(r.page).toEqual([true, 2, expect.any(Number), expect.any(Number), true]);
    expect(r.page[2]).toBeLessThanOrEqual(16);
    expect(r.worker.flags).toEqual(r.page);
    expect(r.worker.posted).toEqual([{ shape: [64, 64], dtype: 'float32', views: 0 }, { shape: [3], dtype: 'float32', views: 0 }]);
    expect(errors).toEqual([]);
  });
});
