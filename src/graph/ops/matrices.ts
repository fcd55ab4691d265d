import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { GraphNode } from '../graph-def';
import type { OpSpec, OpTable } from '../op-spec';
import { readEpilogue, withEpilogue } from './fused-epilogue';

/** A product whose transposes are the attrs ta and tb (transpose_a/b for MatMul, adj_x/adj_y for BatchMatMul). */
function matMul(ta: string, tb: string): OpSpec {
  return { arity: 2, dtypeAttr: 'T', run: (n) => [tn.matMul(n.tensor(0), n.tensor(1), n.attrs.bool(ta, false), n.attrs.bool(tb, false))] };
}

const fusedMatMul: OpSpec = {
  arity: 2, dtypeAttr: 'T', check: (node: GraphNode) => readEpilogue(node, 2),
  run: (n) => {
    const [a, b] = [n.tensor(0), n.tensor(1)];
    const [transposeA, transposeB] = [n.attrs.bool('transpose_a', false), n.attrs.bool('transpose_b', false)];
    const leakyreluAlpha = n.attrs.number('leakyrelu_alpha', 0.2);
    return [withEpilogue(n, readEpilogue(n.node, 2), 2, true, (bias: Tensor | undefined, activation, preluActivationWeights) =>
      tn.fused.matMul({ a, b, transposeA, transposeB, bias, activation, preluActivationWeights, leakyreluAlpha }))];
  },
};

/** TF's matrix products and transpose, as tfjs-converter's matrices executor. */
export const matricesOps: OpTable = {
  MatMul: matMul('transpose_a', 'transpose_b'),
  BatchMatMul: matMul('adj_x', 'adj_y'),
  BatchMatMulV2: matMul('adj_x', 'adj_y'),
  _FusedMatMul: fusedMatMul,
  Transpose: { arity: 2, dtypeAttr: 'T', run: (n) => [tn.transpose(n.tensor(0), n.numbers(1))] },
  Einsum: { arity: 1, dtypeAttr: 'T', run: (n) => [tn.einsum(n.attrs.exactString('equation', ''), ...n.tensors(0))] },
  // TF's lower and upper counts are inputs 1 and 2 (TF.js 4.22 reads input 1 for both).
  MatrixBandPart: { arity: 3, run: (n) => [tn.linalg.bandPart(n.tensor(0), n.number(1), n.number(2))] },
};
