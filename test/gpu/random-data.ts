import { Random } from '../../src/util/random';
import { Tensor } from '../../src/tensor/tensor';

/** A float32 tensor of uniform values in [min, max) from seed. */
export function uniformTensor(shape: readonly number[], seed: number, min = -1, max = 1): Tensor {
  const r = new Random(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return new Tensor(shape, 'float32', Float32Array.from({ length: size }, () => r.uniform(min, max)));
}

/** Like uniformTensor but |v| >= gap: away from the poles of div / reciprocal. */
export function awayFromZeroTensor(shape: readonly number[], seed: number, gap = 0.5): Tensor {
  const r = new Random(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return new Tensor(shape, 'float32', Float32Array.from({ length: size }, () => {
    const v = r.uniform(-1, 1);
    return v < 0 ? v - gap : v + gap;
  }));
}

/** Integer class ids in [0, classes), as float32 (how labels travel). */
export function labelTensor(rows: number, classes: number, seed: number): Tensor {
  const r = new Random(seed);
  return new Tensor([rows], 'float32', Float32Array.from({ length: rows }, () => r.int(classes)));
}
