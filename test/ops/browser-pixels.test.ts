import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

afterEach(() => {
  vi.unstubAllGlobals();
});

// 2 rows x 3 columns of RGBA.
const RGBA = Uint8ClampedArray.from([
  255, 0, 0, 255, /**/ 0, 255, 0, 128, /**/ 0, 0, 255, 0,
  10, 20, 30, 40, /**/ 50, 60, 70, 80, /**/ 90, 100, 110, 120,
]);
const pixels = { data: RGBA, width: 3, height: 2 };
const channels = (n: number) => Array.from({ length: 6 }, (_, p) => Array.from(RGBA.slice(p * 4, p * 4 + n)));

/** A 2D context over fixed pixels that records what is drawn and put on it. */
function fakeContext(data = pixels) {
  const calls: string[] = [];
  return {
    calls,
    getImageData: (x: number, y: number, w: number, h: number) => {
      calls.push(`getImageData ${x} ${y} ${w} ${h}`);
      return data;
    },
    drawImage: (_image: never, x: number, y: number, w: number, h: number) => void calls.push(`drawImage ${x} ${y} ${w} ${h}`),
    putImageData: (d: { width: number; height: number; data: Uint8ClampedArray }, x: number, y: number) => void calls.push(`putImageData ${d.width}x${d.height} ${Array.from(d.data.slice(0, 4))} at ${x} ${y}`),
  };
}

describe('browser.fromPixels', () => {
  it('reads PixelData and ImageData into int32 [height, width, numChannels] of the byte values, as TF.js', () => {
    for (const n of [1, 3, 4]) {
      const t = tn.browser.fromPixels(pixels, n);
      expect(t.shape).toEqual([2, 3, n]);
      expect(t.dtype).toBe('int32');
      expect(t.dataSync()).toBeInstanceOf(Int32Array);
      expect(Array.from(t.dataSync())).toEqual(channels(n).flat());
    }
    expect(tn.browser.fromPixels({ data: Uint8Array.from(RGBA), width: 3, height: 2 }).shape).toEqual([2, 3, 3]);
  });

  it('reads a canvas through its own 2D context where there is no canvas to draw on (Node), and draws images, videos and canvases onto an OffscreenCanvas', () => {
    const ctx = fakeContext();
    expect(Array.from(tn.browser.fromPixels({ width: 3, height: 2, getContext: () => ctx } as never).dataSync())).toEqual(channels(3).flat());
    expect(ctx.calls).toEqual(['getImageData 0 0 3 2']);
    // A mock whose getImageData gives {data} alone (TF.js's own tests' MockCanvas): the size is the canvas's.
    const bare = fakeContext({ data: RGBA } as typeof pixels);
    expect(Array.from(tn.browser.fromPixels({ width: 3, height: 2, getContext: () => bare } as never, 4).dataSync())).toEqual(channels(4).flat());

    const scratch = fakeContext();
    const made: number[][] = [];
    vi.stubGlobal('OffscreenCanvas', function (this: object, w: number, h: number) {
      made.push([w, h]);
      return { width: w, height: h, getContext: () => scratch };
    });
    tn.browser.fromPixels({ width: 3, height: 2, naturalWidth: 3, complete: true } as never);
    tn.browser.fromPixels({ width: 640, height: 480, videoWidth: 3, videoHeight: 2, readyState: 4 } as never);
    tn.browser.fromPixels({ width: 3, height: 2, getContext: () => null } as never);
    expect(made).toEqual([[3, 2], [3, 2], [3, 2]]);
    expect(scratch.calls.filter((c) => c.startsWith('drawImage'))).toEqual(['drawImage 0 0 3 2', 'drawImage 0 0 3 2', 'drawImage 0 0 3 2']);
  });

  it('draws a canvas onto a scratch canvas, never asking it for a 2D context (it may be meant for WebGL); in a page a document canvas asked for willReadFrequently, in a worker an OffscreenCanvas asked for nothing, as TF.js', () => {
    const asked: unknown[] = [];
    const scratch = fakeContext();
    const canvasOf = (w: number, h: number) => ({ width: w, height: h, getContext: (type: string, attrs?: object) => (asked.push([type, attrs]), scratch) });
    vi.stubGlobal('document', { createElement: (tag: string) => (asked.push(tag), canvasOf(300, 150)) });
    vi.stubGlobal('OffscreenCanvas', function (this: object, w: number, h: number) {
      asked.push('OffscreenCanvas');
      return canvasOf(w, h);
    });
    const users = { width: 3, height: 2, getContext: () => { throw new Error('the user\'s canvas was asked for a context'); } };
    expect(Array.from(tn.browser.fromPixels(users as never).dataSync())).toEqual(channels(3).flat());
    vi.stubGlobal('document', undefined);
    expect(Array.from(tn.browser.fromPixels(users as never, 4).dataSync())).toEqual(channels(4).flat());
    expect(asked).toEqual(['canvas', ['2d', { willReadFrequently: true }], 'OffscreenCanvas', ['2d', undefined]]);
    expect(scratch.calls).toEqual(['drawImage 0 0 3 2', 'getImageData 0 0 3 2', 'drawImage 0 0 3 2', 'getImageData 0 0 3 2']);
  });

  it('rejects what it cannot read, naming the source and what was wrong', () => {
    expect(() => tn.browser.fromPixels('cat.png' as never)).toThrow(/browser.fromPixels: pixels must be ImageData, PixelData \{data, width, height\}, an HTMLCanvasElement or OffscreenCanvas, an HTMLImageElement, an HTMLVideoElement or an ImageBitmap, got string "cat.png"/);
    expect(() => tn.browser.fromPixels({ width: 1, height: 1 })).toThrow(/browser.fromPixels: pixels must be ImageData/);
    expect(() => tn.browser.fromPixels(null as never)).toThrow(/pixels must be ImageData.*got null/);
    expect(() => tn.browser.fromPixels(pixels, 5)).toThrow('browser.fromPixels: numChannels must be an integer from 1 to 4, got number 5');
    expect(() => tn.browser.fromPixels({ data: RGBA.slice(1), width: 3, height: 2 })).toThrow('browser.fromPixels: pixels.data must be width * height * 4 = 24 bytes (RGBA) for 3x2 pixels, got 23 bytes');
    expect(() => tn.browser.fromPixels({ width: 3, height: 2, videoWidth: 0, videoHeight: 0, readyState: 0 } as never)).toThrow(/the video element has not loaded data yet \(readyState 0\); wait for its 'loadeddata' event/);
    expect(() => tn.browser.fromPixels({ width: 3, height: 2, naturalWidth: 0, complete: false, src: 'a.png' } as never)).toThrow(/the image a.png has not loaded yet/);
    expect(() => tn.browser.fromPixels({ width: 3, height: 2, naturalWidth: 3, complete: true } as never)).toThrow(/needs a canvas to draw it on \(OffscreenCanvas or a document\)/);
    // An empty canvas and an image with no src (complete, 0x0): the DOM's drawImage error names neither.
    const empty = /browser.fromPixels: pixels must be an image, canvas, video or bitmap of at least 1x1 pixels \(an image with no src is 0x0\), got a source of 0x0 pixels/;
    expect(() => tn.browser.fromPixels({ width: 0, height: 0, getContext: () => null } as never)).toThrow(empty);
    expect(() => tn.browser.fromPixels({ width: 0, height: 0, naturalWidth: 0, complete: true } as never)).toThrow(empty);
  });
});

describe('browser.toPixels', () => {
  it('turns [0, 1] floats into RGBA bytes: grey for one channel, opaque without alpha', async () => {
    const rgb = tn.div(tn.browser.fromPixels(pixels, 3), tn.scalar(255));
    const bytes = await tn.browser.toPixels(rgb);
    expect(bytes).toBeInstanceOf(Uint8ClampedArray);
    expect(Array.from(bytes)).toEqual(channels(3).flatMap((px) => [...px, 255]));
    const rgba = await tn.browser.toPixels(tn.div(tn.browser.fromPixels(pixels, 4), tn.scalar(255)));
    expect(Array.from(rgba)).toEqual(Array.from(RGBA));
    const grey = await tn.browser.toPixels(tn.tensor([[0, 0.5], [1, 0.25]]));
    expect(Array.from(grey)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 64, 64, 64, 255]);
    expect(Array.from(await tn.browser.toPixels(tn.tensor([[[0.5]]])))).toEqual([128, 128, 128, 255]);
  });

  it('reads TensorLike values as int32 (truncated), as TF.js, disposing what it made, also when it throws; draws NaN as 0', async () => {
    const before = tn.memory().numTensors;
    expect(Array.from(await tn.browser.toPixels([[0.5, 1], [200.9, 3]]))).toEqual([0, 0, 0, 255, 1, 1, 1, 255, 200, 200, 200, 255, 3, 3, 3, 255]);
    expect(Array.from(await tn.browser.toPixels([[[10, 20, 30]], [[40, 50, 60.5]]]))).toEqual([10, 20, 30, 255, 40, 50, 60, 255]);
    expect(Array.from(await tn.browser.toPixels([[true], [false]]))).toEqual([1, 1, 1, 255, 0, 0, 0, 255]);
    await expect(tn.browser.toPixels([[300]])).rejects.toThrow("browser.toPixels: an int32 image's values must be in [0, 255]; got 300 at pixel 0");
    await expect(tn.browser.toPixels([1, 2])).rejects.toThrow(/img must be a tensor of rank 2 or 3/);
    expect(tn.memory().numTensors).toBe(before);
    const nan = tn.tensor([[0.5, NaN]]);
    expect(Array.from(await tn.browser.toPixels(nan))).toEqual([128, 128, 128, 255, 0, 0, 0, 255]);
    expect(nan.isDisposed).toBe(false);
  });

  it('draws onto a canvas, resizing it to the image', async () => {
    vi.stubGlobal('ImageData', function (this: object, data: Uint8ClampedArray, width: number, height: number) {
      return { data, width, height };
    });
    const ctx = fakeContext();
    const canvas = { width: 300, height: 150, getContext: () => ctx };
    await tn.browser.toPixels(tn.tensor([[1, 0]]), canvas as never);
    expect([canvas.width, canvas.height]).toEqual([2, 1]);
    expect(ctx.calls).toEqual(['putImageData 2x1 255,255,255,255 at 0 0']);
  });

  it('rejects bad shapes, values out of range and bad canvases', async () => {
    await expect(tn.browser.toPixels(tn.zeros([2, 2, 2]))).rejects.toThrow('browser.toPixels: img must be 1, 3 or 4 channels, got shape [2, 2, 2] (2 channels)');
    await expect(tn.browser.toPixels(tn.zeros([4]))).rejects.toThrow(/browser.toPixels: img must be a tensor of rank 2 or 3/);
    await expect(tn.browser.toPixels(tn.tensor([[0.5, 1.5]]))).rejects.toThrow("browser.toPixels: a float32 image's values must be in [0, 1]; got 1.5 at pixel 1 (row 0, column 1), channel 0");
    await expect(tn.browser.toPixels(tn.tensor([[true]]))).rejects.toThrow('browser.toPixels: Unsupported type for toPixels: bool. Please use float32 or int32 tensors.');
    await expect(tn.browser.toPixels('cat' as never)).rejects.toThrow(/browser.toPixels: img must be a Tensor or TensorLike values/);
    await expect(tn.browser.toPixels(tn.tensor([[0]]), {} as never)).rejects.toThrow(/browser.toPixels: canvas must be an HTMLCanvasElement or OffscreenCanvas/);
    await expect(tn.browser.toPixels(tn.tensor([[0]]), { width: 1, height: 1, getContext: () => null })).rejects.toThrow(/drawing on a canvas needs ImageData/);
  });
});

describe('browser.fromPixelsAsync', () => {
  it('resolves to what fromPixels gives, and rejects what it refuses', async () => {
    for (const n of [1, 3, 4]) {
      const t = await tn.browser.fromPixelsAsync(pixels, n);
      expect([t.shape, t.dtype, Array.from(t.dataSync())]).toEqual([[2, 3, n], 'int32', channels(n).flat()]);
    }
    expect((await tn.browser.fromPixelsAsync(pixels)).shape).toEqual([2, 3, 3]);
    await expect(tn.browser.fromPixelsAsync(pixels, 5)).rejects.toThrow('browser.fromPixelsAsync: numChannels must be an integer from 1 to 4, got number 5');
    await expect(tn.browser.fromPixelsAsync('cat.png' as never)).rejects.toThrow(/^browser\.fromPixelsAsync: pixels must be ImageData/);
  });
});

describe('browser.draw', () => {
  /** A canvas over a fake 2D context that records the context asked for and what is put on it. */
  function fakeCanvas() {
    const ctx = fakeContext();
    const asked: unknown[] = [];
    const canvas = { width: 300, height: 150, getContext: (type: string, attrs?: object) => (asked.push([type, attrs]), ctx) };
    return { canvas, ctx, asked };
  }

  it("draws as toPixels does, with imageOptions.alpha for images without their own, through the '2d' context", () => {
    vi.stubGlobal('ImageData', function (this: object, data: Uint8ClampedArray, width: number, height: number) {
      return { data, width, height };
    });
    const { canvas, ctx, asked } = fakeCanvas();
    tn.browser.draw(tn.tensor([[1, 0]]), canvas as never);
    expect([canvas.width, canvas.height]).toEqual([2, 1]);
    tn.browser.draw(tn.tensor([[[0, 0.5, 1]]]), canvas as never, { imageOptions: { alpha: 0.5 }, contextOptions: { contextType: '2d', contextAttributes: { willReadFrequently: true } } });
    tn.browser.draw(tn.tensor([[[10, 20, 30, 40]]], [1, 1, 4], 'int32'), canvas as never, { imageOptions: { alpha: 0.5 } });
    tn.browser.draw(tn.tensor([[0.2]]), canvas as never, { imageOptions: { alpha: 0 } });
    // Nested arrays are int32 values, as TF.js reads them.
    tn.browser.draw([[0.5, 7]], canvas as never);
    expect(ctx.calls).toEqual([
      'putImageData 2x1 255,255,255,255 at 0 0',
      'putImageData 1x1 0,128,255,128 at 0 0',
      // An image's own alpha wins, as TF.js.
      'putImageData 1x1 10,20,30,40 at 0 0',
      // Alpha 0 is transparent (TF.js 4.22 reads `alpha || 1` and draws it opaque).
      'putImageData 1x1 51,51,51,0 at 0 0',
      'putImageData 2x1 0,0,0,255 at 0 0',
    ]);
    expect(asked).toEqual([['2d', undefined], ['2d', { willReadFrequently: true }], ['2d', undefined], ['2d', undefined], ['2d', undefined]]);
  });

  it('rejects bad images, values, canvases and options before the canvas changes', () => {
    vi.stubGlobal('ImageData', function (this: object, data: Uint8ClampedArray, width: number, height: number) {
      return { data, width, height };
    });
    const { canvas, ctx, asked } = fakeCanvas();
    const img = tn.tensor([[0.5]]);
    expect(() => tn.browser.draw(tn.zeros([2, 2, 2]), canvas as never)).toThrow('browser.draw: image must be 1, 3 or 4 channels, got shape [2, 2, 2] (2 channels)');
    expect(() => tn.browser.draw(tn.zeros([4]), canvas as never)).toThrow(/browser.draw: image must be a tensor of rank 2 or 3/);
    expect(() => tn.browser.draw('cat' as never, canvas as never)).toThrow(/browser.draw: image must be a Tensor or TensorLike values/);
    expect(() => tn.browser.draw(tn.tensor([[300]], [1, 1], 'int32'), canvas as never)).toThrow("browser.draw: an int32 image's values must be in [0, 255]; got 300 at pixel 0 (row 0, column 0), channel 0");
    expect(() => tn.browser.draw([[300]], canvas as never)).toThrow("browser.draw: an int32 image's values must be in [0, 255]; got 300");
    expect(() => tn.browser.draw(tn.zeros([1, 1], 'bool'), canvas as never)).toThrow('browser.draw: Unsupported type for draw: bool. Please use float32 or int32 tensors.');
    expect(() => tn.browser.draw(img, undefined as never)).toThrow('browser.draw: canvas must be an HTMLCanvasElement or OffscreenCanvas, got undefined');
    expect(() => tn.browser.draw(img, canvas as never, { imageOptions: { alpha: 1.5 } })).toThrow('browser.draw: options.imageOptions.alpha must be a number in [0, 1], got 1.5');
    expect(() => tn.browser.draw(img, canvas as never, { imageOptions: { alpha: '1' as never } })).toThrow(/options.imageOptions.alpha must be a number in \[0, 1\], got "1"/);
    expect(() => tn.browser.draw(img, canvas as never, { contextOptions: { contextType: 'webgl' } })).toThrow("browser.draw: options.contextOptions.contextType must be '2d' (tessera draws through a 2D context on every backend), got \"webgl\"");
    expect(() => tn.browser.draw(img, canvas as never, { imageOptions: { alpha: 1 }, colour: 1 } as never)).toThrow(/browser.draw: options/);
    expect(() => tn.browser.draw(img, canvas as never, { contextOptions: { contextAttributes: 3 as never } })).toThrow(/options.contextOptions.contextAttributes must be an object of context attributes/);
    expect([canvas.width, canvas.height, ctx.calls, asked]).toEqual([300, 150, [], []]);
    expect(() => tn.browser.draw(img, { width: 5, height: 5, getContext: () => null } as never)).toThrow('browser.draw: the canvas gives no 2D context (is it already used for WebGL?)');
  });
});
