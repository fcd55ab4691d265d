import { Tensor, type DType } from '../tensor/tensor';
import { assertComplexOrReal, isComplex } from '../tensor/checks';
import { argError, assertPositiveInt, withArticle } from '../util/validate';
import { add, mul, sub } from './binary';
import { complexInput } from './complex';
import { complexOf, imagPart, realPart } from './complex-parts';
import { concat } from './concat';
import { zeros } from './creation';
import { matMul } from './matmul';
import { addTensorMethods } from './method-table';
import { reshape } from './reshape';
import { reverse } from './reverse';
import { slice } from './slice';
import { transpose } from './transpose';
import { neg } from './unary';

// tf.spectral: discrete Fourier transforms over the innermost axis, made of real ops on the parts (products with the
// DFT's cos and sin matrices), so they run on every backend and their gradients are made of differentiable ops.

/** Lengths up to this are one product with the n×n DFT matrices; longer ones are split (four-step Cooley–Tukey). */
const DIRECT = 1024;
/** A longer length with no factor to split it by (a prime) is refused: its matrices would not fit in memory. */
const PRIME_LIMIT = 4096;

/** cos and sin of 2πr/n, exact where r/n is a multiple of 1/4 (so irfft ignores the imaginary parts TF.js ignores). */
function unitRoot(r: number, n: number): [number, number] {
  if ((4 * r) % n === 0) return [[1, 0], [0, 1], [-1, 0], [0, -1]][(4 * r) / n] as [number, number];
  const a = (2 * Math.PI * r) / n;
  return [Math.cos(a), Math.sin(a)];
}

/** Matrices of cos and sin of 2π·j·k/n (rows j, columns k), rows × cols; the last few made are kept. */
const tables = new Map<string, [Float64Array, Float64Array]>();
function rootTable(rows: number, cols: number, n: number): [Float64Array, Float64Array] {
  const key = `${rows},${cols},${n}`;
  let table = tables.get(key);
  if (!table) {
    const c = new Float64Array(rows * cols);
    const s = new Float64Array(rows * cols);
    for (let j = 0; j < rows; j++) {
      for (let k = 0; k < cols; k++) [c[j * cols + k], s[j * cols + k]] = unitRoot((j * k) % n, n);
    }
    table = [c, s];
    if (tables.size >= 16) tables.delete(tables.keys().next().value as string);
    tables.set(key, table);
  }
  return table;
}

function constants(rows: number, cols: number, n: number, dtype: DType): [Tensor, Tensor] {
  const [c, s] = rootTable(rows, cols, n);
  const as = (v: Float64Array) => new Tensor([rows, cols], dtype, dtype === 'float64' ? Float64Array.from(v) : Float32Array.from(v));
  return [as(c), as(s)];
}

/** The largest factor of n up to sqrt(n) (1 for a prime). */
function splitFactor(n: number): number {
  for (let f = Math.floor(Math.sqrt(n)); f > 1; f--) if (n % f === 0) return f;
  return 1;
}

/**
 * The unnormalized DFT of rows of re + i·im ([rows, n]): sign -1 forward (e^{-2πijk/n}), +1 inverse. For a long n
 * = n1·n2: DFTs of length n1 down the columns of the [n1, n2] view, twiddle factors, DFTs of length n2 along rows.
 */
function dft(re: Tensor, im: Tensor, n: number, sign: 1 | -1): [Tensor, Tensor] {
  const n1 = n > DIRECT ? splitFactor(n) : 1;
  if (n1 === 1) {
    const [c, s] = constants(n, n, n, re.dtype);
    // (re + i·im)(c + i·sign·s)
    const [rs, is] = [matMul(re, s), matMul(im, s)];
    return sign < 0 ? [add(matMul(re, c), is), sub(matMul(im, c), rs)] : [sub(matMul(re, c), is), add(matMul(im, c), rs)];
  }
  const n2 = n / n1;
  const rows = re.shape[0];
  // x[j1·n2 + j2] as [rows, j2, j1], transformed over j1 to [rows, j2, k1].
  const columns = (t: Tensor) => reshape(transpose(reshape(t, [rows, n1, n2]), [0, 2, 1]), [rows * n2, n1]);
  let [yr, yi] = dft(columns(re), columns(im), n1, sign);
  const [c, s] = constants(n2, n1, n, re.dtype);
  const ws = sign < 0 ? neg(s) : s;
  [yr, yi] = [reshape(yr, [rows, n2, n1]), reshape(yi, [rows, n2, n1])];
  [yr, yi] = [sub(mul(yr, c), mul(yi, ws)), add(mul(yr, ws), mul(yi, c))];
  // [rows, k1, j2] transformed over j2 to [rows, k1, k2]; X[k1 + n1·k2] is at [rows, k2, k1].
  const along = (t: Tensor) => reshape(transpose(t, [0, 2, 1]), [rows * n1, n2]);
  [yr, yi] = dft(along(yr), along(yi), n2, sign);
  const out = (t: Tensor) => reshape(transpose(reshape(t, [rows, n1, n2]), [0, 2, 1]), [rows, n]);
  return [out(yr), out(yi)];
}

/** The length of x's innermost axis, which must exist and be non-empty (and not a long prime). */
function innerLength(op: string, x: Tensor): number {
  if (x.rank === 0) throw argError(op, 'input', 'a scalar', 'a tensor of rank >= 1 (the transform runs over its innermost axis)');
  const n = x.shape[x.rank - 1];
  if (n === 0) throw argError(op, 'input', 'an innermost axis of length 0', 'an innermost axis of length >= 1');
  return n;
}

function checkLength(op: string, arg: string, n: number): void {
  if (n > PRIME_LIMIT && splitFactor(n) === 1) throw argError(op, arg, `a transform length of ${n}, a prime`, `a length with a factor, or a prime up to ${PRIME_LIMIT}`);
}

/** The DFT over the innermost axis of parts [..., n]; inverse divides by n. */
function transform(op: string, re: Tensor, im: Tensor, inverse: boolean): Tensor {
  const n = re.shape[re.rank - 1];
  checkLength(op, 'input', n);
  const rows = re.size / n;
  let [yr, yi] = dft(reshape(re, [rows, n]), reshape(im, [rows, n]), n, inverse ? 1 : -1);
  if (inverse) [yr, yi] = [mul(yr, 1 / n), mul(yi, 1 / n)];
  return complexOf(reshape(yr, re.shape), reshape(yi, re.shape));
}

/** A complex input with an innermost axis to transform. */
function complexSignal(op: string, input: unknown): Tensor {
  const x = complexInput(op, input);
  innerLength(op, x);
  return x;
}

/** The discrete Fourier transform over the innermost axis of a complex tensor, as tf.spectral.fft(input). */
export function fft(input: Tensor): Tensor {
  const x = complexSignal('fft', input);
  return transform('fft', realPart(x), imagPart(x), false);
}

/** The inverse discrete Fourier transform over the innermost axis, as tf.spectral.ifft(input). */
export function ifft(input: Tensor): Tensor {
  const x = complexSignal('ifft', input);
  return transform('ifft', realPart(x), imagPart(x), true);
}

/** x's innermost axis cut or zero-padded to length n. */
function fitted(x: Tensor, n: number): Tensor {
  const inner = x.shape[x.rank - 1];
  if (n === inner) return x;
  const begin = x.shape.map(() => 0);
  if (n < inner) return slice(x, begin, [...x.shape.slice(0, -1), n]);
  return concat([x, zeros([...x.shape.slice(0, -1), n - inner], x.dtype)], x.rank - 1);
}

/**
 * The DFT of a real tensor over its innermost axis, cut or zero-padded to fftLength (default: its length), as
 * tf.spectral.rfft(input, fftLength?): the floor(fftLength / 2) + 1 frequencies up to the Nyquist one.
 */
export function rfft(input: Tensor, fftLength?: number): Tensor {
  const op = 'rfft';
  const x = assertComplexOrReal(op, 'input', input);
  if (isComplex(input) || (x.dtype !== 'float32' && x.dtype !== 'float64')) {
    throw argError(op, 'input', `${withArticle(x.dtype)} tensor`, 'a float32 (or float64) tensor (real values)');
  }
  innerLength(op, x);
  const n = fftLength == null ? x.shape[x.rank - 1] : assertPositiveInt(op, 'fftLength', fftLength);
  checkLength(op, fftLength == null ? 'input' : 'fftLength', n);
  const re = fitted(x, n);
  const full = transform(op, re, zeros(re.shape, re.dtype), false);
  return slice(full, re.shape.map(() => 0), [...re.shape.slice(0, -1), Math.floor(n / 2) + 1]);
}

/**
 * The real signal of length 2·(m - 1) whose rfft is input (m > 1 frequencies over the innermost axis; m = 1 gives
 * the real part), as tf.spectral.irfft(input): the spectrum completed by conjugate symmetry, inverse-transformed, its
 * real part. Shaped as TF.js shapes it: [batch, length] where batch is the product of the outer axes, except that a
 * rank-3 input keeps both outer axes.
 */
export function irfft(input: Tensor): Tensor {
  const op = 'irfft';
  const x = complexSignal(op, input);
  const m = x.shape[x.rank - 1];
  const n = m === 1 ? 1 : 2 * (m - 1);
  const outer = x.rank === 3 ? x.shape.slice(0, 2) : [x.size / m];
  const [re, im] = [realPart(x), imagPart(x)];
  if (m === 1) return reshape(re, [...outer, n]);
  const begin = x.shape.map(() => 0);
  const middle = (t: Tensor) => reverse(slice(t, [...begin.slice(0, -1), 1], [...x.shape.slice(0, -1), m - 2]), x.rank - 1);
  const fullRe = concat([re, middle(re)], x.rank - 1);
  const fullIm = concat([im, neg(middle(im))], x.rank - 1);
  return reshape(realPart(transform(op, fullRe, fullIm, true)), [...outer, n]);
}

addTensorMethods({
  fft(this: Tensor) { return fft(this); },
  ifft(this: Tensor) { return ifft(this); },
  rfft(this: Tensor) { return rfft(this); },
  irfft(this: Tensor) { return irfft(this); },
});
