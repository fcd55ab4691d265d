import { bufferSourceToUint8Array, concatUint8Arrays } from 'typed-array-utils';
import { fmtShape } from '../util/validate';
import { Tensor, arrayTypeFor, isNumericDtype, type DType } from '../tensor/tensor';
import type { NumericWeightSpec, WeightGroup, WeightQuantization } from './artifacts';
import { badValue, requireRecord, requireString } from './json-checks';

/** The most weight bytes a model may declare; checked before anything is allocated. */
export const MAX_WEIGHT_BYTES = 2 ** 31;
/** The most weights a manifest may list, so a hostile file cannot make the checks themselves slow. */
const MAX_WEIGHTS = 100_000;
const MAX_RANK = 8;
const MAX_SHARDS = 10_000;

const BYTES = { float32: 4, float64: 8, int32: 4, bool: 1 } as const;
const QUANTIZED_BYTES = { uint8: 1, uint16: 2, float16: 2 } as const;

/** Checks a list of weight specs; sizes are capped as they are added, so huge shapes never overflow. */
export function readWeightSpecs(op: string, where: string, v: unknown): NumericWeightSpec[] {
  if (!Array.isArray(v)) throw badValue(op, where, v, 'an array of weight specs {name, shape, dtype}');
  if (v.length > MAX_WEIGHTS) throw badValue(op, where, v, `at most ${MAX_WEIGHTS} weights`);
  let total = 0;
  return v.map((entry: unknown, i) => {
    const at = `${where}[${i}]`;
    const e = requireRecord(op, at, entry);
    for (const key of Object.keys(e)) {
      if (key !== 'name' && key !== 'shape' && key !== 'dtype' && key !== 'group' && key !== 'quantization') {
        throw badValue(op, `${at}.${key}`, e[key], 'absent (a weight spec has name, shape, dtype, group and quantization)');
      }
    }
    const group = e.group;
    // Any string, as TF.js reads it: 'optimizer' marks an optimizer's weights, anything else a model's.
    if (group !== undefined && typeof group !== 'string') throw badValue(op, `${at}.group`, group, "a string ('model' or 'optimizer')");
    const name = requireString(op, `${at}.name`, e.name);
    const dtype = e.dtype;
    if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool' && dtype !== 'float64') {
      throw badValue(op, `${at}.dtype`, dtype, "'float32', 'int32' or 'bool' (or 'float64' in files tessera wrote)");
    }
    const quantization = e.quantization === undefined ? undefined : readQuantization(op, `${at}.quantization`, e.quantization, dtype);
    const shape = e.shape;
    if (!Array.isArray(shape) || shape.length > MAX_RANK) throw badValue(op, `${at}.shape`, shape, `an array of at most ${MAX_RANK} non-negative integers`);
    let bytes = quantization ? QUANTIZED_BYTES[quantization.dtype] : BYTES[dtype];
    for (const d of shape) {
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) throw badValue(op, `${at}.shape`, shape, 'an array of non-negative integers');
      bytes *= d;
      if (total + bytes > MAX_WEIGHT_BYTES) throw badValue(op, `${at}.shape`, shape, `a size that keeps the weights within ${MAX_WEIGHT_BYTES} bytes`);
    }
    total += bytes;
    return { name, shape: shape.slice(), dtype, ...(group ? { group: group as WeightGroup } : {}), ...(quantization ? { quantization } : {}) };
  });
}

/** A quantization entry as TF.js reads them: uint8 or uint16 codes (with a finite scale and min) for float32 or int32 weights, float16 for float32. */
function readQuantization(op: string, at: string, v: unknown, dtype: NumericWeightSpec['dtype']): WeightQuantization {
  const q = requireRecord(op, at, v);
  if (q.dtype === 'float16') {
    if (dtype !== 'float32') throw badValue(op, `${at}.dtype`, q.dtype, `'uint8' or 'uint16' for a weight of dtype '${dtype}' (float16 stores float32 weights)`);
    return { dtype: 'float16' };
  }
  if (q.dtype !== 'uint8' && q.dtype !== 'uint16') throw badValue(op, `${at}.dtype`, q.dtype, "'uint8', 'uint16' or 'float16'");
  if (dtype !== 'float32' && dtype !== 'int32') throw badValue(op, `${at}.dtype`, q.dtype, `absent for a weight of dtype '${dtype}' (quantized weights are float32 or int32)`);
  for (const key of ['scale', 'min'] as const) {
    if (typeof q[key] !== 'number' || !Number.isFinite(q[key])) throw badValue(op, `${at}.${key}`, q[key], `a finite number (${q.dtype} codes stand for code·scale + min)`);
  }
  return { dtype: q.dtype, scale: q.scale as number, min: q.min as number };
}

export function byteLength(spec: NumericWeightSpec): number {
  return spec.shape.reduce((n, d) => n * d, spec.quantization ? QUANTIZED_BYTES[spec.quantization.dtype] : BYTES[spec.dtype]);
}

/** An IEEE half-precision value from its 16 bits. */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** A quantized weight's values in its dtype: code·scale + min (rounded for int32), or float16 widened. */
function dequantize(spec: NumericWeightSpec & { quantization: WeightQuantization }, bytes: Uint8Array): Float32Array | Int32Array {
  const { dtype, scale = 1, min = 0 } = spec.quantization;
  const codes = dtype === 'uint8' ? bytes : new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  const out = spec.dtype === 'int32' ? new Int32Array(codes.length) : new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    out[i] = dtype === 'float16' ? halfToNumber(c) : spec.dtype === 'int32' ? Math.round(c * scale + min) : c * scale + min;
  }
  return out;
}

/** Throws unless `actual` bytes are exactly what the specs declare, naming the first weight cut short. */
export function checkByteLength(op: string, source: string, specs: readonly NumericWeightSpec[], actual: number): void {
  const declared = specs.reduce((n, s) => n + byteLength(s), 0);
  if (actual === declared) return;
  if (actual > declared) {
    throw new Error(`${op}: ${source} holds ${actual} bytes but the manifest declares ${declared}; ${actual - declared} unexpected bytes follow byte offset ${declared}`);
  }
  let offset = 0;
  const cut = specs.find((s) => (offset += byteLength(s)) > actual) as NumericWeightSpec;
  const start = offset - byteLength(cut);
  throw new Error(`${op}: ${source} is truncated: it holds ${actual} bytes but the manifest declares ${declared}; weight '${cut.name}' ${fmtShape(cut.shape)} at byte offset ${start} runs past the end`);
}

/** The weight values as tensors, once checkByteLength has passed; each owns a copy of its bytes. */
export function decodeWeights(specs: readonly NumericWeightSpec[], data: Uint8Array): Tensor[] {
  let offset = 0;
  return specs.map((s) => {
    const n = byteLength(s);
    // slice() copies into a fresh, aligned buffer that the tensor can view.
    const bytes = data.slice(offset, offset + n);
    const values = s.quantization ? dequantize({ ...s, quantization: s.quantization }, bytes) : new (arrayTypeFor(s.dtype))(bytes.buffer);
    offset += n;
    return new Tensor(s.shape, s.dtype, values);
  });
}

// BufferSource's type excludes views of a SharedArrayBuffer; the helpers treat those alike.
export const bytesOf = (b: ArrayBuffer | ArrayBufferView) => bufferSourceToUint8Array(b as BufferSource);

/** One byte view over TF.js's weightData forms: a buffer, a list of shards, or any typed-array view. */
export function weightBytes(op: string, where: string, v: unknown): Uint8Array {
  if (v === undefined || v === null) return new Uint8Array(0);
  const isSource = (x: unknown): x is ArrayBuffer | ArrayBufferView => x instanceof ArrayBuffer || ArrayBuffer.isView(x);
  if (isSource(v)) return bytesOf(v);
  if (Array.isArray(v) && v.length <= MAX_SHARDS && v.every(isSource)) return concatUint8Arrays(...v.map(bytesOf));
  throw badValue(op, where, v, `an ArrayBuffer, a typed array, or an array of at most ${MAX_SHARDS} ArrayBuffers`);
}

/** A tensor to save under a name; `group` 'optimizer' marks an optimizer's state, as TF.js's WeightGroup. */
export interface WeightToSave {
  name: string;
  tensor: { readonly shape: readonly number[]; readonly dtype: DType; hostValues(): ArrayBufferView };
  group?: WeightGroup;
}

/** The manifest entries and the bytes of the tensors, back to back, in platform byte order as TF.js writes them. */
export function encodeWeights(weights: readonly WeightToSave[]): { specs: NumericWeightSpec[]; data: ArrayBuffer } {
  const specs = weights.map(({ name, tensor, group }) => {
    // The weights format holds numbers here (TF.js's string and complex weights have encodings of their own).
    if (!isNumericDtype(tensor.dtype)) throw new Error(`encodeWeights: weight ${JSON.stringify(name)} must be a float32, int32, bool or float64 tensor, got a ${tensor.dtype} tensor`);
    return { name, shape: tensor.shape.slice(), dtype: tensor.dtype, ...(group ? { group } : {}) };
  });
  const parts = weights.map((w) => bytesOf(w.tensor.hostValues()));
  return { specs, data: concatUint8Arrays(...parts).buffer as ArrayBuffer };
}
