import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Sizes and windows far past what the input needs: each is refused at once, naming the call and the argument, or
// computed from the part of the window that reads x, never looped over or allocated in full.

describe('a shape of more elements than a tensor can hold is refused before anything is allocated', () => {
  it('creation ops, oneHot, tile, linspace, eye, resize and a layer\'s weights name the argument', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['zeros', () => tn.zeros([1e6, 1e6]), /^zeros: shape must be at most 2147483647 elements in all, the most a tensor can hold, got \[1000000, 1000000\] \(1\.000e\+12 elements\)$/],
      ['fill', () => tn.fill([1e6, 1e6], 2), /^fill: shape must be at most 2147483647 elements/],
      ['randomNormal', () => tn.randomNormal([1e6, 1e6]), /^randomNormal: shape must be at most/],
      ['buffer', () => tn.buffer([1e6, 1e6]), /^buffer: shape must be at most/],
      ['eye', () => tn.eye(1e6), /^eye: numRows must be at most/],
      ['linspace', () => tn.linspace(0, 1, 1e12), /^linspace: num must be at most/],
      ['range', () => tn.range(0, 1e12, 1e-3), /^range: step must be at most/],
      ['oneHot', () => tn.oneHot(tn.tensor1d([1, 2], 'int32'), 2e9), /^oneHot: depth must be at most .* got \[2, 2000000000\]/],
      ['tile', () => tn.tile(tn.ones([1000, 1000]), [1e4, 1]), /^tile: reps must be at most/],
      ['resizeBilinear', () => tn.image.resizeBilinear((tn.ones([1, 4, 4, 2]) as tn.Tensor4D), [1e9, 3]), /^resizeBilinear: size must be at most .* got \[1000000000, 3\]/],
      ['resizeNearestNeighbor', () => tn.image.resizeNearestNeighbor((tn.ones([0, 4, 4, 2]) as tn.Tensor4D), [1e12, 1e12]), /^resizeNearestNeighbor: size must be at most/],
      ['resizing', () => tn.layers.resizing({ height: 1e12, width: 3 }).apply(tn.ones([1, 4, 4, 2])), /^resizeBilinear: size must be at most/],
      ['dense', () => tn.layers.dense({ units: 1e12, inputShape: [4] }), /addWeight: shape of 'kernel' must be at most/],
    ];
    const before = tn.memory().numTensors;
    for (const [name, call, message] of cases) expect(call, name).toThrow(message);
    expect(tn.memory().numTensors - before).toBe(5); // the five inputs made inline above, which the calls leave to their callers
  });
});

describe('windows far deeper or wider than x', () => {
  const x5 = () => tn.reshape(tn.range(0, 128), [1, 4, 4, 4, 2]);
  it('a 3-D pool reads only the taps of its window that reach x: the values of a window just past x, as TF.js\'s', () => {
    for (const [kind, depth] of [['max', 1e6], ['avg', 1e6], ['max', 9], ['avg', 9]] as const) {
      const pool = kind === 'max' ? tn.maxPool3d : tn.avgPool3d;
      const deep = pool(x5(), [depth, 2, 2], 1, 'same');
      const justPast = pool(x5(), [9, 2, 2], 1, 'same');
      expect(deep.arraySync(), `${kind} ${depth}`).toEqual(justPast.arraySync());
    }
    const peer = tf.avgPool3d(tf.reshape(tf.range(0, 128), [1, 4, 4, 4, 2]) as tf.Tensor5D, [9, 2, 2], 2, 'same');
    expect(tn.avgPool3d(x5(), [9, 2, 2], 2, 'same').arraySync()).toEqual(peer.arraySync());
    const g = tn.grad((v: tn.Tensor) => tn.sum(tn.mul(tn.maxPool3d(v, [50, 2, 2], 1, 'same'), tn.range(1, 129).reshape([1, 4, 4, 4, 2]))))(x5());
    const gPeer = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.maxPool3d(v as tf.Tensor5D, [50, 2, 2], 1, 'same'), tf.range(1, 129).reshape([1, 4, 4, 4, 2]))))(tf.reshape(tf.range(0, 128), [1, 4, 4, 4, 2]));
    expect(g.arraySync()).toEqual(gPeer.arraySync());
  });

  it('localResponseNormalization with a radius past the last channel sums every channel, as TF.js, at once', () => {
    const x = tn.reshape(tn.range(1, 17), [1, 2, 2, 4]);
    const peer = tf.localResponseNormalization(tf.reshape(tf.range(1, 17), [1, 2, 2, 4]) as tf.Tensor4D, 3);
    expect(tn.localResponseNormalization(x, 1e7).arraySync()).toEqual(tn.localResponseNormalization(x, 3).arraySync());
    const close = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, i) => Math.abs(v - b[i]) < 1e-6);
    expect(close(tn.localResponseNormalization(x, 1e7).dataSync(), peer.dataSync())).toBe(true);
    expect(close(tn.localResponseNormalization(x, 2).dataSync(), peer.dataSync())).toBe(false);
  });
});
