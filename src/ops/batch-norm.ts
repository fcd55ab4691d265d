import type { Rank } from '../tensor/value-types';
import { broadcastShapes } from '../backend/shapes';
import { assertSameDtype, assertTensor } from '../tensor/checks';
import { Tensor } from '../tensor/tensor';
import { argError, assertFiniteNumber, describeValue, fmtShape } from '../util/validate';
import { add, mul, sub } from './binary';
import { rsqrt } from './special';

type Param = Tensor | undefined;

/**
 * (x - mean) · scale / sqrt(variance + ε) + offset, the parameters broadcasting over x, as
 * tf.batchNorm(x, mean, variance, offset?, scale?, varianceEpsilon = 0.001). Made of recorded ops, so
 * differentiable to any order in every argument.
 */
export function batchNorm<R extends Rank>(x: Tensor<R>, mean: Tensor, variance: Tensor, offset?: Tensor, scale?: Tensor, varianceEpsilon = 0.001): Tensor<R> {
  return normalize('batchNorm', x, mean, variance, offset, scale, varianceEpsilon) as Tensor<R>;
}

function normalize(op: string, x: Tensor, mean: Tensor, variance: Tensor, offset: Param, scale: Param, varianceEpsilon: number): Tensor {
  assertTensor(op, 'x', x);
  const params: [string, Param][] = [['mean', mean], ['variance', variance], ['offset', offset], ['scale', scale]];
  for (const [name, p] of params) {
    if (p === undefined && (name === 'offset' || name === 'scale')) continue;
    assertTensor(op, name, p);
    assertSameDtype(op, x, p as Tensor, 'x', name);
    const shape = broadcastShapes((p as Tensor).shape, x.shape);
    if (!shape || shape.length !== x.rank || shape.some((d, i) => d !== x.shape[i])) {
      throw argError(op, name, `shape ${fmtShape((p as Tensor).shape)}`, `a shape that broadcasts to x's ${fmtShape(x.shape)}`);
    }
    // TF.js asks every parameter for mean's rank.
    if ((p as Tensor).rank !== mean.rank) throw argError(op, name, `rank ${(p as Tensor).rank}`, `mean's rank ${mean.rank}`);
  }
  if (assertFiniteNumber(op, 'varianceEpsilon', varianceEpsilon) < 0) throw argError(op, 'varianceEpsilon', describeValue(varianceEpsilon), 'a number >= 0');
  const inverse = rsqrt(add(variance, varianceEpsilon));
  const normalized = mul(sub(x, mean), scale ? mul(inverse, scale) : inverse);
  return offset ? add(normalized, offset) : normalized;
}

function ranked<R extends Rank>(rank: number) {
  const op = `batchNorm${rank}d`;
  return (x: Tensor, mean: Tensor, variance: Tensor, offset?: Tensor, scale?: Tensor, varianceEpsilon = 0.001): Tensor<R> => {
    assertTensor(op, 'x', x);
    if (x.rank !== rank) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, `rank ${rank}`);
    for (const [name, p] of [['mean', mean], ['variance', variance], ['offset', offset], ['scale', scale]] as const) {
      if (p instanceof Tensor && p.rank !== 1 && p.rank !== rank) throw argError(op, name, `rank ${p.rank}`, `rank 1 or ${rank}`);
    }
    return normalize(op, x, mean, variance, offset, scale, varianceEpsilon) as Tensor<R>;
  };
}

/** As tf.batchNorm2d: batchNorm for rank-2 x, the parameters rank 1 or 2. */
export const batchNorm2d = ranked<Rank.R2>(2);
/** As tf.batchNorm3d. */
export const batchNorm3d = ranked<Rank.R3>(3);
/** As tf.batchNorm4d. */
export const batchNorm4d = ranked<Rank.R4>(4);
