import { Tensor } from '../tensor/tensor';
import { decodeString, encodeString } from '../tensor/string-values';
import { fingerPrint64 } from '../util/fingerprint';
import { argError, describeValue, fmtShape } from '../util/validate';
import { stringTensor } from './string-tensors';
import { assertTensorDtype } from '../tensor/checks';
import { toTensor, type TensorLike } from './tensor-like';

// tf.string: TF.js's string ops, as its cpu kernels compute them (on each string's UTF-8 bytes, but for the regex).

type Strings = Tensor | TensorLike;

/** A string tensor argument of rank 1. */
function stringVector(op: string, arg: string, x: unknown): readonly Uint8Array[] {
  const t = stringTensor(op, arg, x);
  if (t.rank !== 1) throw argError(op, arg, `shape ${fmtShape(t.shape)}`, 'a rank-1 string tensor');
  return t.encodedStrings() ?? [];
}

/** The tokens of str split at any of the delimiter bytes (each byte on its own when there are none), as TF.js's. */
function splitBytes(str: Uint8Array, delimiters: Uint8Array, skipEmpty: boolean, out: Uint8Array[]): void {
  if (str.length === 0) return;
  if (delimiters.length === 0) {
    for (let i = 0; i < str.length; i++) out.push(str.subarray(i, i + 1));
    return;
  }
  let start = 0;
  for (let i = 0; i <= str.length; i++) {
    if (i < str.length && !delimiters.includes(str[i])) continue;
    if (!skipEmpty || i > start) out.push(str.subarray(start, i));
    start = i + 1;
  }
}

/**
 * Each string of input split at every occurrence of any byte of delimiter (an empty delimiter: into single bytes),
 * empty tokens dropped unless skipEmpty is false, as tf.string.stringSplit(input, delimiter, skipEmpty = true): the
 * tokens as a sparse [input.size, most tokens] tensor (indices int32 [n, 2], values string [n], shape int32 [2]).
 */
export function stringSplit(input: Strings, delimiter: Tensor | string, skipEmpty?: boolean): { indices: Tensor; values: Tensor; shape: Tensor } {
  const op = 'stringSplit';
  skipEmpty ??= true;
  const rows = stringVector(op, 'input', input);
  const delim = stringTensor(op, 'delimiter', delimiter);
  if (delim.rank !== 0) throw argError(op, 'delimiter', `shape ${fmtShape(delim.shape)}`, 'a scalar string');
  const delimiters = (delim.encodedStrings() ?? [])[0];
  const tokens: Uint8Array[] = [];
  const rowOf: number[] = [];
  const colOf: number[] = [];
  let widest = 0;
  rows.forEach((str, r) => {
    const before = tokens.length;
    splitBytes(str, delimiters, skipEmpty, tokens);
    for (let c = 0; c < tokens.length - before; c++) { rowOf.push(r); colOf.push(c); }
    widest = Math.max(widest, tokens.length - before);
  });
  const indices = new Int32Array(2 * tokens.length);
  rowOf.forEach((r, i) => { indices[2 * i] = r; indices[2 * i + 1] = colOf[i]; });
  return {
    indices: new Tensor([tokens.length, 2], 'int32', indices),
    values: Tensor.ofStrings([tokens.length], tokens.map((t) => t.slice()), false),
    shape: new Tensor([2], 'int32', Int32Array.of(rows.length, widest)),
  };
}

/** TF.js's StringNGramsOp: the n-grams of each row of a ragged string tensor, on bytes. */
class NGrams {
  constructor(
    private readonly separator: Uint8Array, private readonly widths: readonly number[], private readonly leftPad: Uint8Array,
    private readonly rightPad: Uint8Array, private readonly padWidth: number, private readonly preserveShort: boolean,
  ) {}

  /** Padding is never wider than width - 1; padWidth -1 pads each side by width - 1. */
  private padOf(width: number): number {
    return Math.min(this.padWidth < 0 ? width - 1 : this.padWidth, width - 1);
  }

  count(length: number, width: number): number {
    return Math.max(0, length + 2 * this.padOf(width) - width + 1);
  }

  /** The n n-grams of width starting at data[start], written to out from at. */
  write(data: readonly Uint8Array[], start: number, out: Uint8Array[], at: number, n: number, width: number): void {
    const pad = this.padOf(width);
    for (let g = 0; g < n; g++) {
      const left = Math.max(0, pad - g);
      const right = Math.max(0, pad - (n - (g + 1)));
      const tokens = width - (left + right);
      const from = start + (left > 0 ? 0 : g - pad);
      const parts: Uint8Array[] = [];
      for (let k = 0; k < left; k++) parts.push(this.leftPad, this.separator);
      for (let k = 0; k < tokens - 1; k++) parts.push(data[from + k], this.separator);
      if (tokens > 0) {
        parts.push(data[from + tokens - 1]);
        for (let k = 0; k < right; k++) parts.push(this.separator, this.rightPad);
      } else {
        // The left padding ended with a separator: the right padding is joined so that the n-gram ends with a pad.
        for (let k = 0; k < right - 1; k++) parts.push(this.rightPad, this.separator);
        parts.push(this.rightPad);
      }
      const gram = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
      parts.reduce((o, p) => { gram.set(p, o); return o + p.length; }, 0);
      out[at + g] = gram;
    }
  }

  compute(data: readonly Uint8Array[], splits: Int32Array): [Uint8Array[], Int32Array] {
    const op = 'stringNGrams';
    if (splits.length > 0) {
      if (splits[0] !== 0) throw argError(op, 'dataSplits', `a first split of ${splits[0]}`, 'splits that start at 0');
      for (let i = 1; i < splits.length; i++) {
        if (splits[i] < splits[i - 1] || splits[i] > data.length) {
          throw argError(op, 'dataSplits', `split ${splits[i]} at ${i}`, `splits that do not decrease, each in [${splits[i - 1]}, ${data.length}]`);
        }
      }
      if (splits[splits.length - 1] !== data.length) {
        throw argError(op, 'dataSplits', `a last split of ${splits[splits.length - 1]}`, `splits that end at the size of data (${data.length})`);
      }
    }
    const rows = splits.length - 1;
    const outSplits = new Int32Array(splits.length);
    if (data.length === 0 || splits.length === 0) return [[], outSplits];
    for (let i = 1; i <= rows; i++) {
      const length = splits[i] - splits[i - 1];
      let n = this.widths.reduce((s, w) => s + this.count(length, w), 0);
      if (this.preserveShort && length > 0 && n === 0) n = 1;
      outSplits[i] = outSplits[i - 1] + n;
    }
    const grams = new Array<Uint8Array>(outSplits[rows]);
    for (let i = 0; i < rows; i++) {
      const length = splits[i + 1] - splits[i];
      let at = outSplits[i];
      for (const w of this.widths) {
        const n = this.count(length, w);
        this.write(data, splits[i], grams, at, n, w);
        at += n;
      }
      // A short row that made no n-gram gives one of all of it, padded, when preserveShortSequences is set.
      if (this.preserveShort && at === outSplits[i] && length > 0) this.write(data, splits[i], grams, at, 1, length + 2 * this.padWidth);
    }
    return [grams, outSplits];
  }
}

/**
 * The n-grams of each row of a ragged string tensor (data's values, row i being data[dataSplits[i] .. dataSplits[i+1])),
 * joined by separator and padded with leftPad and rightPad, as tf.string.stringNGrams: the n-grams and their splits.
 */
export function stringNGrams(
  data: Strings, dataSplits: Tensor | TensorLike, separator: string, nGramWidths: number[], leftPad: string, rightPad: string,
  padWidth: number, preserveShortSequences: boolean,
): { nGrams: Tensor; nGramsSplits: Tensor } {
  const op = 'stringNGrams';
  const values = stringVector(op, 'data', data);
  // An int32 tensor, as TF.js's (which refuses the float32 tensor that an array of numbers makes).
  const splits = toTensor(op, 'dataSplits', dataSplits);
  assertTensorDtype(op, 'dataSplits', splits, 'int32');
  for (const [arg, v] of [['separator', separator], ['leftPad', leftPad], ['rightPad', rightPad]] as const) {
    if (typeof v !== 'string') throw argError(op, arg, describeValue(v), 'a string');
  }
  if (!Array.isArray(nGramWidths) || !nGramWidths.every((w) => Number.isInteger(w) && w > 0)) {
    throw argError(op, 'nGramWidths', describeValue(nGramWidths), 'an array of positive integers');
  }
  if (!Number.isInteger(padWidth) || padWidth < -1) throw argError(op, 'padWidth', describeValue(padWidth), 'an integer >= -1 (-1: each n-gram width less one)');
  const ngrams = new NGrams(encodeString(separator), nGramWidths, encodeString(leftPad), encodeString(rightPad), padWidth, preserveShortSequences);
  const [grams, outSplits] = ngrams.compute(values, splits.dataSync<'int32'>());
  return { nGrams: Tensor.ofStrings([grams.length], grams, false), nGramsSplits: new Tensor(splits.shape, 'int32', outSplits) };
}

/**
 * Each string's bucket in [0, numBuckets): its FarmHash fingerprint64 modulo numBuckets (int32, input's shape), as
 * tf.string.stringToHashBucketFast(input, numBuckets).
 */
export function stringToHashBucketFast(input: Strings, numBuckets: number): Tensor {
  const op = 'stringToHashBucketFast';
  const t = stringTensor(op, 'input', input);
  if (typeof numBuckets !== 'number' || !(numBuckets >= 1)) throw argError(op, 'numBuckets', describeValue(numBuckets), 'a number of buckets >= 1');
  const buckets = BigInt(Math.trunc(numBuckets));
  const values = Int32Array.from(t.encodedStrings() ?? [], (s) => {
    const h = fingerPrint64(s);
    const bits = (BigInt(h.high >>> 0) << 32n) | BigInt(h.low >>> 0);
    return Number((bits % buckets) & 0xffffffffn);
  });
  return new Tensor(t.shape, 'int32', values);
}

/**
 * Each string with the matches of pattern (a JavaScript regular expression) replaced by rewrite (every match, or the
 * first with replaceGlobal false), as tf.string.staticRegexReplace(input, pattern, rewrite, replaceGlobal = true).
 */
export function staticRegexReplace(input: Strings, pattern: string, rewrite: string, replaceGlobal?: boolean): Tensor {
  const op = 'staticRegexReplace';
  replaceGlobal ??= true;
  const t = stringTensor(op, 'input', input);
  if (typeof pattern !== 'string') throw argError(op, 'pattern', describeValue(pattern), 'a regular expression as a string');
  if (typeof rewrite !== 'string') throw argError(op, 'rewrite', describeValue(rewrite), 'a string');
  const regex = new RegExp(pattern, replaceGlobal ? 'g' : '');
  const out = (t.encodedStrings() ?? []).map((s) => encodeString(decodeString(s).replace(regex, rewrite)));
  return Tensor.ofStrings(t.shape, out, false);
}
