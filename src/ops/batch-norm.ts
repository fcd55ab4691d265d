import type { Rank } from '../tensor/value-types';
import { broadcastShapes } from '../backend/shapes';
import { isFloatDtype, Tensor } from '../tensor/tensor';
import { channelAffine, perChannel } from './channel-affine';
import { argError, assertFiniteNumber, describeValue, fmtShape } from '../util/validate';
import { add, mul, sub } from './binary';
import { cast, floatsMet } from './cast';
import { rsqrt } from './special';
import { toTensor, toTensorBeside, type TensorLike } from './tensor-like';

type Param = Tensor | TensorLike | null | undefined;

/**
 * (x - mean) · scale / sqrt(variance + ε) + offset, the parameters broadcasting over x, as
 * tf.batchNorm(x, mean, variance, offset?, scale?, varianceEpsilon = 0.001). Made of recorded ops, so
 * differentiable to any order in every argument.
 */
export function batchNorm<R extends Rank>(x: Tensor<R> | TensorLike, mean: Tensor | TensorLike, variance: Tensor | TensorLike, offset?: Param, scale?: Param, varianceEpsilon?: number): Tensor<R> {
  varianceEpsilon ??= 0.001;
  return normalize('batchNorm', x, mean, variance, offset, scale, varianceEpsilon) as Tensor<R>;
}

function normalize(op: string, xIn: Tensor | TensorLike, meanIn: Tensor | TensorLike, varianceIn: Tensor | TensorLike, offsetIn: Param, scaleIn: Param, varianceEpsilon: number): Tensor {
  // As TF.js, every parameter may be TensorLike values of any numeric dtype (the arithmetic below upcasts them), and
  // offset and scale may be null. Values beside a float64 tensor are read as float64.
  const all = [xIn, meanIn, varianceIn, offsetIn, scaleIn];
  const given = (name: string, p: Param) => (p === undefined || p === null ? undefined : toTensorBeside(op, name, p, all));
  const [x, mean, variance, offset, scale] = floatsMet(toTensorBeside(op, 'x', xIn, all), given('mean', meanIn), given('variance', varianceIn), given('offset', offsetIn), given('scale', scaleIn));
  if (!mean) throw argError(op, 'mean', describeValue(meanIn), 'a Tensor or TensorLike values');
  if (!variance) throw argError(op, 'variance', describeValue(varianceIn), 'a Tensor or TensorLike values');
  const params: [string, Tensor | undefined][] = [['mean', mean], ['variance', variance], ['offset', offset], ['scale', scale]];
  for (const [name, p] of params) {
    if (p === undefined) continue;
    const shape = broadcastShapes(p.shape, x.shape);
    if (!shape || shape.length !== x.rank || shape.some((d, i) => d !== x.shape[i])) {
      throw argError(op, name, `shape ${fmtShape(p.shape)}`, `a shape that broadcasts to x's ${fmtShape(x.shape)}`);
    }
    // TF.js asks every parameter for mean's rank.
    if (p.rank !== mean.rank) throw argError(op, name, `rank ${p.rank}`, `mean's rank ${mean.rank}`);
  }
  if (assertFiniteNumber(op, 'varianceEpsilon', varianceEpsilon) < 0) throw argError(op, 'varianceEpsilon', describeValue(varianceEpsilon), 'a number >= 0');
  const inverse = rsqrt(add(variance, varianceEpsilon));
  const factor = scale ? mul(inverse, scale) : inverse;
  // One pass over x where every parameter is one value per channel of the last axis (NHWC's batch norm), else three.
  const fused = offset && isFloatDtype(x.dtype) && [mean, factor, offset].every((p) => p.dtype === x.dtype && perChannel(p, x));
  const out = fused ? channelAffine(x, mean, factor, offset) : offset ? add(mul(sub(x, mean), factor), offset) : mul(sub(x, mean), factor);
  // An int32 x gives int32, truncated, as TF.js's kernel writes its result in x's dtype.
  return x.dtype === 'int32' ? cast(out, 'int32') : out;
}

function ranked<R extends Rank>(rank: number) {
  const op = `batchNorm${rank}d`;
  return (xIn: Tensor | TensorLike, mean: Tensor | TensorLike, variance: Tensor | TensorLike, offset?: Param, scale?: Param, varianceEpsilon = 0.001): Tensor<R> => {
    const x = toTensor(op, 'x', xIn);
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
