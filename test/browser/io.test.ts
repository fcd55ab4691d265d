import { afterAll, beforeAll, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { seedModel } from '../../examples/seed-model';
import { artifactsInfo } from '../../src/io/artifacts-info';
import { modelJsonFor } from '../../src/io/model-json';
import { describeBrowser, LOAD_CHECKS, openBrowser } from './suite';

type Opened = Awaited<ReturnType<typeof openBrowser>>;
interface IoCheckResult { name: string; ok: boolean; detail: string }

describeBrowser('tn.io and tn.browser in Chromium', () => {
  const N = 3;
  const input = Array.from({ length: N * 784 }, (_, i) => ((i * 7919) % 1009) / 1009);
  let o: Opened;
  let want: number[];

  beforeAll(async () => {
    // The seed model saved by Node as a model.json and one weights file, served over http to the page.
    tn.setRandomSeed(21);
    const model = seedModel(tn);
    want = Array.from(model.predict(tn.tensor(Float32Array.from(input), [N, 28, 28, 1])).dataSync());
    let files: Record<string, Uint8Array | string> = {};
    await model.save(tn.io.withSaveHandler(async (artifacts) => {
      const weights = new Uint8Array(artifacts.weightData as ArrayBuffer);
      files = { '/models/seed/model.json': JSON.stringify(modelJsonFor(artifacts, ['weights.bin'])), '/models/seed/weights.bin': weights };
      return { modelArtifactsInfo: artifactsInfo(artifacts, weights.byteLength) };
    }));
    o = await openBrowser({ isolated: true, files });
  });
  afterAll(async () => { await o?.close(); });

  it('passes every io check: IndexedDB, localStorage, browserFiles, file:// error, fromPixels/toPixels, http', async () => {
    const { page } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.evaluate(LOAD_CHECKS);
    const results = await page.evaluate(`tesseraChecks.io(${JSON.stringify(`${o.server.url}/models/seed/model.json`)})`) as IoCheckResult[];
    expect(results.length).toBeGreaterThanOrEqual(7);
    for (const r of results) expect(r, r.name).toMatchObject({ ok: true });
  });

  it('loads over http the model Node saved, and predicts what Node predicted', async () => {
    const { page, errors } = await o.browser.newPage();
    await page.goto(`${o.server.url}/bare.html`);
    await page.evaluate(LOAD_CHECKS);
    const got = await page.evaluate(`tesseraChecks.predictFromUrl('/models/seed/model.json', ${JSON.stringify(input)}, [${N}, 28, 28, 1])`) as number[];
    expect(got).toHaveLength(want.length);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-6);
    expect(errors).toEqual([]);
  });
});
