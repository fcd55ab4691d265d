import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

type Lib = typeof tn | typeof tf;

/** Windowed layers whose 'valid' window overruns a 3-long input by less than a stride, with that input's shape. */
const shortWindows: [string, (t: Lib) => unknown, number[]][] = [
  ['conv2d', (t) => t.layers.conv2d({ filters: 2, kernelSize: 4 }), [1, 3, 3, 1]],
  ['separableConv2d', (t) => t.layers.separableConv2d({ filters: 2, kernelSize: 4 }), [1, 3, 3, 1]],
  ['depthwiseConv2d', (t) => t.layers.depthwiseConv2d({ kernelSize: 4 }), [1, 3, 3, 1]],
  ['maxPooling2d', (t) => t.layers.maxPooling2d({ poolSize: 5 }), [1, 3, 3, 1]],
  ['averagePooling2d', (t) => t.layers.averagePooling2d({ poolSize: 4, strides: 1 }), [1, 3, 3, 1]],
  ['conv1d', (t) => t.layers.conv1d({ filters: 2, kernelSize: 4 }), [1, 3, 2]],
  ['maxPooling1d', (t) => t.layers.maxPooling1d({ poolSize: 5 }), [1, 3, 2]],
  ['conv3d', (t) => t.layers.conv3d({ filters: 2, kernelSize: 4 }), [1, 3, 3, 3, 1]],
  ['maxPooling3d', (t) => t.layers.maxPooling3d({ poolSize: 5 }), [1, 3, 3, 3, 1]],
  ['convLstm2d', (t) => t.layers.convLstm2d({ filters: 2, kernelSize: 4 }), [1, 2, 3, 3, 1]],
];

/** The layer's symbolic output shape, its output on ones, and a Sequential's predict shape, in `t`. */
function shapes(t: Lib, make: (t: Lib) => unknown, shape: number[]): unknown[] {
  const layer = make(t) as tn.layers.Layer;
  const symbolic = (layer.apply((t as typeof tn).input({ shape: shape.slice(1) })) as tn.SymbolicTensor).shape;
  const eager = (make(t) as tn.layers.Layer).apply((t as typeof tn).ones(shape)) as tn.Tensor;
  const model = (t as typeof tn).sequential({ layers: [(t as typeof tn).layers.inputLayer({ inputShape: shape.slice(1) }), make(t) as tn.layers.Layer] });
  return [symbolic, eager.shape, Array.from(eager.dataSync()), (model.predict((t as typeof tn).ones(shape)) as tn.Tensor).shape];
}

describe("windowed layers whose 'valid' window is longer than their input", () => {
  it.each(shortWindows)('%s: by less than a stride, an empty output, as TF.js', (_, make, shape) => {
    const got = shapes(tn, make, shape);
    expect(got).toEqual(shapes(tf, make, shape));
    expect((got[1] as number[]).some((d) => d === 0)).toBe(true);
  });

  it("by a stride or more, TF.js's Sequential error, in a Sequential and when applied", () => {
    const add = (t: Lib): unknown => (t as typeof tn).sequential({ layers: [(t as typeof tn).layers.conv2d({ filters: 2, kernelSize: 5, inputShape: [3, 3, 1], name: 'k5' })] });
    const message = 'Negative dimension size caused by adding layer k5 with input shape [,3,3,1]';
    expect(() => add(tf)).toThrow(message);
    expect(() => add(tn)).toThrow(message);
    // TF.js applies it to a 3x3 image as a tensor of shape [1, -1, -1, 2]; tessera refuses it the same way.
    expect(() => tn.layers.maxPooling1d({ poolSize: 5, strides: 1, name: 'p5' }).apply(tn.ones([1, 3, 2]))).toThrow('Negative dimension size caused by adding layer p5 with input shape [,3,2]');
  });
});

describe('an unknown length (null) through windowed layers, as TF.js', () => {
  it('computeOutputShape keeps a null spatial size null instead of reading it as 0', () => {
    const cases: [(t: Lib) => unknown, (number | null)[]][] = [
      [(t) => t.layers.conv2d({ filters: 2, kernelSize: 3, padding: 'same', strides: 2 }), [null, null, 5, 1]],
      [(t) => t.layers.conv2d({ filters: 2, kernelSize: 3 }), [null, 7, null, 1]],
      [(t) => t.layers.maxPooling2d({ poolSize: 2 }), [null, null, null, 1]],
      [(t) => t.layers.conv1d({ filters: 2, kernelSize: 2 }), [null, null, 3]],
      [(t) => t.layers.averagePooling1d({ poolSize: 2 }), [null, null, 3]],
      [(t) => t.layers.zeroPadding2d({}), [null, null, 3, 1]],
      [(t) => t.layers.upSampling2d({}), [null, null, 3, 1]],
      [(t) => t.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2 }), [null, null, 3, 1]],
    ];
    for (const [make, shape] of cases) {
      const ours = (make(tn) as tn.layers.Layer).computeOutputShape(shape as number[]);
      expect(ours).toEqual((make(tf) as tf.layers.Layer).computeOutputShape(shape as number[]));
      expect(ours).toContain(null);
    }
  });
});

describe('initializers and addWeight refuse a shape that is not sizes, as TF.js refuses the tensor', () => {
  it('names the initializer or the weight, and what the shape held', () => {
    for (const shape of [[null, 3], [2.5], ['2', 3], [Number.NaN], [-1, 3]]) {
      expect(() => tn.initializers.ones().apply(shape as number[])).toThrow(/Ones\.apply: shape must be an array of non-negative integers/);
      expect(() => tn.initializers.glorotUniform({ seed: 1 }).apply(shape as number[])).toThrow(/VarianceScaling\.apply: shape must be an array of non-negative integers/);
      expect(() => tf.initializers.ones().apply(shape as number[])).toThrow();
    }
    // A custom layer's build that reads the unknown batch dim as a size.
    class ByBatch extends tn.layers.Layer {
      static readonly className = 'ByBatch';
      override build(s: (number | null)[]): void {
        this.addWeight('w', [s[0] as number, s[1] as number], 'float32', tn.initializers.zeros());
      }
      override call(x: tn.Tensor): tn.Tensor {
        return x;
      }
    }
    const layer = new ByBatch({ name: 'by_batch' });
    expect(() => layer.apply(tn.input({ shape: [3] }))).toThrow("by_batch.addWeight: shape of 'w' must be an array of non-negative integers, got an array of length 2 [null,3]");
    expect(layer.getWeights()).toEqual([]);
  });
});
