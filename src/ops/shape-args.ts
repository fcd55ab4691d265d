import { argError, describeValue, shown } from '../util/validate';

// Argument checks shared by the shape ops: integer lists and axes, in the one error format.

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** An array of integers, of the given length when one is asked for. */
export function assertIntArray(op: string, arg: string, v: unknown, length?: number): number[] {
  if (!Array.isArray(v) || !v.every(isInt) || (length !== undefined && v.length !== length)) {
    throw argError(op, arg, shown(v), `an array of ${length ?? 'any number of'} integers`);
  }
  return v.slice();
}

/** An integer axis in [-rank, rank) (or [-(rank + 1), rank] when `inserting`), returned non-negative. */
export function assertAxis(op: string, arg: string, v: unknown, rank: number, inserting = false): number {
  const n = inserting ? rank + 1 : rank;
  if (!isInt(v) || v < -n || v >= n) throw argError(op, arg, describeValue(v), `an integer in [${-n}, ${n}) for a rank-${rank} tensor`);
  return v < 0 ? v + n : v;
}
