import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { describeBrowser, LOAD_CHECKS, openBrowser } from './suite';

type Opened = Awaited<ReturnType<typeof openBrowser>>;
interface DemoState {
  frames: number;
  phase: string;
  backend: string;
  modelSource: string;
  losses: number[];
  framesDuringFit: number;
  testAccuracy: number;
  saved: boolean;
  prediction: number[] | null;
  error: string;
}

const SAMPLES = 320;
const EPOCHS = 2;
const demoState = (page: Page): Promise<DemoState> => page.evaluate('window.tesseraDemo') as Promise<DemoState>;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Draws a "7" on the pad with mouse events: pressed, moved in small steps, released. */
async function drawSeven(page: Page): Promise<void> {
  const box = await page.locator('#pad').boundingBox();
  if (!box) throw new Error('the drawing pad is not visible');
  const at = (fx: number, fy: number): [number, number] => [box.x + fx * box.width, box.y + fy * box.height];
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  for (const [fx, fy] of [[0.75, 0.2], [0.6, 0.5], [0.5, 0.8]]) await page.mouse.move(...at(fx, fy), { steps: 12 });
  await page.mouse.up();
}

describeBrowser('the demo page in Chromium', () => {
  let o: Opened;
  beforeAll(async () => { o = await openBrowser({ isolated: true }, { webgl: true }); });
  afterAll(async () => { await o?.close(); });

  it(`loads with no console errors, trains ${SAMPLES} samples (${EPOCHS} epochs) with falling loss, repaints during fit, predicts a drawn digit, keeps the model in IndexedDB for the next visit`, async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/?samples=${SAMPLES}&epochs=${EPOCHS}`);
    await page.waitForFunction('window.tesseraDemo?.phase === "ready"');
    expect(await page.textContent('#backend')).toMatch(/^Backend: cpu \(wasm-simd, (up to \d threads, web workers|1 thread)\)$/);
    expect((await demoState(page)).modelSource).toBe('new');

    await page.click('#train');
    await page.waitForFunction('window.tesseraDemo.phase !== "training" && window.tesseraDemo.losses.length > 0', undefined, { timeout: 120_000 });
    const s = await demoState(page);
    expect(s.error).toBe('');
    expect(s.losses).toHaveLength((SAMPLES / 32) * EPOCHS);
    expect(s.losses.every(Number.isFinite)).toBe(true);
    expect(mean(s.losses.slice(-5))).toBeLessThan(mean(s.losses.slice(0, 5)));
    // requestAnimationFrame callbacks ran while fit did: it yields to the event loop and the page repaints.
    expect(s.framesDuringFit).toBeGreaterThan(0);
    expect(s.saved).toBe(true);

    await drawSeven(page);
    await page.waitForFunction('window.tesseraDemo.prediction !== null');
    const probs = (await demoState(page)).prediction as number[];
    expect(probs).toHaveLength(10);
    expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-4);
    expect(await page.locator('#bars .bar.best').count()).toBe(1);
    await screenshot(page, 'demo-after-training.png');
    expect(errors).toEqual([]);

    // The next visit finds the model saved in IndexedDB.
    await page.reload();
    await page.waitForFunction('window.tesseraDemo?.phase === "ready"');
    expect((await demoState(page)).modelSource).toBe('indexeddb');
    // Forgotten, the model is gone on the visit after.
    await page.click('#forget');
    await page.waitForFunction('document.querySelector("#status").textContent.includes("removed from IndexedDB")');
    await page.reload();
    await page.waitForFunction('window.tesseraDemo?.phase === "ready"');
    expect((await demoState(page)).modelSource).toBe('new');
    expect(errors).toEqual([]);
  });

  it('switches to the gpu backend on WebGL2, whose forward pass matches the cpu backend within 1e-4', async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/`);
    await page.waitForFunction('window.tesseraDemo?.phase === "ready"');
    await page.click('#gpu');
    await page.waitForFunction('window.tesseraDemo.backend.startsWith("gpu") || document.querySelector("#status.error")');
    expect(await page.textContent('#status')).not.toMatch(/not available/);
    expect((await demoState(page)).backend).toMatch(/^gpu \(webgl2/);
    await page.evaluate(LOAD_CHECKS);
    const r = await page.evaluate('tesseraChecks.gpuForward()') as { cpu: string; gpu: string; maxDiff: number };
    expect(r.gpu).toMatch(/^gpu \(webgl2/);
    expect(r.maxDiff).toBeLessThanOrEqual(1e-4);
    console.info(`[browser] seed model forward, ${r.gpu} vs ${r.cpu}: max |difference| ${r.maxDiff.toExponential(2)}`);
    await screenshot(page, 'demo-gpu.png');
    expect(errors).toEqual([]);
  });

  it('keeps painting frames while fit runs on the gpu backend: a frame after every yield, from the first (kernel-compiling) batch on', async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.evaluate(LOAD_CHECKS);
    const r = await page.evaluate(`tesseraChecks.fitFrames('gpu')`) as { backend: string; ms: number; yields: number; framesDuringFit: number; withoutFrame: number[]; longestGapMs: number; longestStretchMs: number };
    console.info(`[browser] fit on ${r.backend}: ${r.ms.toFixed(0)} ms, ${r.yields} yields, ${r.framesDuringFit} frames, longest gap between frames ${r.longestGapMs.toFixed(0)} ms (longest stretch between yields ${r.longestStretchMs.toFixed(0)} ms)`);
    expect(r.backend).toMatch(/^gpu \(webgl2/);
    // SwiftShader is slow and its first batches compile every kernel: no time limits, only that frames keep coming.
    expect(r.yields).toBeGreaterThanOrEqual(3);
    expect(r.withoutFrame).toEqual([]);
    expect(r.framesDuringFit).toBeGreaterThanOrEqual(r.yields - 1);
    expect(r.longestGapMs).toBeLessThanOrEqual(r.longestStretchMs + 1000);
    await screenshot(page, 'gpu-fit-frames.png');
    expect(errors).toEqual([]);
  });

  it('paints frames during a custom gpu loop that awaits trainOnBatch or loss.data() with no tf.nextFrame, as TF.js\'s webgl', async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.evaluate(LOAD_CHECKS);
    for (const kind of ['trainOnBatch', 'data']) {
      const r = await page.evaluate(`tesseraChecks.loopFrames('${kind}', 40)`) as { backend: string; frames: number; losses: number[] };
      console.info(`[browser] ${kind} loop on ${r.backend}: ${r.frames} frames over 40 steps`);
      expect(r.backend).toMatch(/^gpu \(webgl2/);
      expect(r.losses.length).toBe(40);
      expect(r.losses[39]).toBeLessThan(r.losses[0]);
      expect(r.frames, kind).toBeGreaterThanOrEqual(2);
    }
    expect(errors).toEqual([]);
  });
});
