/** The element arrays every cpu kernel reads and writes: float32 for speed, float64 for exact gradient checks. */
export type FloatArray = Float32Array | Float64Array;

/** Any tensor's host values: floats as above, int32 in an Int32Array, bool as 0/1 in a Uint8Array (as TF.js's dataSync gives them). */
export type TypedArray = FloatArray | Int32Array | Uint8Array;

/** Padding as TensorFlow.js names it: 'valid' uses no padding, 'same' pads so that out = ceil(in / stride). */
export type Padding = 'valid' | 'same';
