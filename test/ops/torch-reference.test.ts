import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// An independent check of tessera's autodiff: PyTorch's float64 autograd (torch-reference/make_reference.py wrote
// reference.json) gave, for seeded inputs away from kinks and ties, each op's forward value, the gradient of
// L1 = Σ w·f, the Hessian-vector products of L1 and of L2 = Σ w·f² in direction v, and L2's third derivative along v
// twice. Here the same ops run through tn.grads (the HVP as the gradient of ⟨∇L, v⟩, the third as the gradient of
// ⟨HVP, v⟩) and must agree to 1e-9 relative to each array's largest entry.

interface Stored { shape: number[]; dtype: 'float64' | 'int32'; values: number[] }
interface RefCase {
  name: string; inputs: Stored[]; diff: number[]; outputs: { shape: number[]; values: number[] }[];
  weights: number[][]; directions: number[][]; grad: number[][]; hvp1: number[][]; hvp2: number[][]; third: number[][];
}
type Op = (...xs: tn.Tensor[]) => tn.Tensor | tn.Tensor[];

const fixture = (file: string) => (JSON.parse(readFileSync(new URL(`./torch-reference/${file}`, import.meta.url), 'utf8')) as { cases: RefCase[] }).cases;
const reference = { cases: [...fixture('reference.json'), ...fixture('reference2.json'), ...fixture('reference3.json')] };
const TOL = 1e-9;

const unary: Record<string, (x: tn.Tensor) => tn.Tensor> = {
  neg: tn.neg, abs: tn.abs, exp: tn.exp, log: tn.log, sqrt: tn.sqrt, square: tn.square, relu: tn.relu, sigmoid: tn.sigmoid,
  tanh: tn.tanh, reciprocal: tn.reciprocal, sin: tn.sin, cos: tn.cos, tan: tn.tan, asin: tn.asin, acos: tn.acos, atan: tn.atan,
  sinh: tn.sinh, cosh: tn.cosh, asinh: tn.asinh, acosh: tn.acosh, atanh: tn.atanh, rsqrt: tn.rsqrt, log1p: tn.log1p,
  expm1: tn.expm1, erf: tn.erf, elu: tn.elu, selu: tn.selu, relu6: (x) => tn.relu6(tn.mul(x, 4)), softplus: tn.softplus,
  logSigmoid: tn.logSigmoid, leakyRelu: (x) => tn.leakyRelu(x), 'leakyRelu_alpha0.3': (x) => tn.leakyRelu(x, 0.3),
  clipByValue: (x) => tn.clipByValue(x, -0.33, 0.47), sign_times_x: (x) => tn.mul(tn.sign(x), tn.square(x)),
  sigmoid_big: tn.sigmoid, tanh_big: tn.tanh, softplus_big: tn.softplus, logSigmoid_big: tn.logSigmoid, elu_big: tn.elu,
  selu_big: tn.selu, erf_big: (x) => tn.erf(tn.div(x, 8)),
  floor_round_ceil_zero: (x) => tn.add(tn.addN([tn.floor(x), tn.round(x), tn.ceil(x)]), tn.mul(x, 0)),
};
const binary: Record<string, (a: tn.Tensor, b: tn.Tensor) => tn.Tensor> = {
  add: tn.add, sub: tn.sub, mul: tn.mul, div: tn.div, pow: tn.pow, maximum: tn.maximum, minimum: tn.minimum,
  squaredDifference: tn.squaredDifference, atan2: tn.atan2, mod: tn.mod, divNoNan: tn.divNoNan, prelu: tn.prelu,
};
const pad = (name: string) => (name.includes('same') ? 'same' : 'valid');
const stride = (name: string) => (name.endsWith('_s2') ? 2 : 1);
const red = (name: string): [number | number[] | undefined, boolean] => {
  const m = /_(None|-?\d+|\[[-\d, ]+\])_(True|False)$/.exec(name);
  if (!m) throw new Error(`no axes in ${name}`);
  return [m[1] === 'None' ? undefined : (JSON.parse(m[1]) as number | number[]), m[2] === 'True'];
};
const CONV2D_T_SHAPE: Record<string, [number, number, number, number]> = {
  valid_s1: [2, 5, 4, 2], same_s1: [2, 3, 3, 2], valid_s2: [2, 7, 6, 2], same_s2: [2, 6, 6, 2],
};
const CONV3D_T_SHAPE: Record<string, [number, number, number, number, number]> = {
  valid_s1: [1, 3, 4, 3, 3], same_s1: [1, 2, 3, 2, 3], valid_s2: [1, 4, 6, 4, 3], same_s2: [1, 4, 6, 4, 3],
};
const EINSUM: Record<string, string> = {
  ij_jk: 'ij,jk->ik', bij_bjk: 'bij,bjk->bik', ij_ji: 'ij->ji', i_i: 'i,i->', ij_j_i: 'ij,j->i', bij_bkj_bik: 'bij,bkj->bik',
};
const norms: Record<string, tn.NormOrd> = { euclidean: 'euclidean', fro: 'fro', 1: 1, 2: 2, inf: Infinity, '-inf': -Infinity };
const fusedActivation: Record<string, tn.fused.Activation> = {
  linear: 'linear', relu: 'relu', elu: 'elu', relu6: 'relu6', sigmoid: 'sigmoid', leakyrelu: 'leakyrelu', prelu: 'prelu',
};

const AFFINE = [0.875, -0.25, 0.375, 0.25, 1.125, -0.3125, 0, 0];
const fusedConv = (activation: tn.fused.Activation): Op => (x, filter, bias, alpha) =>
  tn.fused.conv2d({ x, filter, bias, strides: 2, pad: 'same', activation, preluActivationWeights: alpha, leakyreluAlpha: 0.1 });
const resize = (size: [number, number], corners: boolean, half: boolean): Op => (x) => tn.image.resizeBilinear(x as tn.Tensor4D, size, corners, half);

/** Cases named one by one (the rest are found by their name's pattern in opFor). */
const named: Record<string, Op> = {
  logSumExp_huge: (x) => tn.logSumExp(x, 1),
  softmax_huge: (x) => tn.softmax(x),
  softmax_rank3: (x) => tn.softmax(x),
  logSoftmax_huge: (x) => tn.logSoftmax(x),
  prod_with_zero_all: (x) => tn.prod(x),
  prod_with_zero_axis1: (x) => tn.prod(x, 1),
  cumprod_with_zero: (x) => tn.cumprod(x),
  'losses.sigmoidCrossEntropy_big': (l, x) => tn.losses.sigmoidCrossEntropy(l, x),
  'losses.softmaxCrossEntropy_big': (l, x) => tn.losses.softmaxCrossEntropy(l, x),
  conv2d_NCHW: (x, f) => tn.conv2d(x, f, 1, 'same', 'NCHW'),
  conv2d_explicit_pad: (x, f) => tn.conv2d(x, f, [2, 1], [[0, 0], [1, 2], [2, 0], [0, 0]]),
  conv1d_s2_same_k4: (x, f) => tn.conv1d(x, f, 2, 'same'),
  depthwiseConv2d_mult1_s2: (x, f) => tn.depthwiseConv2d(x, f, 2, 'same'),
  'fused.conv2d_elu_s2': fusedConv('elu'),
  'fused.conv2d_leakyrelu_s2': fusedConv('leakyrelu'),
  'fused.conv2d_prelu_s2': fusedConv('prelu'),
  'fused.conv2d_sigmoid_s2': fusedConv('sigmoid'),
  pool_max_dilated_same: (x) => tn.pool(x, 2, 'max', 'same', 2),
  pool_max_dilated_valid: (x) => tn.pool(x, [2, 3], 'max', 'valid', [2, 1]),
  pool_avg_dilated_valid: (x) => tn.pool(x, 2, 'avg', 'valid', [2, 1]),
  dilation2d_same: (x, f) => tn.dilation2d(x, f, [1, 2], 'same', [2, 1]),
  dilation2d_valid: (x, f) => tn.dilation2d(x, f, [2, 1], 'valid'),
  resizeBilinear_up_False_False: resize([5, 4], false, false),
  resizeBilinear_up_True_False: resize([5, 4], true, false),
  resizeBilinear_up_False_True: resize([5, 4], false, true),
  resizeBilinear_down_False_False: resize([3, 3], false, false),
  resizeBilinear_down_True_False: resize([3, 3], true, false),
  resizeBilinear_down_False_True: resize([3, 3], false, true),
  basicLSTMCell: (k, b, d, c, h) => tn.basicLSTMCell(tn.scalar(1, 'float64'), tn.div(k, 2), b, d, c, h),
  movingAverage: (v, x) => tn.movingAverage(v, x, 0.6, 3),
  'linalg.bandPart': (x) => tn.linalg.bandPart(x, 1, 2),
  'linalg.gramSchmidt': (x) => tn.linalg.gramSchmidt(x) as tn.Tensor,
  diag: (x) => tn.diag(x),
  'image.flipLeftRight': (x) => tn.image.flipLeftRight(x as tn.Tensor4D),
  mean_negative_axes: (x) => tn.mean(x, [-1, -3]),
  norm_euclidean_axes12: (x) => tn.norm(x, 'euclidean', [1, 2]),
  moments_all: (x) => { const m = tn.moments(x); return [m.mean, m.variance]; },
  squaredDifference_rank0: (a, b) => tn.squaredDifference(a, b),
  'losses.softmaxCrossEntropy_soft_labels': (l, x) => tn.losses.softmaxCrossEntropy(l, x),
  where_broadcast: (c, a, b) => tn.where(tn.cast(c, 'bool'), a, b),
  prelu_alpha_per_channel: (x, a) => tn.prelu(x, a),
  pow_scalar_exponent: (a, b) => tn.pow(a, b),
  gather_negative_axis: (x, i) => tn.gather(x, i, -1),
  stridedSlice_masks: (x) => tn.stridedSlice(x, [1, 4, 1], [0, 0, 2], [1, -2, 1], 0, 1, 0, 0, 4),
  conv2dTranspose_same_s2_odd: (x, f) => tn.conv2dTranspose(x, f, [1, 7, 5, 2], 2, 'same'),
  separableConv2d_dilated: (x, d, pw) => tn.separableConv2d(x, d, pw, 1, 'same', 2),
  conv3d_dilated: (x, f) => tn.conv3d(x, f, 1, 'same', 'NDHWC', [2, 2, 1]),
  avgPool_s2_k3_same_odd: (x) => tn.avgPool(x, 3, 2, 'same'),
  maxPool_s2_k3_same_odd: (x) => tn.maxPool(x, 3, 2, 'same'),
  mul_self: (x) => tn.mul(x, x),
  matMul_self: (x) => tn.matMul(x, x),
  maximum_self: (x) => tn.maximum(x, x),
  conv2d_self_filter: (x) => tn.conv2d(x, x, 1, 'same'),
  sparseSoftmaxCrossEntropy: (l, x) => tn.sparseSoftmaxCrossEntropy(l, x),
  'linalg.qr_square': (x) => tn.linalg.qr(x),
  'linalg.qr_tall': (x) => tn.linalg.qr(x),
  sum_scalar: (x) => tn.mul(tn.sum(x), x),
  max_scalar: (x) => tn.mul(tn.max(x), x),
  prod_size1_axis: (x) => tn.prod(x, 1),
  softmax_1d: (x) => tn.softmax(x),
  logSumExp_1d: (x) => tn.logSumExp(x),
  sum_empty: (x) => tn.sum(x, 0),
  matMul_empty_k: (a, b) => tn.matMul(a, b),
  conv2d_filter_larger_same: (x, f) => tn.conv2d(x, f, 1, 'same'),
  maxPool_window_larger_same: (x) => tn.maxPool(x, 3, 1, 'same'),
  tile_rank3: (x) => tn.tile(x, [1, 4, 2]),
  resizeNearestNeighbor: (x) => tn.image.resizeNearestNeighbor(x as tn.Tensor4D, [5, 4]),
  // reference2.json (make_reference2.py)
  'image.cropAndResize_bilinear': (x, b, i) => tn.image.cropAndResize(x as tn.Tensor4D, b as tn.Tensor2D, i as tn.Tensor1D, [3, 4], 'bilinear', 0.5),
  'image.cropAndResize_nearest': (x, b, i) => tn.image.cropAndResize(x as tn.Tensor4D, b as tn.Tensor2D, i as tn.Tensor1D, [3, 4], 'nearest', 0.5),
  'image.cropAndResize_single_cell': (x, b, i) => tn.image.cropAndResize(x as tn.Tensor4D, b as tn.Tensor2D, i as tn.Tensor1D, [1, 1]),
  'image.cropAndResize_boxes': (x, b, i) => tn.image.cropAndResize(x as tn.Tensor4D, b as tn.Tensor2D, i as tn.Tensor1D, [3, 4], 'bilinear', 0.5),
  'image.cropAndResize_boxes_single_cell': (x, b, i) => tn.image.cropAndResize(x as tn.Tensor4D, b as tn.Tensor2D, i as tn.Tensor1D, [1, 1]),
  'image.rotateWithOffset': (x) => tn.image.rotateWithOffset(x as tn.Tensor4D, 0.4, 0.25),
  'image.transform_bilinear': (x) => tn.image.transform(x as tn.Tensor4D, tn.tensor2d([AFFINE]), 'bilinear', 'constant', 0.5),
  'image.transform_nearest': (x) => tn.image.transform(x as tn.Tensor4D, tn.tensor2d([AFFINE]), 'nearest', 'constant', 0.5),
  'image.rgbToGrayscale': (x) => tn.image.rgbToGrayscale(x),
  'image.grayscaleToRGB': (x) => tn.image.grayscaleToRGB(x),
  scatterND: (i, u) => tn.scatterND(i, u, [5, 2]),
  tensorScatterUpdate: (t, i, u) => tn.tensorScatterUpdate(t, i, u),
  sparseToDense: (i, v) => tn.sparseToDense(i, v, [5]),
  'signal.frame': (x) => tn.signal.frame(x, 4, 3),
  meshgrid: (x, y) => tn.meshgrid(x, y),
  multiRNNCell: (k1, b1, k2, b2, data, c1, c2, h1, h2) => {
    const cell = (k: tn.Tensor, b: tn.Tensor) => (d: tn.Tensor, c: tn.Tensor, h: tn.Tensor) => tn.basicLSTMCell(tn.scalar(1, 'float64'), tn.div(k, 2), b, d, c, h);
    const [cs, hs] = tn.multiRNNCell([cell(k1, b1), cell(k2, b2)], data, [c1, c2], [h1, h2]);
    return [...cs, ...hs];
  },
  // reference3.json (make_reference3.py): complex values as their real and imaginary parts.
  'spectral.fft': (re, im) => parts(tn.spectral.fft(tn.complex(re, im))),
  'spectral.fft_len8': (re, im) => parts(tn.spectral.fft(tn.complex(re, im))),
  'spectral.ifft': (re, im) => parts(tn.spectral.ifft(tn.complex(re, im))),
  'spectral.rfft_odd': (x) => parts(tn.spectral.rfft(x)),
  'spectral.rfft_even': (x) => parts(tn.spectral.rfft(x)),
  'spectral.rfft_shorter': (x) => parts(tn.spectral.rfft(x, 4)),
  'spectral.rfft_longer': (x) => parts(tn.spectral.rfft(x, 9)),
  'spectral.irfft': (re, im) => tn.spectral.irfft(tn.complex(re, im)),
  'spectral.abs_rfft_squared': (x) => tn.square(tn.abs(tn.spectral.rfft(x))),
  'signal.stft': (x) => parts(tn.signal.stft(x, 8, 4, 8)),
  'signal.stft_odd_frame': (x) => parts(tn.signal.stft(x, 5, 3, 6)),
  'complex.mul': (ar, ai, br, bi) => parts(tn.mul(tn.complex(ar, ai), tn.complex(br, bi))),
  'complex.abs': (re, im) => tn.abs(tn.complex(re, im)),
  'complex.add_sub_real': (re, im, r) => parts(tn.sub(tn.add(tn.complex(re, im), r), tn.mul(tn.complex(r, re), tn.complex(im, r)))),
};

/** A complex tensor as its [real, imaginary] parts. */
function parts(z: tn.Tensor): tn.Tensor[] {
  return [tn.real(z), tn.imag(z)];
}

/** The tessera op a case names (the same names as make_reference.py's). */
function opFor(name: string): Op {
  if (name in named) return named[name];
  if (name in unary) return unary[name];
  const bin = /^(\w+)_(same|broadcast)$/.exec(name);
  if (bin && bin[1] in binary) return binary[bin[1]];
  const [kind, ...rest] = name.split('_');
  const tail = rest.join('_');
  const p = pad(name);
  const s = stride(name);
  switch (kind) {
    case 'sum': case 'mean': case 'max': case 'min': case 'prod': case 'logSumExp': {
      const [axes, keep] = red(name);
      return (x) => tn[kind](x, axes, keep);
    }
    case 'moments': {
      const [axes, keep] = red(name);
      return (x) => { const m = tn.moments(x, axes, keep); return [m.mean, m.variance]; };
    }
    case 'norm': {
      const ord = norms[rest[0]];
      if (tail.endsWith('_all')) return (x) => tn.norm(x, ord);
      if (tail.endsWith('_axis1_keep')) return (x) => tn.norm(x, ord, 1, true);
      return (x) => tn.norm(x, ord, [0, 1]);
    }
    case 'softmax': return (x) => tn.softmax(x, name.endsWith('dim1') ? 1 : -1);
    case 'logSoftmax': return (x) => tn.logSoftmax(x, name.endsWith('dim1') ? 1 : -1);
    case 'cumsum': case 'cumprod': {
      const [axis, exclusive, reverse] = [Number(rest[0]), rest[1] === 'True', rest[2] === 'True'];
      return (x) => tn[kind](x, axis, exclusive, reverse);
    }
    case 'matMul': {
      if (tail === 'batch_broadcast') return (a, b) => tn.matMul(a, b);
      const [ta, tb] = rest.slice(-2).map((t) => t === 'True');
      return (a, b) => tn.matMul(a, b, ta, tb);
    }
    case 'fused.matMul':
      if (tail === 'transposes') return (a, b, bias) => tn.fused.matMul({ a, b, bias, transposeA: true, transposeB: true, activation: 'relu' });
      return (a, b, bias, alpha) =>
        tn.fused.matMul({ a, b, bias, activation: fusedActivation[tail], preluActivationWeights: alpha, leakyreluAlpha: 0.1 });
    case 'conv2d':
      if (tail === 'rank3') return (x, f) => tn.conv2d(x, f, 1, 'same');
      if (tail.endsWith('dilated')) return (x, f) => tn.conv2d(x, f, 1, p, 'NHWC', 2);
      if (tail.endsWith('s21')) return (x, f) => tn.conv2d(x, f, [2, 1], p);
      return (x, f) => tn.conv2d(x, f, s, p);
    case 'conv1d':
      if (tail.endsWith('dilated')) return (x, f) => tn.conv1d(x, f, 1, p, 'NWC', 2);
      return (x, f) => tn.conv1d(x, f, s, p);
    case 'conv3d': return (x, f) => tn.conv3d(x, f, s, p);
    case 'depthwiseConv2d':
      if (tail.endsWith('dilated')) return (x, f) => tn.depthwiseConv2d(x, f, 1, p, 'NHWC', 2);
      return (x, f) => tn.depthwiseConv2d(x, f, s, p);
    case 'separableConv2d': return (x, d, pw) => tn.separableConv2d(x, d, pw, s, p);
    case 'conv2dTranspose': return (x, f) => tn.conv2dTranspose(x, f, CONV2D_T_SHAPE[tail], s, p);
    case 'conv3dTranspose': return (x, f) => tn.conv3dTranspose(x, f, CONV3D_T_SHAPE[tail], s, p);
    case 'avgPool': return (x) => tn.avgPool(x, [3, 2], s, p);
    case 'maxPool': return (x) => tn.maxPool(x, [3, 2], s, p);
    case 'avgPool3d': return (x) => tn.avgPool3d(x, [2, 3, 2], s, p);
    case 'maxPool3d': return (x) => tn.maxPool3d(x, [2, 3, 2], s, p);
    case 'fused.conv2d': return (x, filter, bias) => tn.fused.conv2d({ x, filter, bias, strides: 1, pad: p, activation: 'relu' });
    case 'fused.depthwiseConv2d': return (x, filter, bias) => tn.fused.depthwiseConv2d({ x, filter, bias, strides: 1, pad: p, activation: 'relu' });
    case 'batchNorm':
      if (tail === '4d') return (x, m, v, o, sc) => tn.batchNorm(x, m, v, o, sc);
      return (x, m, v) => tn.batchNorm(x, m, v);
    case 'localResponseNormalization':
      return tail === 'defaults' ? (x) => tn.localResponseNormalization(x) : (x) => tn.localResponseNormalization(x, 2, 1, 0.5, 0.75);
    case 'losses.absoluteDifference':
      return tail === 'weights' ? (l, pr, w) => tn.losses.absoluteDifference(l, pr, w) : (l, pr) => tn.losses.absoluteDifference(l, pr);
    case 'losses.meanSquaredError':
      if (tail === 'weights_sum') return (l, pr, w) => tn.losses.meanSquaredError(l, pr, w, tn.Reduction.SUM);
      if (tail === 'weights_mean') return (l, pr, w) => tn.losses.meanSquaredError(l, pr, w, tn.Reduction.MEAN);
      if (tail === 'none') return (l, pr) => tn.losses.meanSquaredError(l, pr, undefined, tn.Reduction.NONE);
      return (l, pr) => tn.losses.meanSquaredError(l, pr);
    case 'losses.huberLoss': return (l, pr) => tn.losses.huberLoss(l, pr, undefined, tail === 'delta0.5' ? 0.5 : undefined);
    case 'losses.hingeLoss': return (l, pr) => tn.losses.hingeLoss(l, pr);
    case 'losses.logLoss': return (l, pr) => tn.losses.logLoss(l, pr);
    case 'losses.cosineDistance': return (l, pr) => tn.losses.cosineDistance(l, pr, 1);
    case 'losses.sigmoidCrossEntropy': return (l, x) => tn.losses.sigmoidCrossEntropy(l, x, undefined, tail === 'smoothing' ? 0.2 : 0);
    case 'losses.softmaxCrossEntropy': return (l, x) => tn.losses.softmaxCrossEntropy(l, x, undefined, tail === 'smoothing' ? 0.2 : 0);
    case 'losses.computeWeightedLoss': return (l, w) => tn.losses.computeWeightedLoss(l, w);
    case 'pow': return (a, b) => tn.pow(a, b);
    case 'addN': return (a, b, c) => tn.addN([a, b, c]);
    case 'where': return (c, a, b) => tn.where(tn.cast(c, 'bool'), a, b);
    case 'euclideanNorm': return (x) => tn.euclideanNorm(x, 0);
    case 'dot': return (a, b) => tn.dot(a, b);
    case 'outerProduct': return (a, b) => tn.outerProduct(a, b);
    case 'einsum': return (...xs) => tn.einsum(EINSUM[tail], ...xs);
    case 'slice': return (x) => tn.slice(x, [1, 0, 1], [2, 3, 1]);
    case 'stridedSlice': return (x) => tn.stridedSlice(x, [0, 1, 0], [3, 4, 2], [2, 2, 1]);
    case 'gather':
      if (tail === 'axis0') return (x, i) => tn.gather(x, i);
      return tail === 'axis1' ? (x, i) => tn.gather(x, i, 1) : (x, i) => tn.gather(x, i, 1, 1);
    case 'gatherND': return (x, i) => tn.gatherND(x, i);
    case 'unsortedSegmentSum': return (x, sid) => tn.unsortedSegmentSum(x, sid, 3);
    case 'concat': return (...xs) => tn.concat(xs, tail === 'axis1' ? 1 : 0);
    case 'stack': return (a, b) => tn.stack([a, b], 1);
    case 'split': return (x) => tn.split(x, [1, 2, 3], 1);
    case 'unstack': return (x) => tn.unstack(x);
    case 'pad': return (x) => tn.pad(x, [[1, 0], [2, 1]], 0.5);
    case 'mirrorPad':
      return tail === 'reflect' ? (x) => tn.mirrorPad(x, [[1, 2], [2, 1]], 'reflect') : (x) => tn.mirrorPad(x, [[2, 1], [0, 3]], 'symmetric');
    case 'tile': return (x) => tn.tile(x, [2, 3]);
    case 'reverse': return (x) => tn.reverse(x, [0, 2]);
    case 'transpose': return (x) => tn.transpose(x, [2, 0, 1]);
    case 'reshape': return (x) => tn.reshape(x, [4, 6]);
    case 'expandDims': return (x) => { const y = tn.expandDims(tn.squeeze(x, [1]), 0); return tn.mul(y, y); };
    case 'broadcastTo': return (x) => tn.broadcastTo(x, [2, 3, 4]);
    case 'topk': return (x) => tn.topk(x, 2).values;
    case 'spaceToBatchND': return (x) => tn.spaceToBatchND(x, [2, 2], [[0, 0], [0, 0]]);
    case 'batchToSpaceND': return (x) => tn.batchToSpaceND(x, [2, 2], [[0, 0], [0, 0]]);
    case 'depthToSpace': return (x) => tn.depthToSpace(x, 2);
    default: throw new Error(`torch-reference: no tessera op for case ${name}`);
  }
}

const f64 = (values: number[], shape: number[]) => tn.tensor(values, shape, 'float64');

/** Largest |a − b| over 1 + the reference's largest |entry|, with where it was. */
function relError(actual: ArrayLike<number>, expected: number[]): [number, number] {
  const scale = 1 + expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let worst = 0;
  let at = -1;
  if (actual.length !== expected.length) return [Infinity, -1];
  expected.forEach((e, i) => {
    const err = Math.abs(actual[i] - e) / scale;
    if (!(err <= worst)) [worst, at] = [err, i];
  });
  return [worst, at];
}

/** Each quantity's worst relative error against PyTorch, for one case. */
function compareWithTorch(c: RefCase): Record<string, number> {
  return tn.tidy(() => {
    const op = opFor(c.name);
    const consts = c.inputs.map((s) => tn.tensor(s.values, s.shape, s.dtype));
    const call = (xs: tn.Tensor[]): tn.Tensor[] => {
      const args = [...consts];
      c.diff.forEach((k, j) => { args[k] = xs[j]; });
      const out = op(...args);
      return Array.isArray(out) ? out : [out];
    };
    const weights = c.outputs.map((o, j) => f64(c.weights[j], o.shape));
    const dirs = c.diff.map((k, j) => f64(c.directions[j], c.inputs[k].shape));
    const loss = (power: 1 | 2) => (...xs: tn.Tensor[]) =>
      tn.addN(call(xs).map((y, j) => tn.sum(tn.mul(weights[j], power === 1 ? y : tn.square(y)))));
    // ⟨∇L, v⟩ of a linear op does not depend on x, which tn.grads refuses as TF.js does: the Σ x·0 term keeps it
    // connected, so its Hessian comes out as zeros.
    const hvp = (power: 1 | 2) =>
      tn.grads((...xs: tn.Tensor[]) =>
        tn.addN(tn.grads(loss(power))(xs).flatMap((g, j) => [tn.sum(tn.mul(g, dirs[j])), tn.sum(tn.mul(xs[j], 0))])),
      )(c.diff.map((k) => consts[k]));
    const errors: Record<string, number> = {};
    const note = (what: string, got: tn.Tensor[], want: number[][]) => {
      got.forEach((t, j) => {
        if (t.dtype !== 'float64') throw new Error(`${c.name}: ${what}[${j}] is ${t.dtype}`);
        errors[`${what}[${j}]`] = relError(t.dataSync(), want[j])[0];
      });
    };
    note('forward', call(c.diff.map((k) => consts[k])), c.outputs.map((o) => o.values));
    note('grad', tn.grads(loss(1))(c.diff.map((k) => consts[k])), c.grad);
    note('hvp1', hvp(1), c.hvp1);
    note('hvp2', hvp(2), c.hvp2);
    const connected = (xs: tn.Tensor[], ts: tn.Tensor[]) => tn.addN(ts.flatMap((t, j) => [tn.sum(tn.mul(t, dirs[j])), tn.sum(tn.mul(xs[j], 0))]));
    const third = tn.grads((...xs: tn.Tensor[]) =>
      connected(xs, tn.grads((...ys: tn.Tensor[]) => connected(ys, tn.grads(loss(2))(ys)))(xs)),
    )(c.diff.map((k) => consts[k]));
    note('third', third, c.third);
    return errors;
  });
}

describe('autodiff agrees with PyTorch float64 autograd (first derivatives and Hessian-vector products)', () => {
  it('the fixture holds the cases this test knows', () => {
    expect(reference.cases.length).toBeGreaterThan(200);
  });
  for (const c of reference.cases) {
    it(c.name, () => {
      const errors = compareWithTorch(c);
      const bad = Object.entries(errors).filter(([, e]) => !(e <= TOL));
      expect(bad).toEqual([]);
    });
  }
});

/** A case's fixture by name. */
const refCase = (name: string): RefCase => {
  const c = reference.cases.find((r) => r.name === name);
  if (!c) throw new Error(`no case ${name} in reference.json`);
  return c;
};
const expectClose = (got: tn.Tensor, want: number[]) => {
  expect(got.dtype).toBe('float64');
  expect(relError(got.dataSync(), want)[0]).toBeLessThanOrEqual(TOL);
};
/** A one-output case's L1 = Σ w·f as a function of its differentiable inputs, the others fixed. */
function lossOf(c: RefCase): (...xs: tn.Tensor[]) => tn.Tensor {
  const op = opFor(c.name);
  return (...xs) => {
    const args = c.inputs.map((s) => tn.tensor(s.values, s.shape, s.dtype));
    c.diff.forEach((k, j) => { args[k] = xs[j]; });
    const y = op(...args) as tn.Tensor;
    return tn.sum(tn.mul(f64(c.weights[0], c.outputs[0].shape), y));
  };
}
const diffInputs = (c: RefCase) => c.diff.map((k) => f64(c.inputs[k].values, c.inputs[k].shape));
const l1Value = (c: RefCase) => c.outputs[0].values.reduce((acc, y, i) => acc + c.weights[0][i] * y, 0);

describe('every gradient entry point gives PyTorch\'s gradients', () => {
  it('tn.grad and tn.valueAndGrad (softplus; tanh at |x| up to 40)', () => {
    for (const name of ['softplus', 'tanh_big']) {
      const c = refCase(name);
      const f = lossOf(c);
      expectClose(tn.grad((x) => f(x))(diffInputs(c)[0]), c.grad[0]);
      const { value, grad } = tn.valueAndGrad((x) => f(x))(diffInputs(c)[0]);
      expect(Math.abs(value.dataSync()[0] - l1Value(c))).toBeLessThan(1e-12 * (1 + Math.abs(l1Value(c))));
      expectClose(grad, c.grad[0]);
    }
  });

  it('tn.grads with dy: the upstream gradient of a non-scalar f (conv2d_same_s2, dy = the weights)', () => {
    const c = refCase('conv2d_same_s2');
    const op = opFor(c.name);
    const grads = tn.grads((x, f) => op(x, f) as tn.Tensor)(diffInputs(c), f64(c.weights[0], c.outputs[0].shape));
    grads.forEach((g, j) => expectClose(g, c.grad[j]));
  });

  it('tn.valueAndGrads (matMul with both transposes)', () => {
    const c = refCase('matMul_batched_True_True');
    const { value, grads } = tn.valueAndGrads(lossOf(c))(diffInputs(c));
    expect(Math.abs(value.dataSync()[0] - l1Value(c))).toBeLessThan(1e-12 * (1 + Math.abs(l1Value(c))));
    grads.forEach((g, j) => expectClose(g, c.grad[j]));
  });

  it('tn.variableGrads and optimizer.minimize over float64 variables (fused.matMul with prelu)', () => {
    const c = refCase('fused.matMul_prelu');
    const f = lossOf(c);
    const vars = diffInputs(c).map((x, j) => tn.variable(x, true, `torchref_${j}`));
    const { value, grads } = tn.variableGrads(() => f(...vars));
    expect(Math.abs(value.dataSync()[0] - l1Value(c))).toBeLessThan(1e-12 * (1 + Math.abs(l1Value(c))));
    vars.forEach((v, j) => expectClose(grads[v.name], c.grad[j]));
    const lr = 0.125;
    const cost = tn.train.sgd(lr).minimize(() => f(...vars), true, vars);
    expect(Math.abs((cost?.dataSync()[0] ?? NaN) - l1Value(c))).toBeLessThan(1e-12 * (1 + Math.abs(l1Value(c))));
    vars.forEach((v, j) => expectClose(v, c.inputs[c.diff[j]].values.map((x, i) => x - lr * c.grad[j][i])));
    vars.forEach((v) => v.dispose());
  });

  it('tn.customGrad: a gradFunc made of ops is differentiated again (softplus with dy·σ(x))', () => {
    const c = refCase('softplus');
    // As TF.js types it: the inputs and save arrive as one rest parameter.
    const softplus = tn.customGrad((...args: (tn.Tensor | tn.GradSaveFunc)[]) => {
      const [x, save] = args as [tn.Tensor, tn.GradSaveFunc];
      save([x]);
      return { value: tn.log1p(tn.exp(x)), gradFunc: (dy: tn.Tensor, [sx]: tn.Tensor[]) => [tn.mul(dy, tn.sigmoid(sx))] };
    });
    const w = f64(c.weights[0], c.outputs[0].shape);
    const v = f64(c.directions[0], c.inputs[0].shape);
    const x = diffInputs(c)[0];
    const l1 = (t: tn.Tensor) => tn.sum(tn.mul(w, softplus(t)));
    expectClose(tn.grad(l1)(x), c.grad[0]);
    expectClose(tn.grad((t) => tn.sum(tn.mul(tn.grad(l1)(t), v)))(x), c.hvp1[0]);
    const l2 = (t: tn.Tensor) => tn.sum(tn.mul(w, tn.square(softplus(t))));
    expectClose(tn.grad((t) => tn.sum(tn.mul(tn.grad(l2)(t), v)))(x), c.hvp2[0]);
  });
});
