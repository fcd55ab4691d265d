import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from './chromium';
import { describeBrowser, openBrowser } from './suite';

type Opened = Awaited<ReturnType<typeof openBrowser>>;
interface Compared { name: string; ok: boolean; detail: string }

/** A bare page with /surface-checks.js loaded (tessera and TF.js 4.22 side by side), and its collected errors. */
async function checksPage(o: Opened): Promise<{ page: Page; errors: string[] }> {
  const opened = await o.browser.newPage();
  await opened.page.goto(`${o.server.url}/bare.html`);
  await opened.page.evaluate(`import('/surface-checks.js').then(() => true)`);
  return opened;
}

function expectAllOk(results: Compared[], least: number): void {
  expect(results.length).toBeGreaterThanOrEqual(least);
  for (const r of results) expect(r, `${r.name}: ${r.detail}`).toMatchObject({ ok: true });
}

describeBrowser('tn.browser.fromPixelsAsync, tn.browser.draw and tn.data.webcam in Chromium, against TF.js 4.22', () => {
  let o: Opened;
  beforeAll(async () => {
    o = await openBrowser({ isolated: false, scripts: { '/surface-checks.js': 'test/browser/surface-checks.ts' } }, { fakeCamera: true });
  });
  afterAll(async () => { await o?.close(); });

  it('fromPixelsAsync gives TF.js\'s tensors for ImageData, a canvas and an image', async () => {
    const { page, errors } = await checksPage(o);
    expectAllOk(await page.evaluate('surfaceChecks.fromPixelsAsync()') as Compared[], 10);
    expect(errors).toEqual([]);
  });

  it('draw puts the bytes TF.js puts on a canvas, refuses a WebGL canvas, and draws a gradient on the page', async () => {
    const { page, errors } = await checksPage(o);
    expectAllOk(await page.evaluate('surfaceChecks.draw()') as Compared[], 8);
    await screenshot(page, 'browser-draw.png');
    expect(errors).toEqual([]);
  });

  it('webcam reads the fake camera: hidden element, capture, as a dataset iterator, stop, start, and bad arguments', async () => {
    const { page, errors } = await checksPage(o);
    const r = await page.evaluate('surfaceChecks.webcam()') as Record<string, unknown>;
    console.info(`[browser] fake camera: element ${JSON.stringify(r.element)}, frames ${JSON.stringify(r.frameSize)}, ${r.distinctValues} distinct values in a frame`);
    const [width, height] = r.frameSize as [number, number];
    expect(width * height).toBeGreaterThan(0);
    expect(r).toMatchObject({
      summary: 'webcam',
      element: [160, 120],
      // The hidden element is the size asked for, so frames are not resized (as TF.js): the camera's own size.
      shape: [height, width, 3],
      dtype: 'int32',
      datasetShapes: [[height, width, 3], [height, width, 3]],
      running: true,
      afterStop: { value: null, done: true },
      captureStopped: 'data.webcam: capture() on a stopped webcam; call start() first',
      restartedShape: [height, width, 3],
      toArray: "data.webcam: a camera's stream never ends, so it cannot be collected into an array; read frames with capture() or next()",
      noElement: 'data.webcam: webcamVideoElement must be a video element, or webcamConfig.resizeWidth and resizeHeight for a hidden one of that size, got undefined',
      notVideo: 'data.webcam: webcamVideoElement must be an HTMLVideoElement (or undefined, with resizeWidth and resizeHeight, for a hidden one), got an object ([object HTMLDivElement])',
      unsized: 'data.webcam: webcamVideoElement must be an element with its width and height attributes set (the camera is asked for that size), got width 0 and height 0',
      badFacing: 'data.webcam: webcamConfig.facingMode must be \'user\' or \'environment\', got "left"',
      halfSize: 'data.webcam: webcamConfig must be resizeWidth and resizeHeight together, or neither, got only resizeWidth',
    });
    // The fake camera draws a coloured pattern: a real picture, not a blank frame.
    expect(r.distinctValues as number).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it('webcam frames match TF.js\'s WebcamIterator on the same paused video: as they are, resized, centre-cropped', async () => {
    const { page, errors } = await checksPage(o);
    const results = await page.evaluate('surfaceChecks.webcamAgainstTfjs()') as Compared[];
    for (const r of results) console.info(`[browser] webcam ${r.name}: ${r.detail}`);
    expectAllOk(results, 4);
    expect(errors).toEqual([]);
  });
});

describeBrowser('tn.browser.fromPixels on a GPU-composited page (WebGL2 on SwiftShader), against TF.js 4.22', () => {
  let o: Opened;
  beforeAll(async () => {
    o = await openBrowser({ isolated: false, scripts: { '/surface-checks.js': 'test/browser/surface-checks.ts' } }, { webgl: true });
  });
  afterAll(async () => { await o?.close(); });

  it('reads translucent images and canvases as TF.js does, leaves a canvas with no context free for WebGL, and draws no readback warning', async () => {
    const { page, errors } = await checksPage(o);
    const warnings: string[] = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    expectAllOk(await page.evaluate('surfaceChecks.translucentPixels()') as Compared[], 4);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
  });
});
