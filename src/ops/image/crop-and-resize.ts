import { isFloatDtype, Tensor } from '../../tensor/tensor';
import type { Tensor4D } from '../../tensor/tfjs-types';
import { assertRank } from '../../tensor/checks';
import { isRecording } from '../../tensor/tape';
import { argError, assertFiniteNumber, assertPositiveInt, describeValue, fmtShape, fmtValue } from '../../util/validate';
import { add, mul, sub } from '../binary';
import { cast } from '../cast';
import { concat } from '../concat';
import { matMul } from '../matmul';
import { scalar, tensor } from '../creation';
import { gather } from '../gather';
import { reshape } from '../reshape';
import { toTensor, toTensorBeside, type TensorLike } from '../tensor-like';
import { where } from '../where';

/** Where one crop cell samples the image: four flat pixel rows and their weights, or the extrapolation value. */
interface Samples {
  rows: Int32Array;
  weights: Float64Array;
  /** 1 where the cell falls outside its image. */
  outside: Uint8Array;
  /** The row and column of each cell's top-left tap (0 outside). */
  top: Float64Array;
  left: Float64Array;
}

/** TF.js's sampling positions along one axis of a box from a to b (normalized) over size pixels, n cells. */
function position(a: number, b: number, size: number, n: number, i: number): number {
  return n > 1 ? a * (size - 1) + i * ((b - a) * (size - 1) / (n - 1)) : 0.5 * (a + b) * (size - 1);
}

function samples(boxes: ArrayLike<number>, boxInd: ArrayLike<number>, shape: readonly number[], [ch, cw]: [number, number], nearest: boolean): Samples {
  const [, h, w] = shape;
  const cells = boxInd.length * ch * cw;
  const s: Samples = { rows: new Int32Array(cells * 4), weights: new Float64Array(cells * 4), outside: new Uint8Array(cells), top: new Float64Array(cells), left: new Float64Array(cells) };
  let cell = 0;
  for (let n = 0; n < boxInd.length; n++) {
    const [y1, x1, y2, x2] = [boxes[4 * n], boxes[4 * n + 1], boxes[4 * n + 2], boxes[4 * n + 3]];
    for (let y = 0; y < ch; y++) {
      const yi = position(y1, y2, h, ch, y);
      for (let x = 0; x < cw; x++, cell++) {
        const xi = position(x1, x2, w, cw, x);
        if (yi < 0 || yi > h - 1 || xi < 0 || xi > w - 1) {
          s.outside[cell] = 1;
          continue;
        }
        // Written element by element: a few small arrays made per cell took most of a crop's time.
        const base = boxInd[n] * h * w;
        const top = nearest ? Math.round(yi) : Math.floor(yi);
        const left = nearest ? Math.round(xi) : Math.floor(xi);
        const bottom = nearest ? top : Math.ceil(yi);
        const right = nearest ? left : Math.ceil(xi);
        const dy = nearest ? 0 : yi - top;
        const dx = nearest ? 0 : xi - left;
        const at = 4 * cell;
        s.rows[at] = base + top * w + left;
        s.rows[at + 1] = base + top * w + right;
        s.rows[at + 2] = base + bottom * w + left;
        s.rows[at + 3] = base + bottom * w + right;
        s.weights[at] = (1 - dy) * (1 - dx);
        s.weights[at + 1] = (1 - dy) * dx;
        s.weights[at + 2] = dy * (1 - dx);
        s.weights[at + 3] = dy * dx;
        s.top[cell] = top;
        s.left[cell] = left;
      }
    }
  }
  return s;
}

/** Each box's sampling positions along one axis ([numBoxes, n]) as an op of the boxes: position() as a product. */
function positions(boxes: Tensor, first: number, size: number, n: number): Tensor {
  const coef = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    const t = n > 1 ? i / (n - 1) : 0.5;
    [coef[first * n + i], coef[(first + 2) * n + i]] = [(1 - t) * (size - 1), t * (size - 1)];
  }
  return matMul(boxes, tensor(coef, [4, n], boxes.dtype));
}

/**
 * The bilinear weights as ops of the boxes, [cells, 4, 1]: dy = y(boxes) − top and dx likewise, with the taps held
 * where the host put them, as TensorFlow's CropAndResizeGradBoxes differentiates them.
 */
function boxWeights(boxes: Tensor, s: Samples, [, h, w]: readonly number[], [ch, cw]: [number, number]): Tensor {
  const n = boxes.shape[0];
  const fixed = (v: Float64Array) => tensor(v, [n, ch, cw], boxes.dtype);
  const dy = reshape(sub(reshape(positions(boxes, 0, h, ch), [n, ch, 1]), fixed(s.top)), [-1, 1]);
  const dx = reshape(sub(reshape(positions(boxes, 1, w, cw), [n, 1, cw]), fixed(s.left)), [-1, 1]);
  const [uy, ux] = [sub(1, dy), sub(1, dx)];
  return reshape(concat([mul(uy, ux), mul(uy, dx), mul(dy, ux), mul(dy, dx)], 1), [-1, 4, 1]);
}

/**
 * Crops boxes out of images and resizes each to cropSize, as tf.image.cropAndResize(image, boxes, boxInd, cropSize,
 * method = 'bilinear', extrapolationValue = 0): image [batch, h, w, d], boxes [n, 4] of normalized [y1, x1, y2, x2],
 * boxInd [n] the image of each box; a cell outside its image takes extrapolationValue. The result, [n, cropH,
 * cropW, d] float32, is made of gathers of the image and so differentiable with respect to it; bilinear crops also
 * with respect to the boxes, as TensorFlow's (TF.js has no gradient for either).
 */
export function cropAndResize(
  image: Tensor | TensorLike, boxes: Tensor | TensorLike, boxInd: Tensor | TensorLike, cropSize: [number, number],
  method?: 'bilinear' | 'nearest', extrapolationValue?: number,
): Tensor4D {
  method ??= 'bilinear'; extrapolationValue ??= 0;
  const op = 'cropAndResize';
  const img = toTensor(op, 'image', image);
  const b = toTensorBeside(op, 'boxes', boxes, [img]);
  const ind = toTensor(op, 'boxInd', boxInd, 'int32');
  assertRank(op, 'image', img, 4);
  if (b.rank !== 2 || b.shape[1] !== 4) throw argError(op, 'boxes', `shape ${fmtShape(b.shape)}`, 'shape [numBoxes, 4]');
  if (ind.rank !== 1 || ind.shape[0] !== b.shape[0]) throw argError(op, 'boxInd', `shape ${fmtShape(ind.shape)}`, `shape [${b.shape[0]}] (one per box)`);
  if (!Array.isArray(cropSize) || cropSize.length !== 2) throw argError(op, 'cropSize', describeValue(cropSize), '[cropHeight, cropWidth]');
  const size: [number, number] = [assertPositiveInt(op, 'cropSize[0]', cropSize[0]), assertPositiveInt(op, 'cropSize[1]', cropSize[1])];
  if (method !== 'bilinear' && method !== 'nearest') throw argError(op, 'method', fmtValue(method), "'bilinear' or 'nearest'");
  assertFiniteNumber(op, 'extrapolationValue', extrapolationValue);
  const [batch, , , depth] = img.shape;
  const which = ind.hostValues();
  which.forEach((v, i) => {
    if (!(v >= 0 && v < batch)) throw argError(op, `boxInd[${i}]`, String(v), `an image index in [0, ${batch - 1}]`);
  });
  const s = samples(b.hostValues(), which, img.shape, size, method === 'nearest');
  const cells = s.outside.length;
  const x = isFloatDtype(img.dtype) ? img : cast(img, 'float32');
  const picked = gather(reshape(x, [-1, depth]), new Tensor([cells * 4], 'int32', s.rows));
  const hostWeights = tensor(s.weights, [cells, 4, 1], x.dtype);
  // The boxes' part, added as (weights as ops) − (their values): zero, so the result keeps the host's weights to the
  // last bit, while the tape differentiates the boxes through it (again too). Only while a gradient is taken.
  const fromBoxes = method === 'bilinear' && isFloatDtype(b.dtype) && isRecording() ? boxWeights(b, s, img.shape, size) : null;
  const weights = fromBoxes ? add(hostWeights, cast(sub(fromBoxes, new Tensor(fromBoxes.shape, fromBoxes.dtype, fromBoxes.dataSync().slice())), x.dtype)) : hostWeights;
  // Outside cells gather a dummy row with weight 0; selecting extrapolationValue there, rather than adding it, keeps
  // an Infinity or NaN in that row out of them (∞·0 is NaN).
  const outside = new Tensor([cells, 1], 'bool', s.outside);
  // Each cell's four taps weighted and summed as one [1, 4] × [4, depth] product (a batch of tiny products is one
  // loop): a product then a sum over the middle axis took three passes.
  const blended = reshape(matMul(weights, reshape(picked, [cells, 4, depth]), true), [cells, depth]);
  const out = where(outside, scalar(extrapolationValue, x.dtype), blended);
  return reshape(out, [b.shape[0], size[0], size[1], depth]) as Tensor4D;
}
