import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { close, expectGradOk, randTensor } from '../helpers';
import { expectHvpOk } from './hvp';
import { mulberry32 } from '../mulberry32';

// tf.image's resize, flip and grayscale ops: hand-computed values, float64 gradients (first and second order)
// against central differences, and bad input.

const img = (values: number[], h: number, w: number) => tn.tensor4d(values, [1, h, w, 1]);

describe('tn.image', () => {
  it('resizeBilinear: values by hand under each corner convention', () => {
    const x = img([0, 10, 20, 30], 2, 2);
    // Plain: source rows 0, 2/3, 4/3 (clamped to 1) of [[0, 10], [20, 30]]; columns likewise.
    close(tn.image.resizeBilinear(x, [3, 3]).dataSync(), [0, 6.6666667, 10, 13.333333, 20, 23.333333, 20, 26.666667, 30], 1e-5);
    // alignCorners: the corners map to corners, the middle to the centre.
    close(tn.image.resizeBilinear(x, [3, 3], true).dataSync(), [0, 5, 10, 10, 15, 20, 20, 25, 30]);
    // halfPixelCenters: output (i + 0.5)·(2/4) − 0.5 gives source −0.25 (held at row 0), 0.25, 0.75, 1.25 (held at 1).
    close(tn.image.resizeBilinear(img([0, 8], 1, 2), [1, 4], false, true).dataSync(), [0, 2, 6, 8]);
    expect(tn.image.resizeBilinear(tn.tensor3d([[[1], [3]]], [1, 2, 1], 'int32'), [1, 4]).dtype).toBe('float32');
  });

  it('resizeBilinear outside a gradient (one op) gives the bits of the ops it is made of (under a tape), float32 and float64', () => {
    fc.assert(fc.property(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 })),
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom([false, false], [true, false], [false, true]), fc.constantFrom('float32', 'float64'), fc.nat(),
      (shape, h, w, [corners, half], dtype, seed) => {
        const x = tn.cast(randTensor(shape, seed), dtype as 'float32' | 'float64') as tn.Tensor4D;
        const fused = tn.image.resizeBilinear(x, [h, w], corners, half);
        let composed: tn.Tensor | undefined;
        tn.grad((t: tn.Tensor) => {
          composed = tn.keep(tn.image.resizeBilinear(t as tn.Tensor4D, [h, w], corners, half));
          return tn.sum(composed);
        })(x);
        expect(fused.dtype).toBe(dtype);
        expect(Array.from(fused.dataSync())).toEqual(Array.from(composed!.dataSync()));
      }), { seed: 11, numRuns: 60 });
  });

  it('resizeNearestNeighbor: values and dtype kept', () => {
    const x = tn.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1], 'int32');
    const y = tn.image.resizeNearestNeighbor(x, [4, 2]);
    expect(y.dtype).toBe('int32');
    expect(Array.from(y.dataSync())).toEqual([1, 2, 1, 2, 4, 5, 4, 5]);
    expect(Array.from(tn.image.resizeNearestNeighbor(x, [2, 2], true).dataSync())).toEqual([1, 3, 4, 6]);
    expect(tn.image.resizeNearestNeighbor(tn.zeros<tn.Rank.R3>([2, 3, 1]), [5, 5]).shape).toEqual([5, 5, 1]);
  });

  it('flipLeftRight, rgbToGrayscale and grayscaleToRGB', () => {
    const x = tn.tensor4d([1, 2, 3, 4, 5, 6], [1, 1, 2, 3]);
    expect(Array.from(tn.image.flipLeftRight(x).dataSync())).toEqual([4, 5, 6, 1, 2, 3]);
    close(tn.image.rgbToGrayscale(x).dataSync(), [0.2989 + 2 * 0.587 + 3 * 0.114, 4 * 0.2989 + 5 * 0.587 + 6 * 0.114], 1e-5);
    expect(tn.image.rgbToGrayscale(x.toInt()).dtype).toBe('int32');
    expect(Array.from(tn.image.grayscaleToRGB(tn.tensor([[7], [8]])).dataSync())).toEqual([7, 7, 7, 8, 8, 8]);
  });

  it('gradients against central differences, and their own gradients', () => {
    const x = randTensor([2, 3, 4, 2], 11);
    const fs: Array<(t: tn.Tensor) => tn.Tensor> = [
      (t) => tn.sum(tn.square(tn.image.resizeBilinear(t as tn.Tensor4D, [5, 3]))),
      (t) => tn.sum(tn.sin(tn.image.resizeBilinear(t as tn.Tensor4D, [2, 7], true))),
      (t) => tn.sum(tn.square(tn.image.resizeBilinear(t as tn.Tensor4D, [4, 5], false, true))),
      (t) => tn.sum(tn.square(tn.image.resizeNearestNeighbor(t as tn.Tensor4D, [5, 2]))),
      (t) => tn.sum(tn.square(tn.image.flipLeftRight(t as tn.Tensor4D))),
      (t) => tn.sum(tn.square(tn.image.grayscaleToRGB(tn.slice(t, [0, 0, 0, 0], [-1, -1, -1, 1])))),
      (t) => tn.sum(tn.square(tn.image.rgbToGrayscale(tn.concat([t, t], 3).slice([0, 0, 0, 0], [-1, -1, -1, 3])))),
    ];
    fs.forEach((f, i) => {
      expectGradOk(f, [x]);
      expectHvpOk(f, [x], 100 + i);
    });
  });

  it('nonMaxSuppression: the best box, then the best one overlapping it by less than the threshold', () => {
    // Box 1 overlaps box 0 by IoU 0.9/1.1 ≈ 0.82; box 2 is apart.
    const boxes = tn.tensor2d([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, 5, 1, 6]]);
    expect(Array.from(tn.image.nonMaxSuppression(boxes, [0.8, 0.9, 0.1], 3).dataSync())).toEqual([1, 2]);
    expect(Array.from(tn.image.nonMaxSuppression(boxes, [0.8, 0.9, 0.1], 3, 0.9).dataSync())).toEqual([1, 0, 2]);
    const soft = tn.image.nonMaxSuppressionWithScore(boxes, [0.8, 0.9, 0.1], 3, 1, 0, 0.5);
    close(soft.selectedScores.dataSync(), [0.9, 0.8 * Math.exp(-((0.9 / 1.1) ** 2)), 0.1], 1e-6);
    expect(() => tn.image.nonMaxSuppression(tn.zeros([2, 3]), [1, 2], 1)).toThrow(/nonMaxSuppression: boxes must be \[numBoxes, 4\] \(y1, x1, y2, x2 per box\), got shape \[2, 3\]/);
    expect(() => tn.image.nonMaxSuppression(boxes, [1, 2], 1)).toThrow(/nonMaxSuppression: scores must be \[3\], one score per box, got shape \[2\]/);
    expect(() => tn.image.nonMaxSuppression(boxes, [1, 2, 3], 1, 2)).toThrow(/nonMaxSuppression: iouThreshold must be a number in \[0, 1\], got 2/);
    expect(() => tn.image.nonMaxSuppression(boxes, [1, 2, 3], -1)).toThrow(/nonMaxSuppression: maxOutputSize must be a non-negative integer, got -1/);
  });

  it('nonMaxSuppression picks what a sort of every candidate picks, hard and soft, with many boxes', () => {
    // The reference: every candidate sorted by score (ties: lower index first), a decayed one put back in order.
    const reference = (boxes: number[], scores: number[], max: number, iouT: number, scoreT: number, sigma: number) => {
      const iou = (i: number, j: number) => {
        const [a, b] = [boxes.slice(4 * i, 4 * i + 4), boxes.slice(4 * j, 4 * j + 4)];
        const area = (q: number[]) => (Math.max(q[0], q[2]) - Math.min(q[0], q[2])) * (Math.max(q[1], q[3]) - Math.min(q[1], q[3]));
        if (area(a) <= 0 || area(b) <= 0) return 0;
        const side = (k: number) => Math.max(Math.min(Math.max(a[k], a[k + 2]), Math.max(b[k], b[k + 2])) - Math.max(Math.min(a[k], a[k + 2]), Math.min(b[k], b[k + 2])), 0);
        return (side(0) * side(1)) / (area(a) + area(b) - side(0) * side(1));
      };
      const better = (x: { score: number; box: number }, y: { score: number; box: number }) => y.score - x.score || x.box - y.box;
      const queue = scores.map((score, box) => ({ score: Math.fround(score), box, from: 0 })).filter((c) => c.score > scoreT).sort(better);
      const picked: number[] = [];
      const kept: number[] = [];
      while (picked.length < Math.min(max, scores.length) && queue.length > 0) {
        const c = queue.shift() as (typeof queue)[number];
        const original = c.score;
        if (original < scoreT) break;
        let ignore = false;
        for (let j = picked.length - 1; j >= c.from; j--) {
          const overlap = iou(c.box, picked[j]);
          if (overlap >= iouT) { ignore = true; break; }
          c.score *= overlap <= iouT ? Math.exp((sigma > 0 ? -0.5 / sigma : 0) * overlap * overlap) : 0;
          if (c.score <= scoreT) break;
        }
        c.from = picked.length;
        if (ignore) continue;
        if (c.score === original) { picked.push(c.box); kept.push(c.score); } else if (c.score > scoreT) {
          const at = queue.findIndex((o) => better(c, o) < 0);
          queue.splice(at < 0 ? queue.length : at, 0, c);
        }
      }
      return { picked, kept };
    };
    const random = mulberry32(7);
    for (let trial = 0; trial < 30; trial++) {
      const n = 20 + Math.floor(random() * 100);
      // Boxes in a small field overlap often; scores drawn from few values tie often.
      const boxes = Array.from({ length: 4 * n }, () => Math.fround(random() * 3));
      const scores = Array.from({ length: n }, () => Math.round(random() * 20) / 20);
      const [max, iouT, scoreT, sigma] = [1 + Math.floor(random() * n), random(), trial % 3 === 0 ? -Infinity : 0.2, [0, 0.3, 0.5][trial % 3]];
      const want = reference(boxes, scores, max, iouT, scoreT, sigma);
      const got = tn.image.nonMaxSuppressionWithScore(tn.tensor2d(boxes, [n, 4]), scores, max, iouT, scoreT, sigma);
      expect(Array.from(got.selectedIndices.dataSync())).toEqual(want.picked);
      close(got.selectedScores.dataSync(), want.kept, 1e-6);
    }
  });

  it('pool with dilations: the dilated window by hand, and gradients', () => {
    // A 2x2 window at dilation 2 over a 3x3 image reads the four corners.
    const img = tn.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    expect(Array.from(tn.pool(img, 2, 'max', 'valid', 2).dataSync())).toEqual([9]);
    expect(Array.from(tn.pool(img, 2, 'avg', 'valid', 2).dataSync())).toEqual([5]);
    const x = randTensor([1, 5, 4, 2], 71);
    const f = (p: tn.Tensor) => tn.sum(tn.square(tn.pool(p, [2, 2], 'avg', 'same', 2)));
    expectGradOk(f, [x]);
    expectHvpOk(f, [x], 701);
    expect(() => tn.pool(img, 2, 'max', 'valid', 2, 2)).toThrow(/pool: strides must be 1 when dilations \(2\) are not, got 2/);
    expect(() => tn.pool(img, 2, 'min' as 'max', 'valid')).toThrow(/pool: poolingType must be 'avg' or 'max', got "min"/);
  });

  it('bad input names the op, the argument, what came and what was expected', () => {
    const x = tn.zeros<tn.Rank.R4>([1, 2, 2, 3]);
    const cases: [() => unknown, RegExp][] = [
      [() => tn.image.resizeBilinear(tn.zeros([4, 3]) as unknown as tn.Tensor4D, [2, 2]), /resizeBilinear: images must be rank 3 or 4 .*, got rank 2/],
      [() => tn.image.resizeBilinear(x, [2] as unknown as [number, number]), /resizeBilinear: size must be \[newHeight, newWidth\] of positive integers, got an array/],
      [() => tn.image.resizeNearestNeighbor(x, [2, 0]), /resizeNearestNeighbor: size must be \[newHeight, newWidth\] of positive integers/],
      [() => tn.image.resizeBilinear(x, [2, 2], true, true), /resizeBilinear: halfPixelCenters must be false when alignCorners is true, got true/],
      [() => tn.image.resizeNearestNeighbor(tn.zeros<tn.Rank.R4>([1, 2, 2, 1], 'bool'), [2, 2]), /resizeNearestNeighbor: images must be a float32 or int32 tensor, got a bool tensor/],
      [() => tn.image.flipLeftRight(tn.zeros([2, 2, 3]) as unknown as tn.Tensor4D), /flipLeftRight: image must be rank 4/],
      [() => tn.image.flipLeftRight(tn.zeros<tn.Rank.R4>([1, 2, 2, 3], 'int32')), /flipLeftRight: image must be a float32 \(or float64\) tensor .*, got an int32 tensor/],
      [() => tn.image.rgbToGrayscale(tn.zeros([2, 2])), /rgbToGrayscale: image must be rank >= 2 with 3 channels last, got shape \[2, 2\]/],
      [() => tn.image.grayscaleToRGB(x), /grayscaleToRGB: image must be rank >= 2 with 1 channel last, got shape \[1, 2, 2, 3\]/],
    ];
    for (const [f, message] of cases) expect(f).toThrow(message);
  });
});

describe('resizing an image with no pixels', () => {
  it('is refused naming the images, where TF.js reads past them (NaN); an empty batch resizes', () => {
    for (const resize of [tn.image.resizeBilinear, tn.image.resizeNearestNeighbor]) {
      expect(() => resize(tn.zeros([1, 1, 0, 1]) as tn.Tensor4D, [3, 1])).toThrow(/images must be an image of at least one pixel a side, got shape \[1, 1, 0, 1\]/);
      expect(() => resize(tn.zeros([0, 2, 1]) as tn.Tensor3D, [3, 1])).toThrow(/images must be an image of at least one pixel a side, got shape \[0, 2, 1\]/);
      expect(resize(tn.zeros([0, 2, 2, 1]) as tn.Tensor4D, [3, 3]).shape).toEqual([0, 3, 3, 1]);
    }
  });
});

describe('image.rotateWithOffset and image.threshold', () => {
  it('a quarter turn about the middle of a 3x3 image by hand, and its gradient in float64', () => {
    const x = tn.tensor(Array.from({ length: 9 }, (_, i) => i + 1), [1, 3, 3, 1], 'float64');
    // Output (row, col) reads source (x', y') = rotation of (col - 1.5, row - 1.5) by 90°, rounded: the centre is 1.5.
    expect(Array.from(tn.image.rotateWithOffset(x as tn.Tensor4D, Math.PI / 2, -1).dataSync())).toEqual([-1, -1, -1, 3, 6, 9, 2, 5, 8]);
    const r = tn.gradCheck((t) => tn.image.rotateWithOffset(t as tn.Tensor4D, 0.4, 2), [x]);
    expect(r.maxError).toBeLessThan(1e-6);
  });

  it('transform: a half-pixel shift by hand, a batch with one transform each, its gradient in float64, and bad input', () => {
    const x = tn.tensor([1, 2, 3, 4, 5, 6], [1, 2, 3, 1], 'float64') as tn.Tensor4D;
    // Output (row, col) samples (col + 0.5, row): halfway between neighbours, the last column half fill (-2).
    expect(Array.from(tn.image.transform(x, [[1, 0, 0.5, 0, 1, 0, 0, 0]], 'bilinear', 'constant', -2).dataSync())).toEqual([1.5, 2.5, 0.5, 4.5, 5.5, 2]);
    const two = tn.concat([x, tn.mul(x, 10)]) as tn.Tensor4D;
    expect(Array.from(tn.image.transform(two, [[1, 0, 1, 0, 1, 0, 0, 0], [1, 0, 0, 0, 1, 1, 0, 0]], 'nearest', 'constant', 0).dataSync())).toEqual([2, 3, 0, 5, 6, 0, 40, 50, 60, 0, 0, 0]);
    const r = tn.gradCheck((t) => tn.image.transform(t as tn.Tensor4D, [[0.9, 0.2, 0.3, -0.1, 1.1, 0.2, 0.02, 0.01]], 'bilinear', 'reflect', 1), [x]);
    expect(r.maxError).toBeLessThan(1e-6);
    expect(() => tn.image.transform(x, [[1, 0, 0]])).toThrow('transform: transforms must be [1, 8] (a0, a1, a2, b0, b1, b2, c0, c1 per image), got shape [1, 3]');
    // A rotation about the centre maps the centre pixel onto itself: it keeps its value exactly, as in TF.js (whose
    // kernel computes in JS numbers), so a cast to int32 after it keeps it too.
    const angle = (8 * Math.PI) / 180;
    const [co, si] = [Math.cos(angle), Math.sin(angle)];
    const image = tn.tensor4d(Array.from({ length: 108 }, (_, i) => (i * 37 + 11) % 256), [1, 6, 6, 3]);
    const rotated = tn.image.transform(image, [[co, -si, 3 - 3 * co + 3 * si, si, co, 3 - 3 * si - 3 * co, 0, 0]], 'bilinear', 'nearest', 0);
    const centre = (3 * 6 + 3) * 3 + 2;
    expect(rotated.dataSync()[centre]).toBe(image.dataSync()[centre]);
    expect(tn.cast(rotated, 'int32').dataSync()[centre]).toBe(112);
    expect(() => tn.image.transform(x, [[1, 0, 0, 0, 1, 0, 0, 0]], 'nearest', 'mirror' as never)).toThrow("transform: fillMode must be 'constant', 'reflect', 'wrap' or 'nearest'");
    expect(() => tn.image.transform(tn.zeros([1, 2, 2, 1], 'int32') as tn.Tensor4D, [[1, 0, 0, 0, 1, 0, 0, 0]])).toThrow('transform: image must be a float32 image, as TF.js asks, got dtype int32');
  });

  it('transform: float64 transforms keep their precision (pixel (0, 0) samples x = 0.1, y = 0.3, by hand)', () => {
    const v = (r: number, c: number): number => Math.sin(r * 6 + c);
    const img = tn.tensor(Array.from({ length: 30 }, (_, i) => Math.sin(i)), [1, 5, 6, 1], 'float64') as tn.Tensor4D;
    const t = tn.tensor2d([[0.8, 0.05, 0.1, -0.03, 0.75, 0.3, 0, 0]], [1, 8], 'float64');
    const want = 0.7 * (0.9 * v(0, 0) + 0.1 * v(0, 1)) + 0.3 * (0.9 * v(1, 0) + 0.1 * v(1, 1));
    // With the transforms rounded to float32, ~2e-9 off.
    expect(Math.abs(tn.image.transform(img, t, 'bilinear').dataSync()[0] - want)).toBeLessThan(1e-15);
  });

  it('threshold by hand, and bad input', () => {
    const gray = tn.tensor3d([[[0], [100]], [[200], [255]]]);
    expect(Array.from(tn.image.threshold(gray).dataSync())).toEqual([0, 0, 255, 255]);
    expect(Array.from(tn.image.threshold(gray, 'binary', true, 0.3).dataSync())).toEqual([255, 0, 0, 0]);
    expect(() => tn.image.threshold(tn.zeros([2, 2, 2]) as tn.Tensor3D)).toThrow('threshold: image must be rank 3 [height, width, channels] with 1 or 3 channels, got shape [2, 2, 2]');
    expect(() => tn.image.threshold(gray, 'mean' as never)).toThrow("threshold: method must be 'binary' or 'otsu'");
    expect(() => tn.image.rotateWithOffset(tn.zeros([2, 2, 1]) as never, 1)).toThrow('rotateWithOffset: image must be rank 4');
    expect(() => tn.image.rotateWithOffset(tn.zeros([1, 2, 2, 1]) as tn.Tensor4D, 1, 0, [0.5] as never)).toThrow('rotateWithOffset: center must be a number or [x, y]');
  });
});
