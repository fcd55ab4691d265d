import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectGradOk, randTensor } from '../helpers';
import { expectHvpOk } from './hvp';

describe('tn.image.cropAndResize', () => {
  const boxes = tn.tensor2d([[0, 0, 1, 1], [0.1, 0.2, 0.7, 0.9], [-0.5, 0.3, 0.8, 1.4]]);
  const boxInd = tn.tensor1d([0, 1, 0], 'int32');

  it('samples the box corners and interpolates between pixels', () => {
    const image = tn.tensor4d([0, 1, 2, 3], [1, 2, 2, 1]);
    expect(tn.image.cropAndResize(image, [[0, 0, 1, 1]], [0], [3, 3]).dataSync()).toEqual(new Float32Array([0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3]));
    expect(tn.image.cropAndResize(image, [[0, 0, 1, 2]], [0], [1, 3], 'nearest', -1).dataSync()).toEqual(new Float32Array([2, 3, -1]));
  });

  it('float64 gradients for the image, and their Hessian-vector products, match finite differences', () => {
    for (const method of ['bilinear', 'nearest'] as const) {
      const crop = (img: tn.Tensor) => tn.image.cropAndResize(img, boxes, boxInd, [3, 2], method, 0.5);
      expectGradOk(crop, [randTensor([2, 4, 5, 2], 1)]);
      expectHvpOk((img) => tn.sum(tn.square(crop(img))), [randTensor([2, 4, 5, 2], 2)], 3);
    }
  });

  it('bad arguments name the op, the argument, what it got and what it expects', () => {
    const image = tn.zeros([2, 4, 4, 1]);
    expect(() => tn.image.cropAndResize(image, boxes, tn.tensor1d([0, 2, 0], 'int32'), [2, 2])).toThrow(/cropAndResize: boxInd\[1\] must be an image index in \[0, 1\], got 2/);
    expect(() => tn.image.cropAndResize(image, [[0, 0, 1]], [0], [2, 2])).toThrow(/cropAndResize: boxes must be shape \[numBoxes, 4\], got shape \[1, 3\]/);
    expect(() => tn.image.cropAndResize(image, boxes, boxInd, [0, 2])).toThrow(/cropAndResize: cropSize\[0\] must be/);
    expect(() => tn.image.cropAndResize(image, boxes, boxInd, [2, 2], 'cubic' as 'nearest')).toThrow(/cropAndResize: method must be 'bilinear' or 'nearest'/);
  });
});
