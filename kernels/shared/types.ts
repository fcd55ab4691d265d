/** The element arrays every cpu kernel reads and writes: float32 for speed, float64 for exact gradient checks. */
export type FloatArray = Float32Array | Float64Array;

/** Padding as TensorFlow.js names it: 'valid' uses no padding, 'same' pads so that out = ceil(in / stride). */
export type Padding = 'valid' | 'same';
