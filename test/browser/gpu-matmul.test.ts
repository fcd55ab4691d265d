import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, LOAD_CHECKS, openBrowser } from './suite';

// The gpu matMul packs its operands 4 values a texel (kernels/gpu/batch-matmul.ts); on WebGL2 every other tensor
// texture holds one value a texel, so the packing's edges are checked in Chromium too, not only on headless-gl.

describeBrowser('the gpu backend\'s matMul on WebGL2', () => {
  let o: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => { o = await openBrowser({}, { webgl: true }); });
  afterAll(async () => { await o?.close(); });

  it('gives the cpu backend\'s products: sizes off multiples of 4, a k split into parts, every transpose pair, shared batch operands, int32', async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.evaluate(LOAD_CHECKS);
    const r = await page.evaluate('tesseraChecks.gpuMatMulEdges()') as { gpu: string; checked: number; mismatches: string[] };
    expect(r.gpu).toMatch(/^gpu \(webgl2/);
    expect(r.checked).toBeGreaterThan(1000);
    expect(r.mismatches).toEqual([]);
    expect(errors).toEqual([]);
  });
});
