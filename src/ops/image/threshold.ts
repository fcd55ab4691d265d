import type { Tensor } from '../../tensor/tensor';
import type { Rank } from '../../tensor/value-types';
import { argError, assertFiniteNumber, describeValue, withArticle } from '../../util/validate';
import { tensor } from '../creation';
import { toTensor, type TensorLike } from '../tensor-like';

const LUMA = [0.2989, 0.587, 0.114];

/** The level (0..255) that best separates a histogram's two classes (largest between-class variance), by Otsu's method. */
function otsuLevel(histogram: number[], total: number): number {
  let best = -1;
  let bestVariance = 0;
  for (let t = 0; t < histogram.length - 1; t++) {
    let [n1, s1, n2, s2] = [0, 0, 0, 0];
    histogram.forEach((count, level) => {
      if (level <= t) [n1, s1] = [n1 + count, s1 + count * level];
      else [n2, s2] = [n2 + count, s2 + count * level];
    });
    const between = (n1 / total) * (n2 / total) * (s1 / n1 - s2 / n2) ** 2;
    if (between > bestVariance) [best, bestVariance] = [t, between];
  }
  return best;
}

/**
 * A black-and-white int32 image (0 or 255) from a [height, width, 1 or 3] image, as tf.image.threshold: pixels
 * above the threshold (threshValue·255, or Otsu's level with method 'otsu') are 255, or those at or below it when
 * inverted. Three channels are first weighted to one brightness (0.2989, 0.587, 0.114).
 */
export function threshold(image: Tensor<Rank.R3> | TensorLike, method?: 'binary' | 'otsu', inverted?: boolean, threshValue?: number): Tensor<Rank.R3> {
  method ??= 'binary'; inverted ??= false; threshValue ??= 0.5;
  const op = 'threshold';
  const x = toTensor(op, 'image', image);
  if (x.rank !== 3 || (x.shape[2] !== 1 && x.shape[2] !== 3)) throw argError(op, 'image', `shape [${x.shape.join(', ')}]`, 'rank 3 [height, width, channels] with 1 or 3 channels');
  if (x.dtype !== 'int32' && x.dtype !== 'float32') throw argError(op, 'image', `${withArticle(x.dtype)} tensor`, 'an int32 or float32 tensor');
  if (method !== 'binary' && method !== 'otsu') throw argError(op, 'method', describeValue(method), "'binary' or 'otsu'");
  if (typeof inverted !== 'boolean') throw argError(op, 'inverted', describeValue(inverted), 'a boolean');
  const [h, w, c] = x.shape;
  const v = x.dataSync();
  // Math.fround keeps TF.js's float32 rounding of each weighted sum.
  const gray = Array.from({ length: h * w }, (_, i) => (c === 1 ? v[i] : Math.fround(Math.fround(Math.fround(v[3 * i] * LUMA[0]) + Math.fround(v[3 * i + 1] * LUMA[1])) + Math.fround(v[3 * i + 2] * LUMA[2]))));
  let level = Math.fround(assertFiniteNumber(op, 'threshValue', threshValue) * 255);
  if (method === 'otsu') {
    const histogram = new Array<number>(256).fill(0);
    for (const g of gray) {
      // Half to even, as tf.round.
      const bin = g - Math.floor(g) === 0.5 ? 2 * Math.round(g / 2) : Math.round(g);
      if (bin >= 0 && bin < 256) histogram[bin]++;
    }
    level = otsuLevel(histogram, h * w);
  }
  return tensor(gray.map((g) => ((inverted ? g <= level : g > level) ? 255 : 0)), [h, w, 1], 'int32') as Tensor<Rank.R3>;
}
