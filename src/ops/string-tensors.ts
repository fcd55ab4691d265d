import { Tensor } from '../tensor/tensor';
import { decodeString } from '../tensor/string-values';
import { tidy } from '../tensor/tidy';
import { firstSeenIds } from '../util/first-seen';
import { argError, describeValue } from '../util/validate';
import { sharing } from './sharing';
import { inferDtype, makeTensor, type TensorLike } from './tensor-like';

// The ops TF.js runs on string tensors (reshape and the like, slicing, joining, tiling, gatherND, unique, the
// comparisons) run here as the numeric op on int32 stand-ins: element i of a string tensor stands as the index i (or,
// to compare them, the rank of its string), so one implementation serves both, with the same checks and errors. The
// strings never leave the host, on either backend.

/** Whether x is a string tensor, or TensorLike strings (a string, or arrays of them) that make one. */
export function isStrings(x: unknown): boolean {
  if (x instanceof Tensor) return x.dtype === 'string';
  return (typeof x === 'string' || Array.isArray(x)) && inferDtype(x) === 'string';
}

/** x as a string tensor: a live one as it is, strings made into one; anything else refused, naming arg. */
export function stringTensor(op: string, arg: string, x: unknown): Tensor {
  if (x instanceof Tensor) {
    if (x.dtype !== 'string') throw argError(op, arg, describeValue(x), 'a string tensor, as strings join and compare only with strings');
    x.assertLive(`${op} (${arg})`);
    return x;
  }
  if (!isStrings(x)) throw argError(op, arg, describeValue(x), 'a string tensor or strings, as strings join and compare only with strings');
  return makeTensor(op, x as TensorLike, undefined, 'string');
}

/**
 * The results of `f` run on int32 stand-ins for the string tensors xs (element i of xs[k] stands as the number of
 * elements before it in xs[0], xs[1], ...), as string tensors of the elements they pick. A result that picks one
 * input's elements in order, in any shape, holds that input's values, as TF.js's reshape shares a dataId.
 */
export function onStrings(xs: readonly Tensor[], f: (standIns: Tensor[]) => Tensor | Tensor[]): Tensor[] {
  const values = xs.flatMap((x) => x.encodedStrings() ?? []);
  let picked: { shape: number[]; at: Int32Array }[] = [];
  tidy(() => {
    let offset = 0;
    const standIns = xs.map((x) => {
      const t = new Tensor(x.shape, 'int32', Int32Array.from({ length: x.size }, (_, i) => offset + i));
      offset += x.size;
      return t;
    });
    const out = f(standIns);
    picked = (Array.isArray(out) ? out : [out]).map((t) => ({ shape: t.shape, at: t.dataSync<'int32'>() }));
  });
  return picked.map(({ shape, at }) => {
    const whole = xs.length === 1 && at.length === xs[0].size && at.every((v, i) => v === i);
    return whole ? sharing(xs[0], shape) : Tensor.ofStrings(shape, Array.from(at, (i) => values[i]), false);
  });
}

/** onStrings of one result. */
export function onStringsOne(xs: readonly Tensor[], f: (standIns: Tensor[]) => Tensor): Tensor {
  return onStrings(xs, f)[0];
}

/**
 * The two string operands of a comparison as int32 tensors of their strings' ranks in one sorted order, so that the
 * numeric comparison of the ranks is the comparison of the strings (as JavaScript compares them, as TF.js's cpu
 * kernels do). Strings compare only with strings: TF.js refuses to upcast them.
 */
export function stringRanks(op: string, a: unknown, b: unknown): [Tensor, Tensor] {
  const [aStrings, bStrings] = [isStrings(a), isStrings(b)];
  if (aStrings !== bStrings) {
    throw argError(op, aStrings ? 'b' : 'a', describeValue(aStrings ? b : a), `strings, as ${aStrings ? 'a' : 'b'} is (strings compare only with strings)`);
  }
  const [ta, tb] = [stringTensor(op, 'a', a), stringTensor(op, 'b', b)];
  const [sa, sb] = [ta, tb].map((t) => (t.encodedStrings() ?? []).map(decodeString));
  const sorted = [...new Set([...sa, ...sb])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const rank = new Map(sorted.map((s, i) => [s, i]));
  const ranks = (t: Tensor, s: string[]) => new Tensor(t.shape, 'int32', Int32Array.from(s, (v) => rank.get(v) ?? 0));
  return [ranks(ta, sa), ranks(tb, sb)];
}

/**
 * unique (run as `uniqueOf`) of a string tensor: each distinct string (by its bytes) stands as a number, so equal
 * slices are equal rows of numbers; the distinct rows found are given back as their strings.
 */
export function uniqueStrings(
  x: Tensor, axis: number | undefined, uniqueOf: (ids: Tensor, axis: number | undefined) => { values: Tensor; indices: Tensor },
): { values: Tensor; indices: Tensor } {
  const values = x.encodedStrings() ?? [];
  const { ids, firsts } = firstSeenIds(values.length, (i) => values[i].join(','));
  const idTensor = new Tensor(x.shape, 'int32', ids);
  const found = uniqueOf(idTensor, axis);
  idTensor.dispose();
  const out = Tensor.ofStrings(found.values.shape, Array.from(found.values.dataSync<'int32'>(), (id) => values[firsts[id]]), false);
  found.values.dispose();
  return { values: out, indices: found.indices };
}
