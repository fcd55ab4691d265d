import type { Tensor } from '../../tensor/tensor';
import { batchMatMul3d, type BatchMatMulAttrs } from '../batch-matmul';
import { sumToShape } from '../broadcast';
import { rule, type GradientTable } from './table';

/** y_i = op(a_i)·op(b_i): each operand's gradient per product, summed over the products when it holds one shared matrix. */
function productGrads(a: Tensor, b: Tensor, tA: boolean, tB: boolean, dy: Tensor, needed: readonly boolean[]): (Tensor | null)[] {
  const mm = batchMatMul3d;
  const [da, db] = !tA && !tB ? [() => mm(dy, b, false, true), () => mm(a, dy, true, false)]
    : !tA && tB ? [() => mm(dy, b, false, false), () => mm(dy, a, true, false)]
      : tA && !tB ? [() => mm(b, dy, false, true), () => mm(a, dy, false, false)]
        : [() => mm(b, dy, true, true), () => mm(dy, a, true, true)];
  return [needed[0] ? sumToShape(da(), a.shape) : null, needed[1] ? sumToShape(db(), b.shape) : null];
}

export const batchMatMulGrads: GradientTable = {
  batchMatMul: rule<BatchMatMulAttrs>((dy, { inputs: [a, b], attrs, needed }) => productGrads(a, b, attrs.transposeA, attrs.transposeB, dy, needed)),
};
