import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Bad input to convLstm2d and convLstm2dCell: an Error naming the argument, what it got and what was expected,
// before anything changes (no weights built). Where TF.js 4.22 refuses the same thing, it is checked to.

const ok = { filters: 2, kernelSize: 3 };

describe('convLstm2d refuses bad input before anything changes', () => {
  it('input that is not rank 5, concrete or symbolic', () => {
    const layer = tn.layers.convLstm2d({ ...ok, name: 'cl' });
    expect(() => layer.apply(tn.zeros([2, 3, 5, 5]))).toThrow(/^cl: input must be rank 5 \[batch, timeSteps, rows, cols, channels\], got shape \[2, 3, 5, 5\] \(rank 4\)/);
    expect(() => layer.apply(tn.input({ shape: [3, 5, 5] }))).toThrow(/must be rank 5 \[batch, timeSteps, rows, cols, channels\], got shape \[null, 3, 5, 5\] \(rank 4\)/);
    expect(() => tn.layers.convLstm2d({ ...ok, dataFormat: 'channelsFirst', name: 'cf' }).apply(tn.zeros([2, 5, 5]))).toThrow(/^cf: input must be rank 5 \[batch, timeSteps, channels, rows, cols\]/);
    expect(layer.built).toBe(false);
    expect(layer.weights).toEqual([]);
    expect(() => tn.layers.convLstm2d({ ...ok, inputShape: [3, 5, 5] })).toThrow(/must be rank 5/);
    expect(() => tn.layers.convLstm2d({ ...ok, batchInputShape: [2, 3, 5, 5] })).toThrow(/^layers\.convLstm2d: batchInputShape must be \[batch, timeSteps, rows, cols, channels\]/);
    expect(() => tf.layers.convLstm2d(ok).apply(tf.zeros([2, 3, 5, 5]))).toThrow(/expected ndim=5, found ndim=4/);
  });

  it('filters, kernelSize, strides, dilationRate, padding and dataFormat', () => {
    const bad: [Record<string, unknown>, RegExp, boolean][] = [
      [{ filters: 0, kernelSize: 3 }, /filters must be a positive integer, got number 0/, true],
      [{ filters: 1.5, kernelSize: 3 }, /filters must be a positive integer, got number 1\.5/, true],
      [{ kernelSize: 3 }, /filters must be a positive integer, got undefined/, true],
      [{ filters: 2 }, /kernelSize must be/, true],
      [{ filters: 2, kernelSize: [2, 2, 2] }, /kernelSize must be/, true],
      [{ filters: 2, kernelSize: 0 }, /kernelSize must be/, true],
      // TF.js reads strides 0 as its default 1 (`strides || 1`); tessera refuses it rather than guess.
      [{ ...ok, strides: 0 }, /strides must be/, false],
      [{ ...ok, dilationRate: [1, -1] }, /dilationRate must be/, true],
      [{ ...ok, padding: 'causal' }, /padding must be/, false],
      [{ ...ok, dataFormat: 'NHWC' }, /dataFormat must be 'channelsLast' or 'channelsFirst', got "NHWC"/, true],
      [{ ...ok, unroll: true }, /unroll must be false or absent/, true],
      // TF.js clips a rate outside [0, 1] to it; tessera refuses it rather than guess.
      [{ ...ok, dropout: 1.5 }, /dropout must be a number in \[0, 1\], got 1\.5/, false],
      [{ ...ok, units: 4 }, /config\.units is not an option of this layer \(got 4\); its options are .*filters, kernelSize/, false],
    ];
    for (const [args, message, peerRefuses] of bad) {
      expect(() => tn.layers.convLstm2d(args as never)).toThrow(new RegExp(`^layers\\.convLstm2d: ${message.source}`));
      if (peerRefuses) expect(() => tf.layers.convLstm2d(args as never)).toThrow();
    }
    expect(() => tn.layers.convLstm2dCell({ filters: -1, kernelSize: 3 })).toThrow(/^layers\.convLstm2dCell: filters must be a positive integer, got number -1/);
  });

  it("a 'valid' kernel larger than the image (an empty image within a stride, as TF.js; TF.js's error past it), and strides with dilation (refused by the convolution as it runs, as in TF.js)", () => {
    const x = tn.zeros([1, 2, 3, 3, 1]);
    expect((tn.layers.convLstm2d({ filters: 2, kernelSize: 4 }).apply(x) as tn.Tensor).shape).toEqual([1, 0, 0, 2]);
    expect((tf.layers.convLstm2d({ filters: 2, kernelSize: 4 }).apply(tf.zeros([1, 2, 3, 3, 1])) as tf.Tensor).shape).toEqual([1, 0, 0, 2]);
    const layer = tn.layers.convLstm2d({ filters: 2, kernelSize: 5, name: 'big' });
    expect(() => layer.apply(x)).toThrow(/^Negative dimension size caused by adding layer big with input shape \[,3,3,1\]$/);
    expect(layer.built).toBe(false);
    const both = tn.layers.convLstm2d({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 });
    expect(() => both.apply(tn.zeros([1, 2, 7, 7, 1]))).toThrow(/dilations/);
    expect(() => tf.layers.convLstm2d({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 }).apply(tf.zeros([1, 2, 7, 7, 1]))).toThrow(/Either strides or dilations must be 1/);
  });

  it('initial states of the wrong shape or count, before the layer is built', () => {
    const layer = tn.layers.convLstm2d({ filters: 2, kernelSize: 3, padding: 'same', name: 'st' });
    const x = tn.zeros([2, 3, 5, 5, 1]);
    expect(() => layer.apply(x, { initialState: [tn.zeros([2, 5, 5, 3]), tn.zeros([2, 5, 5, 2])] })).toThrow(/^st: initialState\[0\] must be shape \[2, 5, 5, 2\] and dtype float32, got shape \[2, 5, 5, 3\]/);
    expect(() => layer.apply(x, { initialState: [tn.zeros([2, 5, 5, 2])] })).toThrow(/^st: initialState must be 2 \(\[2, 5, 5, 2\], \[2, 5, 5, 2\]\), got 1 tensors/);
    expect(layer.built).toBe(false);
  });

  it('a convolutional cell in rnn or stackedRNNCells is refused (TF.js fails on its rank-5 input)', () => {
    const cell = tn.layers.convLstm2dCell(ok);
    expect(() => tn.layers.rnn({ cell })).toThrow(/^layers\.rnn: cell must be a cell taking feature vectors .*convLstm2d.*, got a ConvLSTM2DCell/);
    expect(() => tn.layers.rnn({ cell: [cell] })).toThrow(/^layers\.stackedRNNCells: cells\[0\] must be a cell taking feature vectors .*, got a ConvLSTM2DCell/);
    expect(() => tf.layers.rnn({ cell: tf.layers.convLstm2dCell(ok) }).apply(tf.zeros([1, 2, 4, 4, 1]))).toThrow(/expected ndim=3/);
  });

  it('resetStates on a stateful layer that does not know its input shape yet', () => {
    const layer = tn.layers.convLstm2d({ ...ok, stateful: true, batchSize: 2, name: 'rs' });
    expect(() => layer.resetStates()).toThrow(/^rs\.resetStates: the layer does not know its input shape yet/);
  });
});
