// Browser-side checks of tn.io and tn.browser against the real APIs (IndexedDB, localStorage,
// canvas, File, fetch), for the Chromium suite to bundle into a page and run:
//   const results = await runIoChecks(tn, { modelUrl });   // every result must have ok: true
// `tn` is the package's browser build; `modelUrl`, when given, is an http(s) URL of a model.json
// that the page's server serves (with its weight files beside it), loaded and compared against
// the same file read through browserFiles.
import type * as Tessera from '../../src/index';

type Tn = typeof Tessera;

export interface IoCheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** A small model with fixed weights, so saved and loaded copies can be compared exactly. */
function model(tn: Tn): Tessera.LayersModel {
  tn.setRandomSeed(11);
  return tn.sequential({
    layers: [
      tn.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu', inputShape: [5, 5, 1] }),
      tn.layers.flatten(),
      tn.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
}

function sameOutputs(tn: Tn, a: Tessera.LayersModel, b: Tessera.LayersModel): string {
  const x = tn.randomUniform([2, 5, 5, 1], 0, 1, 'float32', 3);
  const pa = (a.predict(x) as Tessera.Tensor).dataSync();
  const pb = (b.predict(x) as Tessera.Tensor).dataSync();
  const same = pa.length === pb.length && pa.every((v, i) => v === pb[i]);
  return same ? '' : `predictions differ: ${Array.from(pa)} vs ${Array.from(pb)}`;
}

async function check(name: string, run: () => Promise<string>): Promise<IoCheckResult> {
  try {
    const problem = await run();
    return { name, ok: problem === '', detail: problem || 'ok' };
  } catch (e) {
    return { name, ok: false, detail: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
}

export async function runIoChecks(tn: Tn, options: { modelUrl?: string } = {}): Promise<IoCheckResult[]> {
  const results: IoCheckResult[] = [];
  const m = model(tn);

  results.push(await check('indexeddb:// save, load, list, copy, move, remove', async () => {
    await m.save('indexeddb://io-check-a');
    const loaded = await tn.loadLayersModel('indexeddb://io-check-a');
    await tn.io.copyModel('indexeddb://io-check-a', 'indexeddb://io-check-b');
    await tn.io.moveModel('indexeddb://io-check-b', 'localstorage://io-check-c');
    const listed = Object.keys(await tn.io.listModels()).filter((u) => u.includes('io-check'));
    await tn.io.removeModel('indexeddb://io-check-a');
    await tn.io.removeModel('localstorage://io-check-c');
    const after = Object.keys(await tn.io.listModels()).filter((u) => u.includes('io-check'));
    if (listed.join() !== 'localstorage://io-check-c,indexeddb://io-check-a') return `listModels gave ${listed}`;
    if (after.length) return `left behind: ${after}`;
    return sameOutputs(tn, m, loaded);
  }));

  results.push(await check('localstorage:// save and load', async () => {
    await m.save('localstorage://io-check-ls');
    const loaded = await tn.loadLayersModel('localstorage://io-check-ls');
    await tn.io.removeModel('localstorage://io-check-ls');
    return sameOutputs(tn, m, loaded);
  }));

  results.push(await check('a missing stored model is a clear error', async () => {
    try {
      await tn.loadLayersModel('indexeddb://io-check-missing');
      return 'loaded a model that does not exist';
    } catch (e) {
      return /there is no model 'io-check-missing' in IndexedDB/.test((e as Error).message) ? '' : `unexpected error: ${(e as Error).message}`;
    }
  }));

  results.push(await check('browserFiles loads what withSaveHandler wrote, as File objects', async () => {
    let files: File[] = [];
    await m.save(tn.io.withSaveHandler(async (artifacts) => {
      const json = { modelTopology: artifacts.modelTopology, weightsManifest: [{ paths: ['./w.bin'], weights: artifacts.weightSpecs ?? [] }] };
      files = [new File([JSON.stringify(json)], 'model.json'), new File([artifacts.weightData as ArrayBuffer], 'w.bin')];
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: 0, weightSpecsBytes: 0, weightDataBytes: 0 } };
    }));
    return sameOutputs(tn, m, await tn.loadLayersModel(tn.io.browserFiles(files)));
  }));

  results.push(await check('file:// names the browser alternatives', async () => {
    try {
      await tn.loadLayersModel('file:///model.json');
      return 'file:// did not fail';
    } catch (e) {
      return /indexeddb:\/\/.*browserFiles/.test((e as Error).message) ? '' : `unexpected error: ${(e as Error).message}`;
    }
  }));

  results.push(await check('fromPixels reads a canvas, toPixels draws it back', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3;
    canvas.height = 2;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const rgba = Uint8ClampedArray.from({ length: 24 }, (_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));
    ctx.putImageData(new ImageData(rgba, 3, 2), 0, 0);
    const t = tn.browser.fromPixels(canvas, 4);
    const values = Array.from(t.dataSync());
    if (t.shape.join() !== '2,3,4' || values.some((v, i) => v !== rgba[i])) return `fromPixels gave ${t.shape} ${values}`;
    const target = document.createElement('canvas');
    const bytes = await tn.browser.toPixels(tn.div(t, tn.scalar(255)), target);
    const drawn = (target.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, 3, 2).data;
    if (bytes.some((v, i) => v !== rgba[i]) || drawn.some((v, i) => v !== rgba[i])) return `toPixels gave ${Array.from(bytes)}, canvas ${Array.from(drawn)}`;
    const image = new Image();
    image.src = canvas.toDataURL();
    await image.decode();
    const fromImage = Array.from(tn.browser.fromPixels(image, 4).dataSync());
    return fromImage.every((v, i) => v === rgba[i]) ? '' : `fromPixels(image) gave ${fromImage}`;
  }));

  if (options.modelUrl) {
    const url = options.modelUrl;
    results.push(await check(`http load of ${url}`, async () => {
      const loaded = await tn.loadLayersModel(url);
      const response = await fetch(url);
      if (!response.ok) return `fetch ${url} gave ${response.status}`;
      return loaded.layers.length > 0 ? '' : 'loaded a model without layers';
    }));
    results.push(await check('http load of a missing URL is a clear error', async () => {
      const missing = new URL('does-not-exist/model.json', url).href;
      try {
        await tn.loadLayersModel(missing);
        return 'loaded a model that does not exist';
      } catch (e) {
        return (e as Error).message.includes(`${missing} failed with HTTP status 404`) ? '' : `unexpected error: ${(e as Error).message}`;
      }
    }));
  }
  return results;
}
