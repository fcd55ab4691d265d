import type { DType } from '../backend/handle';
import { argError, describeValue, fmtShape } from '../util/validate';
import { Tensor } from './tensor';

// Checks of tensor arguments, in the one error format (util/validate's argError).

export function assertTensor(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) throw argError(op, arg, describeValue(x), 'a Tensor');
  x.assertLive(`${op} (${arg})`);
  return x;
}

export function assertRank(op: string, arg: string, x: Tensor, rank: number): void {
  if (x.rank !== rank) throw argError(op, arg, `shape ${fmtShape(x.shape)} (rank ${x.rank})`, `rank ${rank}`);
}

export function assertSameDtype(op: string, a: Tensor, b: Tensor, aName = 'a', bName = 'b'): void {
  if (a.dtype !== b.dtype) {
    throw new Error(`${op}: ${aName} and ${bName} must have the same dtype, got ${a.dtype} and ${b.dtype} (cast one with tn.cast)`);
  }
}

export function assertDtype(op: string, arg: string, dtype: unknown): DType {
  if (dtype !== 'float32' && dtype !== 'float64') throw argError(op, arg, describeValue(dtype), "'float32' or 'float64'");
  return dtype;
}
