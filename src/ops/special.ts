import type { Tensor } from '../tensor/tensor';
import type { TensorLike } from './tensor-like';
import { unaryOp } from './unary';

/** 1 / √x, as tf.rsqrt. */
export const rsqrt = <T extends Tensor>(x: T | TensorLike): T => unaryOp('rsqrt', x) as T;
/** log(1 + x), accurate for small x, as tf.log1p. */
export const log1p = <T extends Tensor>(x: T | TensorLike): T => unaryOp('log1p', x) as T;
/** eˣ − 1, accurate for small x, as tf.expm1. */
export const expm1 = <T extends Tensor>(x: T | TensorLike): T => unaryOp('expm1', x) as T;
/** The Gauss error function, as tf.erf (to float64 accuracy on the cpu). */
export const erf = <T extends Tensor>(x: T | TensorLike): T => unaryOp('erf', x) as T;
