import type { BinaryOp } from '../backend/backend';
import { broadcastShapes } from '../backend/shapes';
import { backend } from './engine';
import { isRecording, recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { assertTensorDtype } from '../tensor/checks';
import { fmtShape } from '../util/validate';
import { cast, floatsMet } from './cast';
import { complexOf, imagPart, isComplex, realPart } from './complex-parts';
import { zeros } from './creation';
import { matchedOperands, toTensor, toTensorAs, type TensorLike } from './tensor-like';
import { isStrings, stringRanks } from './string-tensors';

/** An operand as TF.js takes it: a Tensor, or a number or array made into one. */
export type Operand = Tensor | TensorLike;

/** @internal Refuses operands whose shapes do not broadcast, naming them as the op does (a and b for most). */
export function checkBroadcast(op: string, a: Tensor, b: Tensor, names: readonly [string, string] = ['a', 'b']): void {
  if (!broadcastShapes(a.shape, b.shape)) {
    throw new Error(`${op}: ${names[0]} and ${names[1]} must have broadcastable shapes (equal, or 1, in each trailing dim), got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  }
}

/** @internal Both operands in one dtype (TF.js's upcasting), with broadcastable shapes. */
export function operands(op: string, a: Operand, b: Operand): [Tensor, Tensor] {
  // Strings compare, as TF.js's, by their ranks in one sorted order (the other ops refuse them as they convert them).
  const [ta, tb] = COMPARISONS.has(op) && (isStrings(a) || isStrings(b)) ? stringRanks(op, a, b) : matchedOperands(op, a, b, cast);
  checkBroadcast(op, ta, tb);
  return [ta, tb];
}

const COMPARISONS = new Set(['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual']);

/** Arithmetic computes bool as int32 (true + true is 2), as TF.js does; `bool` says both operands were bool. */
function arithmetic(op: string, a: Operand, b: Operand): { pair: [Tensor, Tensor]; bool: boolean } {
  const [ta, tb] = operands(op, a, b);
  return ta.dtype === 'bool' ? { pair: [cast(ta, 'int32'), cast(tb, 'int32')], bool: true } : { pair: [ta, tb], bool: false };
}

/** `out`, made from the op result `y`, which is disposed unless a tape keeps it (a recorded op's output). */
function replacing(y: Tensor, out: Tensor): Tensor {
  if (!isRecording()) y.dispose();
  return out;
}

/**
 * The int32 result of arithmetic on two bool operands as a bool tensor, as TF.js's add, sub, mul, div, mod and pow
 * give one: each value stored as a Uint8Array stores it (true + true is 2, false - true 255), printed as true.
 */
function storedAsBool(y: Tensor, bool: boolean): Tensor {
  if (!bool) return y;
  const out = new Tensor(y.shape, 'bool', Uint8Array.from(y.hostValues()));
  // Recorded as a cast, so a gradient passes through it as through TF.js's bool-typed result.
  recordOp('cast', [y], out, null);
  return replacing(y, out);
}

/** One of the arithmetic ops that keep two bool operands' dtype, as TF.js's. */
function boolKeeping(op: BinaryOp, a: Operand, b: Operand): Tensor {
  const { pair, bool } = arithmetic(op, a, b);
  return storedAsBool(record(op, op, pair, a, b), bool);
}

/**
 * Runs and records the op on the operand pair made from the caller's a and b, then disposes what was made for it (a
 * number's scalar, a cast), as TF.js's op scope does; under a tape they stay, inputs of the recorded op.
 */
function record(op: BinaryOp, name: string, pair: [Tensor, Tensor], a: Operand, b: Operand): Tensor {
  const y = backend().binary(op, pair[0], pair[1]);
  recordOp(name, pair, y, null);
  if (isRecording()) return y;
  const [ta, tb] = pair;
  if (ta !== a && ta !== b && ta !== y) ta.dispose();
  if (tb !== ta && tb !== a && tb !== b && tb !== y) tb.dispose();
  return y;
}

/** @internal A recorded elementwise op of two operands (one dtype, broadcast), recorded under the op's name. */
export function binaryOp(op: BinaryOp, a: Operand, b: Operand): Tensor {
  return record(op, op, operands(op, a, b), a, b);
}

/** An operand of complex arithmetic as [real, imaginary] parts: a real one's imaginary part is zeros of its shape. */
function partsOf(op: string, arg: string, x: Operand, other: Operand): [Tensor, Tensor] {
  if (isComplex(x)) return [realPart(x), imagPart(x)];
  const t = toTensor(op, arg, x);
  const dtype = t.dtype === 'float64' || (isComplex(other) && other.dtype === ('complex128' as string)) ? 'float64' : 'float32';
  return [cast(t, dtype), zeros(t.shape, dtype)];
}

/** add, sub or mul where a or b is complex (undefined otherwise): each part by real ops. */
function complexArithmetic(op: 'add' | 'sub' | 'mul', a: Operand, b: Operand): Tensor | undefined {
  if (!isComplex(a) && !isComplex(b)) return undefined;
  const [ar, ai] = partsOf(op, 'a', a, b);
  const [br, bi] = partsOf(op, 'b', b, a);
  if (op === 'mul') return complexOf(...floatsMet(sub(mul(ar, br), mul(ai, bi)), add(mul(ar, bi), mul(ai, br))));
  const f = op === 'add' ? add : sub;
  return complexOf(...floatsMet(f(ar, br), f(ai, bi)));
}

/** a + b with broadcasting, as tf.add; complex tensors add too (a real operand as one of imaginary part zero). */
export function add<T extends Tensor>(a: Operand, b: Operand): T {
  return (complexArithmetic('add', a, b) ?? boolKeeping('add', a, b)) as T;
}

export function sub<T extends Tensor>(a: Operand, b: Operand): T {
  return (complexArithmetic('sub', a, b) ?? boolKeeping('sub', a, b)) as T;
}

export function mul<T extends Tensor>(a: Operand, b: Operand): T {
  return (complexArithmetic('mul', a, b) ?? boolKeeping('mul', a, b)) as T;
}

/** a / b; two int32 operands divide as floorDiv, as tf.div. */
export function div<T extends Tensor>(a: Operand, b: Operand): T {
  const { pair, bool } = arithmetic('div', a, b);
  return storedAsBool(pair[0].dtype === 'int32' ? record('floorDiv', 'floorDiv', pair, a, b) : record('div', 'div', pair, a, b), bool) as T;
}

/**
 * floor(a / b), as tf.floorDiv: int32 for int32 and float32 operands (±Infinity and NaN give 0), as TF.js's; float64
 * operands keep float64. Its gradient is zero (it is piecewise constant).
 */
export function floorDiv<T extends Tensor>(a: Operand, b: Operand): T {
  const y = record('floorDiv', 'floorDiv', arithmetic('floorDiv', a, b).pair, a, b);
  return (y.dtype === 'float32' ? replacing(y, cast(y, 'int32')) : y) as T;
}

/** The remainder with the sign of b (floor(a / b)·b + mod(a, b) = a), as tf.mod. */
export function mod<T extends Tensor>(a: Operand, b: Operand): T {
  return boolKeeping('mod', a, b) as T;
}

/** Elementwise max; where equal, the gradient goes to a (as TF.js). */
export function maximum<T extends Tensor>(a: Operand, b: Operand): T {
  return record('maximum', 'maximum', arithmetic('maximum', a, b).pair, a, b) as T;
}

/** Elementwise min; where equal, the gradient goes to a (as TF.js). */
export function minimum<T extends Tensor>(a: Operand, b: Operand): T {
  return record('minimum', 'minimum', arithmetic('minimum', a, b).pair, a, b) as T;
}

/** a ** b; the gradient for b needs a > 0 (log a). */
export function pow<T extends Tensor>(a: Operand, b: Operand): T {
  return boolKeeping('pow', a, b) as T;
}

/** A comparison: operands upcast to one dtype, a bool result; recorded with a zero gradient (it is piecewise constant), as TF.js. */
function compare(op: BinaryOp, a: Operand, b: Operand): Tensor {
  return record(op, op, operands(op, a, b), a, b);
}

/** a > b as bool, as tf.greater. */
export function greater<T extends Tensor>(a: Operand, b: Operand): T {
  return compare('greater', a, b) as T;
}

/** a == b as bool, as tf.equal. */
export function equal<T extends Tensor>(a: Operand, b: Operand): T {
  return compare('equal', a, b) as T;
}

/** Both operands must be bool tensors, as TF.js's logical ops require; values (numbers too) read as bool, as TF.js converts them. */
function logical(op: BinaryOp, a: Operand, b: Operand): Tensor {
  const ta = toTensorAs(op, 'a', a, 'bool');
  const tb = toTensorAs(op, 'b', b, 'bool');
  assertTensorDtype(op, 'a', ta, 'bool');
  assertTensorDtype(op, 'b', tb, 'bool');
  checkBroadcast(op, ta, tb);
  return backend().binary(op, ta, tb);
}

export function logicalAnd<T extends Tensor>(a: Operand, b: Operand): T {
  return logical('logicalAnd', a, b) as T;
}

export function logicalOr<T extends Tensor>(a: Operand, b: Operand): T {
  return logical('logicalOr', a, b) as T;
}

export function logicalXor<T extends Tensor>(a: Operand, b: Operand): T {
  return logical('logicalXor', a, b) as T;
}
