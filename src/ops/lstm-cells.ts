import type { Tensor } from '../tensor/tensor';
import type { Tensor2D } from '../tensor/tfjs-types';
import { argError, describeValue, fmtShape } from '../util/validate';
import { add, mul } from './binary';
import { concat } from './concat';
import { matMul } from './matmul';
import { slice } from './slice';
import { toTensorBeside, toTensorsBeside, type TensorLike } from './tensor-like';
import { sigmoid, tanh } from './unary';

// tfjs-core's LSTM cell functions, from ops (so they differentiate to any order), with TF.js's gate order i, j, f, o.

/** One step of an LSTM cell, as a function of (data, c, h) giving [newC, newH]: what multiRNNCell stacks. */
export type LSTMCellFunc = (data: Tensor2D, c: Tensor2D, h: Tensor2D) => [Tensor2D, Tensor2D];

/**
 * One LSTM step, as tf.basicLSTMCell: [data, h]·lstmKernel + lstmBias split into the gates i, j, f, o;
 * newC = σ(i)·tanh(j) + c·σ(forgetBias + f), newH = tanh(newC)·σ(o). Returns [newC, newH].
 */
export function basicLSTMCell(forgetBias: Tensor | TensorLike, lstmKernel: Tensor | TensorLike, lstmBias: Tensor | TensorLike,
  data: Tensor | TensorLike, c: Tensor | TensorLike, h: Tensor | TensorLike): [Tensor2D, Tensor2D] {
  const op = 'basicLSTMCell';
  // A number or array beside a float64 operand is read as float64 (forgetBias as 0.3, not 0.30000001).
  const [fb, kernel, bias, x, c0, h0] = toTensorsBeside(op, [['forgetBias', forgetBias], ['lstmKernel', lstmKernel], ['lstmBias', lstmBias], ['data', data], ['c', c], ['h', h]]);
  if (fb.size !== 1) throw argError(op, 'forgetBias', `shape ${fmtShape(fb.shape)}`, 'a scalar');
  if (x.rank !== 2) throw argError(op, 'data', `shape ${fmtShape(x.shape)}`, 'rank 2 [batch, inputDim]');
  const [batch, inputDim] = x.shape;
  if (h0.rank !== 2 || h0.shape[0] !== batch) throw argError(op, 'h', `shape ${fmtShape(h0.shape)}`, `rank 2 [${batch}, units] (data's batch)`);
  const units = h0.shape[1];
  const state = [batch, units];
  if (c0.rank !== 2 || c0.shape[0] !== batch || c0.shape[1] !== units) throw argError(op, 'c', `shape ${fmtShape(c0.shape)}`, `shape ${fmtShape(state)} as h`);
  const k = [inputDim + units, 4 * units];
  if (kernel.rank !== 2 || kernel.shape[0] !== k[0] || kernel.shape[1] !== k[1]) {
    throw argError(op, 'lstmKernel', `shape ${fmtShape(kernel.shape)}`, `shape ${fmtShape(k)} ([inputDim + units, 4 * units])`);
  }
  if (bias.rank !== 1 || bias.shape[0] !== 4 * units) throw argError(op, 'lstmBias', `shape ${fmtShape(bias.shape)}`, `shape [${4 * units}] ([4 * units])`);
  const gates = add(matMul(concat([x, h0], 1), kernel), bias);
  const gate = (g: number) => slice(gates, [0, g * units], state);
  const newC = add<Tensor2D>(mul(sigmoid(gate(0)), tanh(gate(1))), mul(c0, sigmoid(add(fb, gate(2)))));
  const newH = mul<Tensor2D>(tanh(newC), sigmoid(gate(3)));
  return [newC, newH];
}

/**
 * Stacked LSTM cells over one step, as tf.multiRNNCell: each cell reads the previous one's new h (the first reads
 * data) with its own c[i] and h[i]. Returns [every new c, every new h].
 */
export function multiRNNCell(lstmCells: LSTMCellFunc[], data: Tensor | TensorLike, c: Array<Tensor | TensorLike>, h: Array<Tensor | TensorLike>): [Tensor2D[], Tensor2D[]] {
  const op = 'multiRNNCell';
  if (!Array.isArray(lstmCells) || lstmCells.length === 0 || !lstmCells.every((f) => typeof f === 'function')) {
    throw argError(op, 'lstmCells', describeValue(lstmCells), 'a non-empty array of cell functions (data, c, h) => [newC, newH]');
  }
  const n = lstmCells.length;
  for (const [name, list] of [['c', c], ['h', h]] as const) {
    if (!Array.isArray(list) || list.length !== n) throw argError(op, name, describeValue(list), `an array of ${n} states, one per cell`);
  }
  const states = [data, ...c, ...h];
  let input = toTensorBeside(op, 'data', data, states) as Tensor2D;
  const newC: Tensor2D[] = [];
  const newH: Tensor2D[] = [];
  lstmCells.forEach((cell, i) => {
    const [ci, hi] = cell(input, toTensorBeside(op, `c[${i}]`, c[i], states) as Tensor2D, toTensorBeside(op, `h[${i}]`, h[i], states) as Tensor2D);
    newC.push(ci);
    newH.push(hi);
    input = hi;
  });
  return [newC, newH];
}
