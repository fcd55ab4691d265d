import { argError, fmtValue } from './validate';

// tf.util.fingerPrint64 and hexToLong: FarmHash's 64-bit fingerprint of bytes, as TF.js's hash_util computes it (the
// hash behind TensorFlow's string-to-bucket ops), on 64-bit integers held as BigInt; the result is a Long as TF.js
// gives it (long.js's fields low, high and unsigned, and its common reading methods).

const MASK = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => v & MASK;

/** A 64-bit integer as long.js's Long: low and high 32 bits (as signed ints) and whether it reads unsigned. */
export class Long {
  constructor(readonly low: number, readonly high: number, readonly unsigned = false) {}

  /** @internal From the 64 bits of v (taken modulo 2^64). */
  static fromBits64(v: bigint, unsigned: boolean): Long {
    const bits = u64(v);
    return new Long(Number(BigInt.asIntN(32, bits)), Number(BigInt.asIntN(32, bits >> 32n)), unsigned);
  }

  private value(): bigint {
    const bits = (BigInt(this.high >>> 0) << 32n) | BigInt(this.low >>> 0);
    return this.unsigned ? bits : BigInt.asIntN(64, bits);
  }

  /** In base radix (2 to 36), with a minus sign when signed and negative, as long.js writes it. */
  toString(radix = 10): string {
    if (!Number.isInteger(radix) || radix < 2 || radix > 36) throw new RangeError('radix');
    return this.value().toString(radix);
  }

  /** The nearest double, as long.js's toNumber. */
  toNumber(): number {
    return this.unsigned ? (this.high >>> 0) * 2 ** 32 + (this.low >>> 0) : this.high * 2 ** 32 + (this.low >>> 0);
  }

  /** The same bits read signed. */
  toSigned(): Long {
    return this.unsigned ? new Long(this.low, this.high, false) : this;
  }

  /** The same bits read unsigned. */
  toUnsigned(): Long {
    return this.unsigned ? this : new Long(this.low, this.high, true);
  }

  /** Whether other (a Long, or a number) is the same value, as long.js compares them. */
  equals(other: Long | number): boolean {
    const o = other instanceof Long ? other : Long.fromBits64(BigInt(Math.trunc(other)), false);
    if (this.unsigned !== o.unsigned && this.high >>> 31 === 1 && o.high >>> 31 === 1) return false;
    return this.high === o.high && this.low === o.low;
  }
}

/** An unsigned Long from hexadecimal digits, as tf.util.hexToLong. */
export function hexToLong(hex: string): Long {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]+$/.test(hex)) throw argError('util.hexToLong', 'hex', fmtValue(hex), 'a string of hexadecimal digits');
  return Long.fromBits64(BigInt(`0x${hex}`), true);
}

const k0 = 0xc3a5c85c97cb3127n;
const k1 = 0xb492b66fbe98f273n;
const k2 = 0x9ae16a3b2f90404fn;

const add = (...vs: bigint[]): bigint => u64(vs.reduce((a, b) => a + b, 0n));
const mul = (a: bigint, b: bigint): bigint => u64(a * b);
const shiftMix = (v: bigint): bigint => v ^ (v >> 47n);
const rotate = (v: bigint, shift: bigint): bigint => (shift === 0n ? v : u64((v >> shift) | (v << (64n - shift))));

/** The little-endian unsigned integer of bytes[offset, offset + n) (bytes past the end read as 0, as long.js's fromBytes). */
function fetch(s: ArrayLike<number>, offset: number, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt((s[offset + i] ?? 0) & 0xff);
  return v;
}
const fetch64 = (s: ArrayLike<number>, offset: number) => fetch(s, offset, 8);

function hashLen16(u: bigint, v: bigint, m = 0x9ddfea08eb382d69n): bigint {
  let a = mul(u ^ v, m);
  a ^= a >> 47n;
  let b = mul(v ^ a, m);
  b ^= b >> 47n;
  return mul(b, m);
}

function weakHashLen32WithSeeds(s: ArrayLike<number>, offset: number, a: bigint, b: bigint): [bigint, bigint] {
  const [w, x, y, z] = [0, 8, 16, 24].map((o) => fetch64(s, offset + o));
  a = add(a, w);
  b = rotate(add(b, a, z), 21n);
  const c = a;
  a = add(a, x, y);
  b = add(b, rotate(a, 44n));
  return [add(a, z), add(b, c)];
}

function hashLen0to16(s: ArrayLike<number>, len: number): bigint {
  const m = add(k2, BigInt(len * 2));
  if (len >= 8) {
    const a = add(fetch64(s, 0), k2);
    const b = fetch64(s, len - 8);
    const c = add(mul(rotate(b, 37n), m), a);
    const d = mul(add(rotate(a, 25n), b), m);
    return hashLen16(c, d, m);
  }
  if (len >= 4) return hashLen16(add(fetch(s, 0, 4) << 3n, BigInt(len)), fetch(s, len - 4, 4), m);
  if (len > 0) {
    const y = BigInt(s[0] + (s[len >> 1] << 8));
    const z = BigInt(len + (s[len - 1] << 2));
    return mul(shiftMix(mul(k2, y) ^ mul(k0, z)), k2);
  }
  return k2;
}

/** The mix the two longer hashes begin with (the first word times `k`): that word a, the multiplier m, and the pair y, x hashLen16 takes. */
function firstMix(s: ArrayLike<number>, len: number, k: bigint): { a: bigint; m: bigint; y: bigint; x: bigint } {
  const m = add(k2, BigInt(len * 2));
  const a = mul(fetch64(s, 0), k);
  const b = fetch64(s, 8);
  const c = mul(fetch64(s, len - 8), m);
  const d = mul(fetch64(s, len - 16), k2);
  return { a, m, y: add(rotate(add(a, b), 43n), rotate(c, 30n), d), x: add(a, rotate(add(b, k2), 18n), c) };
}

function hashLen17to32(s: ArrayLike<number>, len: number): bigint {
  const { m, y, x } = firstMix(s, len, k1);
  return hashLen16(y, x, m);
}

function hashLen33to64(s: ArrayLike<number>, len: number): bigint {
  const { a, m, y, x } = firstMix(s, len, k2);
  const z = hashLen16(y, x, m);
  const e = mul(fetch64(s, 16), m);
  const f = fetch64(s, 24);
  const g = mul(add(y, fetch64(s, len - 32)), m);
  const h = mul(add(z, fetch64(s, len - 24)), m);
  return hashLen16(add(rotate(add(e, f), 43n), rotate(g, 30n), h), add(e, rotate(add(f, a), 18n), g), m);
}

function hashLonger(s: ArrayLike<number>, len: number): bigint {
  const seed = 81n;
  let x = add(mul(seed, k2), fetch64(s, 0));
  let y = add(mul(seed, k1), 113n);
  let z = mul(shiftMix(add(mul(y, k2), 113n)), k2);
  let v: [bigint, bigint] = [0n, 0n];
  let w: [bigint, bigint] = [0n, 0n];
  const end = ((len - 1) >> 6) * 64;
  const last64 = end + ((len - 1) & 63) - 63;
  let offset = 0;
  do {
    x = mul(rotate(add(x, y, v[0], fetch64(s, offset + 8)), 37n), k1);
    y = mul(rotate(add(y, v[1], fetch64(s, offset + 48)), 42n), k1);
    x ^= w[1];
    y = add(y, v[0], fetch64(s, offset + 40));
    z = mul(rotate(add(z, w[0]), 33n), k1);
    v = weakHashLen32WithSeeds(s, offset, mul(v[1], k1), add(x, w[0]));
    w = weakHashLen32WithSeeds(s, offset + 32, add(z, w[1]), add(y, fetch64(s, offset + 16)));
    [z, x] = [x, z];
    offset += 64;
  } while (offset !== end);
  const m = add(k1, (z & 0xffn) << 1n);
  offset = last64;
  w[0] = add(w[0], BigInt((len - 1) & 63));
  v[0] = add(v[0], w[0]);
  w[0] = add(w[0], v[0]);
  x = mul(rotate(add(x, y, v[0], fetch64(s, offset + 8)), 37n), m);
  y = mul(rotate(add(y, v[1], fetch64(s, offset + 48)), 42n), m);
  x ^= mul(w[1], 9n);
  y = add(y, mul(v[0], 9n), fetch64(s, offset + 40));
  z = mul(rotate(add(z, w[0]), 33n), m);
  v = weakHashLen32WithSeeds(s, offset, mul(v[1], m), add(x, w[0]));
  w = weakHashLen32WithSeeds(s, offset + 32, add(z, w[1]), add(y, fetch64(s, offset + 16)));
  [z, x] = [x, z];
  return hashLen16(add(hashLen16(v[0], w[0], m), mul(shiftMix(y), k0), z), add(hashLen16(v[1], w[1], m), x), m);
}

/** FarmHash's fingerprint of the first len bytes of s, an unsigned Long, as tf.util.fingerPrint64(s, len?). */
export function fingerPrint64(s: Uint8Array, len?: number): Long {
  const op = 'util.fingerPrint64';
  if (!(s instanceof Uint8Array)) throw argError(op, 's', fmtValue(s), 'a Uint8Array of bytes (e.g. from TextEncoder)');
  const n = len ?? s.length;
  if (!Number.isInteger(n) || n < 0 || n > s.length) throw argError(op, 'len', fmtValue(len), `an integer in [0, ${s.length}] (the bytes of s to hash)`);
  const hash = n <= 16 ? hashLen0to16(s, n) : n <= 32 ? hashLen17to32(s, n) : n <= 64 ? hashLen33to64(s, n) : hashLonger(s, n);
  return Long.fromBits64(hash, true);
}
