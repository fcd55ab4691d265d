import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, LOAD_CHECKS, openBrowser } from './suite';

// Chromium's WebGL2 (SwiftShader in headless Chromium) differs from headless-gl's llvmpipe where GLSL leaves results
// undefined or loose: its exp and log turned NaN into Infinity or 89, its log gave -88 at 0 and log|x| below, its
// atan2 dropped a zero's sign and its sin and cos were off by 1e-4. Each case here was wrong on it.

describeBrowser('the gpu backend on WebGL2 at special values', () => {
  let o: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => { o = await openBrowser({}, { webgl: true }); });
  afterAll(async () => { await o?.close(); });

  it('gives the cpu backend\'s values: NaN kept, log and atanh at and past their domains, signed zeros, sin and cos to float32, softmax rows with NaN or Infinity, clipByValue, oneHot and resizeBilinear', async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.evaluate(LOAD_CHECKS);
    const r = await page.evaluate('tesseraChecks.gpuSpecialValues()') as { gpu: string; checked: number; mismatches: string[] };
    expect(r.gpu).toMatch(/^gpu \(webgl2/);
    expect(r.checked).toBeGreaterThan(400);
    expect(r.mismatches).toEqual([]);
    expect(errors).toEqual([]);
  });
});
