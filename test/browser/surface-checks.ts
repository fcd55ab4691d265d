// Page-side checks of tn.browser.fromPixelsAsync, tn.browser.draw and tn.data.webcam against TF.js 4.22 in the same
// page (its cpu backend: its webgl backend has no draw), served as /surface-checks.js and called through
// page.evaluate as `surfaceChecks.name()`. Each returns what it found; the suite compares.
import * as tf from '@tensorflow/tfjs';
import * as tn from '../../src/index';

/** A width x height canvas of a fixed pattern, each pixel's alpha its own (so premultiplying would show). */
function patternCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const rgba = Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i * 37 + 11) % 256));
  (canvas.getContext('2d') as CanvasRenderingContext2D).putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas;
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((v, i) => v === b[i]);
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const bytesOf = (canvas: HTMLCanvasElement): Uint8ClampedArray => (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

interface Compared { name: string; ok: boolean; detail: string }

const checks = {
  /** fromPixelsAsync on ImageData, a canvas and an image, each channel count: tessera's tensor against TF.js's. */
  async fromPixelsAsync(): Promise<Compared[]> {
    await tf.setBackend('cpu');
    const canvas = patternCanvas(5, 3);
    const image = new Image();
    image.src = canvas.toDataURL();
    await image.decode();
    const imageData = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, 5, 3);
    const out: Compared[] = [];
    for (const [kind, source] of [['ImageData', imageData], ['canvas', canvas], ['image', image]] as const) {
      for (const n of [1, 3, 4]) {
        const got = await tn.browser.fromPixelsAsync(source, n);
        const want = await tf.browser.fromPixelsAsync(source, n);
        const ok = same(got.shape, want.shape) && got.dtype === want.dtype && same(got.dataSync(), want.dataSync());
        out.push({ name: `${kind}, ${n} channels`, ok, detail: `tessera ${got.dtype} [${got.shape}], TF.js ${want.dtype} [${want.shape}]` });
      }
    }
    const rejected = await tn.browser.fromPixelsAsync(document.createElement('div') as never).then(() => 'resolved', (e: Error) => e.message);
    out.push({ name: 'a <div> rejects', ok: /^browser\.fromPixelsAsync: pixels must be ImageData/.test(rejected), detail: rejected });
    return out;
  },

  /**
   * fromPixels of translucent pixels on a GPU-composited page (each pixel's alpha its own, so how a canvas
   * un-premultiplies shows): a PNG image and a canvas against TF.js's cpu backend (its webgl backend uploads what it
   * reads through WebGL, whose bytes vary from run to run by 1 in a few values), the same canvas read six times
   * (Chromium moves a canvas read back often off the GPU, so its bytes may change), and a canvas with no context
   * yet, which must still give a WebGL2 context afterwards.
   */
  async translucentPixels(): Promise<Compared[]> {
    const [width, height] = [64, 48];
    const fresh = (): HTMLCanvasElement => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const rgba = Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => (i % 4 === 3 ? 55 + ((i * 13) % 200) : (i * 37 + 11) % 256));
      (canvas.getContext('2d') as CanvasRenderingContext2D).putImageData(new ImageData(rgba, width, height), 0, 0);
      return canvas;
    };
    const image = new Image();
    image.src = fresh().toDataURL('image/png');
    await image.decode();
    const differing = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).filter((v, i) => v !== b[i]).length;
    const out: Compared[] = [];
    const compare = (name: string, source: HTMLImageElement | (() => HTMLCanvasElement)): void => {
      const pixels = (): HTMLImageElement | HTMLCanvasElement => (typeof source === 'function' ? source() : source);
      const n = differing(tn.browser.fromPixels(pixels(), 4).dataSync(), tf.browser.fromPixels(pixels(), 4).dataSync());
      out.push({ name, ok: n === 0, detail: `${n} of ${width * height * 4} values differ` });
    };
    await tf.setBackend('cpu');
    compare('image, against TF.js cpu', image);
    compare('canvas, against TF.js cpu', fresh);
    const canvas = fresh();
    const reads = Array.from({ length: 6 }, () => tn.browser.fromPixels(canvas, 4).dataSync());
    out.push({ name: 'a canvas read six times', ok: reads.every((r) => differing(r, reads[0]) === 0), detail: reads.map((r) => differing(r, reads[0])).join(', ') });
    const blank = document.createElement('canvas');
    [blank.width, blank.height] = [4, 2];
    const zeros = tn.browser.fromPixels(blank, 4);
    const gl = blank.getContext('webgl2');
    out.push({ name: 'a canvas with no context yet keeps it for WebGL2', ok: gl !== null && same(zeros.shape, [2, 4, 4]) && zeros.dataSync().every((v) => v === 0), detail: `webgl2 context ${gl === null ? 'null' : 'made'}, tensor [${zeros.shape}]` });
    return out;
  },

  /**
   * Each image drawn by tn.browser.draw and by tf.browser.draw on two canvases: the canvases' sizes and bytes. Then a
   * gradient drawn large on the page for the screenshot.
   */
  async draw(): Promise<Compared[]> {
    await tf.setBackend('cpu');
    const values = (n: number, scale: number, int: boolean) => Array.from({ length: n }, (_, i) => (int ? Math.round(((i * 53) % 256) * scale) : ((i * 53) % 256) / 255 * scale));
    type Case = [name: string, values: number[], shape: number[], dtype: 'float32' | 'int32', options: tn.browser.DrawOptions | undefined];
    const cases: Case[] = [
      ['float [4, 6] grey', values(24, 1, false), [4, 6], 'float32', undefined],
      ['float [4, 6, 1] grey, alpha 0.4', values(24, 1, false), [4, 6, 1], 'float32', { imageOptions: { alpha: 0.4 } }],
      ['float [3, 5, 3] rgb, alpha 0.5', values(45, 1, false), [3, 5, 3], 'float32', { imageOptions: { alpha: 0.5 } }],
      ['int32 [3, 5, 3] rgb', values(45, 1, true), [3, 5, 3], 'int32', { contextOptions: { contextType: '2d' } }],
      // Opaque alpha: a canvas stores premultiplied colours, so translucent pixels read back rounded.
      ['int32 [2, 4, 4] rgba', values(32, 1, true).map((v, i) => (i % 4 === 3 ? 255 : v)), [2, 4, 4], 'int32', undefined],
    ];
    const out: Compared[] = [];
    for (const [name, vals, shape, dtype, options] of cases) {
      const mine = document.createElement('canvas');
      const theirs = document.createElement('canvas');
      tn.browser.draw(tn.tensor(vals, shape, dtype), mine, options);
      tf.browser.draw(tf.tensor(vals, shape, dtype) as tf.Tensor as tf.Tensor3D, theirs, options as Parameters<typeof tf.browser.draw>[2]);
      const [a, b] = [bytesOf(mine), bytesOf(theirs)];
      const ok = mine.width === theirs.width && mine.height === theirs.height && same(a, b);
      out.push({ name, ok, detail: `tessera ${mine.width}x${mine.height} ${Array.from(a.slice(0, 8))}, TF.js ${theirs.width}x${theirs.height} ${Array.from(b.slice(0, 8))}` });
    }
    // Alpha 0: TF.js draws opaque (`alpha || 1`); tessera draws transparent, as documented.
    const clear = document.createElement('canvas');
    tn.browser.draw(tn.ones([2, 2, 3]), clear, { imageOptions: { alpha: 0 } });
    out.push({ name: 'alpha 0 is transparent', ok: bytesOf(clear).every((v, i) => (i % 4 === 3 ? v === 0 : true)), detail: `${Array.from(bytesOf(clear).slice(0, 4))}` });
    const webgl = document.createElement('canvas');
    webgl.getContext('webgl');
    let refused = '';
    try {
      tn.browser.draw(tn.ones([2, 2]), webgl);
    } catch (e) {
      refused = (e as Error).message;
    }
    out.push({ name: 'a WebGL canvas is refused', ok: refused === 'browser.draw: the canvas gives no 2D context (is it already used for WebGL?)' && webgl.width === 300, detail: refused });

    // For the screenshot: a 16 x 24 gradient (red across, green down, blue fixed) scaled up 16 times.
    const shown = document.createElement('canvas');
    shown.id = 'drawn';
    shown.style.cssText = 'width: 384px; height: 256px; image-rendering: pixelated; border: 1px solid black';
    document.body.append(shown);
    const gradient = tn.tensor(Array.from({ length: 16 * 24 * 3 }, (_, i) => {
      const [p, c] = [Math.floor(i / 3), i % 3];
      return c === 0 ? (p % 24) / 23 : c === 1 ? Math.floor(p / 24) / 15 : 0.5;
    }), [16, 24, 3]);
    tn.browser.draw(gradient, shown);
    const corners = [[0, 0], [0, 23], [15, 0], [15, 23]].map(([r, c]) => Array.from(bytesOf(shown).slice((r * 24 + c) * 4, (r * 24 + c) * 4 + 4)));
    out.push({ name: 'gradient drawn', ok: JSON.stringify(corners) === JSON.stringify([[0, 0, 128, 255], [255, 0, 128, 255], [0, 255, 128, 255], [255, 255, 128, 255]]), detail: JSON.stringify(corners) });
    return out;
  },

  /** tn.data.webcam on the fake camera: a hidden element, the iterator's life cycle, and bad arguments. */
  async webcam(): Promise<Record<string, unknown>> {
    const cam = await tn.data.webcam(undefined, { resizeWidth: 160, resizeHeight: 120 });
    const video = cam.webcamVideoElement;
    const frame = await cam.capture();
    const frameSize = [video.videoWidth, video.videoHeight];
    const values = frame.dataSync();
    const asDataset = await tn.data.generator(() => cam).take(2).toArray();
    const running = cam.isRunning;
    cam.stop();
    const afterStop = await cam.next();
    const captureStopped = await cam.capture().then(() => 'resolved', (e: Error) => e.message);
    await cam.start();
    const restarted = await cam.capture();
    cam.stop();
    const rejects = async (f: () => Promise<unknown>): Promise<string> => f().then(() => 'resolved', (e: Error) => e.message);
    return {
      summary: cam.summary(),
      element: [video.width, video.height],
      frameSize,
      shape: frame.shape,
      dtype: frame.dtype,
      distinctValues: new Set(values).size,
      datasetShapes: asDataset.map((t) => t.shape),
      running,
      afterStop,
      captureStopped,
      restartedShape: restarted.shape,
      toArray: (() => { try { return cam.toArray(); } catch (e) { return (e as Error).message; } })(),
      noElement: await rejects(() => tn.data.webcam()),
      notVideo: await rejects(() => tn.data.webcam(document.createElement('div') as never)),
      unsized: await rejects(() => tn.data.webcam(document.createElement('video'))),
      badFacing: await rejects(() => tn.data.webcam(undefined, { resizeWidth: 8, resizeHeight: 8, facingMode: 'left' as never })),
      halfSize: await rejects(() => tn.data.webcam(undefined, { resizeWidth: 8 })),
    };
  },

  /**
   * tessera's and TF.js's webcam iterators reading one paused <video> element (320 x 240), with and without
   * resizeWidth/resizeHeight and centerCrop: the frames' shapes, dtypes and largest difference.
   */
  async webcamAgainstTfjs(): Promise<Compared[]> {
    await tf.setBackend('cpu');
    const video = document.createElement('video');
    video.width = 320;
    video.height = 240;
    document.body.append(video);
    const out: Compared[] = [];
    for (const config of [{}, { resizeWidth: 100, resizeHeight: 60 }, { resizeWidth: 100, resizeHeight: 60, centerCrop: true }, { resizeWidth: 400, resizeHeight: 300, centerCrop: true }]) {
      const mine = await tn.data.webcam(video, config);
      // TF.js's iterator opens its own stream into the same element; both then read whatever frame it shows.
      const theirs = await tf.data.webcam(video, config);
      while (video.readyState < 2) await nextFrame();
      video.pause();
      await nextFrame();
      const a = await mine.capture();
      const b = await theirs.capture();
      const ok = same(a.shape, b.shape) && a.dtype === b.dtype && maxDiff(a.dataSync(), b.dataSync()) <= 1e-3;
      out.push({ name: JSON.stringify(config), ok, detail: `tessera ${a.dtype} [${a.shape}], TF.js ${b.dtype} [${b.shape}], max difference ${maxDiff(a.dataSync(), b.dataSync())}` });
      theirs.stop();
      mine.stop();
    }
    video.remove();
    return out;
  },
};

(window as unknown as { surfaceChecks: typeof checks }).surfaceChecks = checks;
