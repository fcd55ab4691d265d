import { encodeString, flatten, isString, isTypedArray } from '../util/tf-util';

// tf.test_util: the assertions TF.js's own tests use and programs call to check results, as TF.js 4.22 writes them:
// each throws an Error describing the first mismatch and returns nothing when the values agree. Tensors are not
// taken (TF.js compares their class with the expected array's and throws): a program passes dataSync() or arraySync().

type Values = ArrayLike<unknown> | number | boolean | string | readonly unknown[];

/** The tolerance of expectArraysClose and expectNumbersClose for a float16 backend (TF.js's name). */
export const TEST_EPSILON_FLOAT16 = 1e-1;
const TEST_EPSILON_FLOAT32 = 1e-3;

/** The default tolerance: every backend here computes in float32 at least. */
export function testEpsilon(): number {
  return TEST_EPSILON_FLOAT32;
}

/** The shape of a nested array along its first elements, refused where a sibling has another length (as TF.js). */
function nestedShape(values: unknown): number[] {
  const shape: number[] = [];
  for (let v = values; Array.isArray(v) || isTypedArray(v); v = (v as ArrayLike<unknown>)[0]) shape.push((v as ArrayLike<unknown>).length);
  const check = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) return;
    const items = v as ArrayLike<unknown>;
    if ((!Array.isArray(v) && !isTypedArray(v)) || items.length !== shape[depth]) {
      throw new Error(`Element ${path} should have ${shape[depth]} elements, but has ${Array.isArray(v) || isTypedArray(v) ? items.length : 0} elements`);
    }
    for (let i = 0; i < items.length; i++) check(items[i], depth + 1, `${path}[${i}]`);
  };
  check(values, 0, 'arr');
  return shape;
}

const areClose = (a: number, e: number, epsilon: number): boolean => (!Number.isFinite(a) && !Number.isFinite(e)) || (!Number.isNaN(a) && !Number.isNaN(e) && Math.abs(a - e) <= epsilon);

function expectArraysPredicate(actual: Values, expected: Values, predicate: (a: unknown, e: unknown) => boolean): void {
  // Classes are compared unless exactly one side is a typed array (a Float32Array against a plain array passes).
  if (isTypedArray(actual) === isTypedArray(expected)) {
    const [aType, eType] = [(actual as object).constructor.name, (expected as object).constructor.name];
    if (aType !== eType) throw new Error(`Arrays are of different type. Actual: ${aType}. Expected: ${eType}`);
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const [aShape, eShape] = [nestedShape(actual), nestedShape(expected)];
    if (aShape.length !== eShape.length || aShape.some((d, i) => d !== eShape[i])) throw new Error(`Arrays have different shapes. Actual: [${aShape}]. Expected: [${eShape}]`);
  }
  const a: unknown[] = isTypedArray(actual) ? Array.from(actual) : flatten(actual);
  const e: unknown[] = isTypedArray(expected) ? Array.from(expected) : flatten(expected);
  if (a.length !== e.length) throw new Error(`Arrays have different lengths actual: ${a.length} vs expected: ${e.length}.\nActual:   ${a}.\nExpected: ${e}.`);
  for (let i = 0; i < e.length; i++) {
    if (!predicate(a[i], e[i])) throw new Error(`Arrays differ: actual[${i}] = ${String(a[i])}, expected[${i}] = ${String(e[i])}.\nActual:   ${a}.\nExpected: ${e}.`);
  }
}

/** Throws unless actual and expected (arrays, typed arrays or numbers) hold the same values within epsilon (default testEpsilon()). */
export function expectArraysClose(actual: Values, expected: Values, epsilon?: number): void {
  const eps = epsilon ?? testEpsilon();
  expectArraysPredicate(actual, expected, (a, e) => areClose(a as number, e as number, eps));
}

/** Throws unless actual and expected hold equal values (strings compared with ==, as TF.js). */
export function expectArraysEqual(actual: Values, expected: Values): void {
  const first = (v: Values) => (typeof v === 'object' ? (v as ArrayLike<unknown>)[0] : undefined);
  if (isString(actual) || isString(first(actual)) || isString(expected) || isString(first(expected))) {
    const exp = typeof expected === 'object' ? expected : [expected];
    // Loosely, as TF.js: the string '1' equals the number 1.
    expectArraysPredicate(actual, exp, (a, e) => a == e);
    return;
  }
  expectArraysPredicate(actual, expected, (a, e) => areClose(a as number, e as number, 0));
}

/** Throws unless a is within epsilon (default testEpsilon()) of e. */
export function expectNumbersClose(a: number, e: number, epsilon?: number): void {
  if (!areClose(a, e, epsilon ?? testEpsilon())) throw new Error(`Numbers differ: actual === ${a}, expected === ${e}`);
}

/** Throws unless every value lies in [low, high]. */
export function expectValuesInRange(actual: ArrayLike<number>, low: number, high: number): void {
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] < low || actual[i] > high) throw new Error(`Value out of range:${actual[i]} low: ${low}, high: ${high}`);
  }
}

/** Throws unless the two buffers, read as float32, are equal. */
export function expectArrayBuffersEqual(actual: ArrayBuffer, expected: ArrayBuffer): void {
  const [a, e] = [new Float32Array(actual), new Float32Array(expected)];
  if (a.length !== e.length) throw new Error(`Expected ArrayBuffer to be of length ${e.length}, but it was ${a.length}`);
  for (let i = 0; i < e.length; i++) {
    if (a[i] !== e[i]) throw new Error(`Expected ArrayBuffer value at ${i} to be ${e[i]} but got ${a[i]} instead`);
  }
}

/** Calls done() when the promise fn gives rejects, and done.fail() when it resolves (a jasmine-style helper). */
export function expectPromiseToFail(fn: () => Promise<unknown>, done: { (): void; fail: (message?: Error | string) => void }): void {
  fn().then(() => done.fail(), () => done());
}

/** Replaces each string of a nested array with its utf-8 bytes, in place, and returns the array. */
export function encodeStrings(a: unknown[]): unknown[] {
  for (let i = 0; i < a.length; i++) a[i] = Array.isArray(a[i]) ? encodeStrings(a[i] as unknown[]) : encodeString(a[i] as string);
  return a;
}
