import type { Tensor } from '../tensor/tensor';
import type { Rank } from '../tensor/value-types';
import { argError, assertFiniteNumber, assertPositiveInt, describeValue } from '../util/validate';
import { cosineWindowOf } from './signal-util';
import { concat } from './concat';
import { fill, tensor } from './creation';
import { slice } from './slice';
import { stack } from './concat';
import { toTensor, type TensorLike } from './tensor-like';
import { mul } from './binary';
import { enclosingPowerOfTwo } from './signal-util';
import { rfft } from './spectral';

// tf.signal's windows and framing.

/** The Hann window in dtype (float32 as TF.js's; stft's default for a float64 signal is float64). */
const hann = (windowLength: number, dtype?: 'float32' | 'float64'): Tensor<Rank.R1> => cosineWindowOf('hannWindow', windowLength, 0.5, 0.5, dtype);

/** The Hann window, as tf.signal.hannWindow(windowLength). */
export const hannWindow = (windowLength: number): Tensor<Rank.R1> => hann(windowLength);

/** The Hamming window, as tf.signal.hammingWindow(windowLength). */
export const hammingWindow = (windowLength: number): Tensor<Rank.R1> => cosineWindowOf('hammingWindow', windowLength, 0.54, 0.46);

/**
 * Frames of frameLength values every frameStep values of a 1-D signal, as tf.signal.frame(signal, frameLength,
 * frameStep, padEnd = false, padValue = 0): [frames, frameLength]; padEnd adds the frames that run past the end,
 * filled with padValue.
 */
export function frame(signal: Tensor | TensorLike, frameLength: number, frameStep: number, padEnd?: boolean, padValue?: number): Tensor {
  padEnd ??= false; padValue ??= 0;
  const op = 'frame';
  const x = toTensor(op, 'signal', signal);
  if (x.rank !== 1) throw argError(op, 'signal', `rank ${x.rank}`, 'a 1-D tensor');
  const len = assertPositiveInt(op, 'frameLength', frameLength);
  if (typeof padEnd !== 'boolean') throw argError(op, 'padEnd', describeValue(padEnd), 'a boolean');
  assertFiniteNumber(op, 'padValue', padValue);
  const empty = (): Tensor => tensor([], [0, len], x.dtype);
  // No frame fits and none is padded, so the step is never taken: TF.js returns no frames for a zero step then.
  if (frameStep === 0 && len > x.size && !padEnd) return empty();
  const step = assertPositiveInt(op, 'frameStep', frameStep);
  const frames: Tensor[] = [];
  let start = 0;
  for (; start + len <= x.size; start += step) frames.push(slice(x, start, len));
  for (; padEnd && start < x.size; start += step) {
    const missing = start + len - x.size;
    frames.push(concat([slice(x, start, len - missing), fill([missing], padValue, x.dtype)]));
  }
  return frames.length === 0 ? empty() : stack(frames);
}

/**
 * The short-time Fourier transform of a 1-D signal, as tf.signal.stft(signal, frameLength, frameStep, fftLength?,
 * windowFn = hannWindow): the rfft (of fftLength, default the enclosing power of two of frameLength) of each frame
 * times the window: [frames, fftLength / 2 + 1], complex. A float64 signal gets a float64 Hann window by default.
 */
export function stft(signal: Tensor, frameLength: number, frameStep: number, fftLength?: number, windowFn?: (length: number) => Tensor): Tensor {
  const op = 'stft';
  const x = toTensor(op, 'signal', signal);
  if (x.rank !== 1) throw argError(op, 'signal', `rank ${x.rank}`, 'a 1-D tensor');
  const len = assertPositiveInt(op, 'frameLength', frameLength);
  assertPositiveInt(op, 'frameStep', frameStep);
  const n = fftLength == null ? enclosingPowerOfTwo(len) : assertPositiveInt(op, 'fftLength', fftLength);
  // The default Hann window is computed in the signal's float dtype, so a float64 stft is exact.
  const windowOf = windowFn ?? ((length: number) => hann(length, x.dtype === 'float64' ? 'float64' : 'float32'));
  if (typeof windowOf !== 'function') throw argError(op, 'windowFn', describeValue(windowFn), 'a function of the window length (tn.signal.hannWindow)');
  return rfft(mul(frame(x, len, frameStep), windowOf(len)), n);
}
