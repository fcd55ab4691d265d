import { assertFloatTensor } from '../../tensor/checks';
import { isFloatDtype, type Tensor } from '../../tensor/tensor';
import type { Rank } from '../../tensor/value-types';
import { argError } from '../../util/validate';
import { mul } from '../binary';
import { cast } from '../cast';
import { tensor } from '../creation';
import { sum } from '../reduction';
import { reverse } from '../reverse';
import { tile } from '../tile';
import { toTensor, type TensorLike } from '../tensor-like';

// tf.image's pixel rearrangements: mirroring and the conversions between RGB and grayscale channels.

/** A batch of images mirrored left to right (along the width axis), as tf.image.flipLeftRight; float images only, as TF.js. */
export function flipLeftRight(image: Tensor<Rank.R4> | TensorLike): Tensor<Rank.R4> {
  const x = toTensor('flipLeftRight', 'image', image);
  if (x.rank !== 4) throw argError('flipLeftRight', 'image', `rank ${x.rank}`, 'rank 4 ([batch, height, width, channels])');
  assertFloatTensor('flipLeftRight', 'image', x);
  return reverse(x, 2) as Tensor<Rank.R4>;
}

/** One channel from three (weights 0.2989, 0.5870, 0.1140), in the image's dtype, as tf.image.rgbToGrayscale. */
export function rgbToGrayscale<T extends Tensor>(image: T | TensorLike): T {
  const x = toTensor('rgbToGrayscale', 'image', image);
  if (x.rank < 2 || x.shape[x.rank - 1] !== 3) {
    throw argError('rgbToGrayscale', 'image', `shape [${x.shape.join(', ')}]`, 'rank >= 2 with 3 channels last');
  }
  const xf = isFloatDtype(x.dtype) ? x : cast(x, 'float32');
  const gray = sum(mul(xf, tensor([0.2989, 0.587, 0.114], [3], xf.dtype)), -1, true);
  return cast(gray, x.dtype) as T;
}

/** Three equal channels from one, as tf.image.grayscaleToRGB. */
export function grayscaleToRGB<T extends Tensor>(image: T | TensorLike): T {
  const x = toTensor('grayscaleToRGB', 'image', image);
  if (x.rank < 2 || x.shape[x.rank - 1] !== 1) {
    throw argError('grayscaleToRGB', 'image', `shape [${x.shape.join(', ')}]`, 'rank >= 2 with 1 channel last');
  }
  return tile(x, x.shape.map((_, i) => (i === x.rank - 1 ? 3 : 1))) as T;
}
