import { sleb, uleb } from './leb128';

/** Value types as the binary format numbers them. */
export const ValType = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;
export type ValType = (typeof ValType)[keyof typeof ValType];

/** The result type of a block, loop or if: nothing (0x40) or one value. */
export type BlockType = 'void' | ValType;

// Every SIMD instruction is the 0xFD prefix followed by its LEB128 sub-opcode.
const SIMD = 0xfd;

/**
 * Emits one function body's instructions, one method per opcode, in the order called.
 * Alignment hints are the natural ones (log2 of the access size); offsets are byte offsets.
 */
export class CodeWriter {
  private readonly bytes: number[] = [];

  /** The instruction bytes written so far, without the final `end`. */
  get instructions(): readonly number[] { return this.bytes; }

  private op(...b: number[]): this { this.bytes.push(...b); return this; }
  private simd(sub: number, ...imm: number[]): this { return this.op(SIMD, ...uleb(sub), ...imm); }
  private memarg(alignLog2: number, offset: number): number[] { return [...uleb(alignLog2), ...uleb(offset)]; }
  private blockType(t: BlockType): number { return t === 'void' ? 0x40 : t; }

  // Control flow. Branch depths count enclosing blocks outward from 0.
  block(t: BlockType = 'void'): this { return this.op(0x02, this.blockType(t)); }
  loop(t: BlockType = 'void'): this { return this.op(0x03, this.blockType(t)); }
  if(t: BlockType = 'void'): this { return this.op(0x04, this.blockType(t)); }
  else(): this { return this.op(0x05); }
  end(): this { return this.op(0x0b); }
  br(depth: number): this { return this.op(0x0c, ...uleb(depth)); }
  brIf(depth: number): this { return this.op(0x0d, ...uleb(depth)); }
  return(): this { return this.op(0x0f); }
  call(funcIndex: number): this { return this.op(0x10, ...uleb(funcIndex)); }
  drop(): this { return this.op(0x1a); }
  select(): this { return this.op(0x1b); }

  // Locals (parameters first, then declared locals).
  localGet(i: number): this { return this.op(0x20, ...uleb(i)); }
  localSet(i: number): this { return this.op(0x21, ...uleb(i)); }
  localTee(i: number): this { return this.op(0x22, ...uleb(i)); }

  // Scalar memory access.
  i32Load(offset = 0): this { return this.op(0x28, ...this.memarg(2, offset)); }
  f32Load(offset = 0): this { return this.op(0x2a, ...this.memarg(2, offset)); }
  i32Store(offset = 0): this { return this.op(0x36, ...this.memarg(2, offset)); }
  f32Store(offset = 0): this { return this.op(0x38, ...this.memarg(2, offset)); }
  f64Load(offset = 0): this { return this.op(0x2b, ...this.memarg(3, offset)); }
  /** One byte, zero-extended to i32. */
  i32Load8U(offset = 0): this { return this.op(0x2d, ...this.memarg(0, offset)); }
  /** The low byte of an i32. */
  i32Store8(offset = 0): this { return this.op(0x3a, ...this.memarg(0, offset)); }
  f64Store(offset = 0): this { return this.op(0x39, ...this.memarg(3, offset)); }
  /** memory.fill (bulk memory): [dst, value, bytes] → []. */
  memoryFill(): this { return this.op(0xfc, ...uleb(11), 0x00); }
  /** memory.copy (bulk memory): [dst, src, bytes] → [], as memmove. */
  memoryCopy(): this { return this.op(0xfc, ...uleb(10), 0x00, 0x00); }

  // i32 arithmetic and comparisons.
  i32Const(v: number): this { return this.op(0x41, ...sleb(v)); }
  i32Eqz(): this { return this.op(0x45); }
  i32Eq(): this { return this.op(0x46); }
  i32Ne(): this { return this.op(0x47); }
  i32LtS(): this { return this.op(0x48); }
  i32LtU(): this { return this.op(0x49); }
  i32GtS(): this { return this.op(0x4a); }
  i32GtU(): this { return this.op(0x4b); }
  i32LeS(): this { return this.op(0x4c); }
  i32GeS(): this { return this.op(0x4e); }
  i32GeU(): this { return this.op(0x4f); }
  i32Add(): this { return this.op(0x6a); }
  i32Sub(): this { return this.op(0x6b); }
  i32Mul(): this { return this.op(0x6c); }
  i32And(): this { return this.op(0x71); }
  i32Or(): this { return this.op(0x72); }
  i32Shl(): this { return this.op(0x74); }
  i32Ctz(): this { return this.op(0x68); }
  i32Popcnt(): this { return this.op(0x69); }
  i32ShrU(): this { return this.op(0x76); }
  i32DivU(): this { return this.op(0x6e); }

  // f32 arithmetic.
  f32Const(v: number): this {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    return this.op(0x43, ...b);
  }
  /** 1 when a ≠ b, also when either is NaN. */
  f32Ne(): this { return this.op(0x5c); }
  /** Comparisons give 1 or 0; 0 when either is NaN (f32Ne aside). */
  f32Eq(): this { return this.op(0x5b); }
  f32Lt(): this { return this.op(0x5d); }
  f32Gt(): this { return this.op(0x5e); }
  f32Le(): this { return this.op(0x5f); }
  f32Ge(): this { return this.op(0x60); }
  f32Sqrt(): this { return this.op(0x91); }
  /** |a|: the sign bit cleared. */
  f32Abs(): this { return this.op(0x8b); }
  /** −a: the sign bit flipped. */
  f32Neg(): this { return this.op(0x8c); }
  f32Ceil(): this { return this.op(0x8d); }
  /** Rounded to the nearest integer, ties to even (−0.5 gives −0). */
  f32Nearest(): this { return this.op(0x90); }
  f32Floor(): this { return this.op(0x8e); }
  /** a with the sign of b. */
  f32Copysign(): this { return this.op(0x98); }
  f32Add(): this { return this.op(0x92); }
  f32Sub(): this { return this.op(0x93); }
  f32Mul(): this { return this.op(0x94); }
  f32Div(): this { return this.op(0x95); }
  /** Minimum and maximum: NaN if either is NaN, −0 below +0 (Math.min and Math.max exactly). */
  f32Min(): this { return this.op(0x96); }
  f32Max(): this { return this.op(0x97); }
  f64Add(): this { return this.op(0xa0); }
  f64Mul(): this { return this.op(0xa2); }
  f64Div(): this { return this.op(0xa3); }
  /** A signed i32 as f64 (exact). */
  f64ConvertI32S(): this { return this.op(0xb7); }
  /** Signed i32 → f32 (exact below 2^24). */
  f32ConvertI32S(): this { return this.op(0xb2); }
  /** f32 → f64, exact. */
  f64PromoteF32(): this { return this.op(0xbb); }
  /** f64 → f32, rounded to nearest as a Float32Array store rounds. */
  f32DemoteF64(): this { return this.op(0xb6); }

  // SIMD (v128 / f32x4).
  v128Load(offset = 0): this { return this.simd(0x00, ...this.memarg(4, offset)); }
  v128Load32Splat(offset = 0): this { return this.simd(0x09, ...this.memarg(2, offset)); }
  v128Store(offset = 0): this { return this.simd(0x0b, ...this.memarg(4, offset)); }
  v128Const0(): this { return this.simd(0x0c, ...new Array<number>(16).fill(0)); }
  /** i8x16.shuffle picking four 32-bit lanes, 0-3 from the first operand and 4-7 from the second. */
  i32x4Shuffle(l0: number, l1: number, l2: number, l3: number): this {
    return this.simd(0x0d, ...[l0, l1, l2, l3].flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]));
  }
  /** v128.const holding four i32 lanes. */
  v128ConstI32(l0: number, l1: number, l2: number, l3: number): this {
    return this.simd(0x0c, ...new Uint8Array(Int32Array.of(l0, l1, l2, l3).buffer));
  }
  i32x4Splat(): this { return this.simd(0x11); }
  f32x4Splat(): this { return this.simd(0x13); }
  f32x4ExtractLane(lane: number): this { return this.simd(0x1f, lane); }
  f64x2Splat(): this { return this.simd(0x14); }
  f64x2ExtractLane(lane: number): this { return this.simd(0x21, lane); }
  i32x4ExtractLane(lane: number): this { return this.simd(0x1b, lane); }
  /** Lane-wise a > b: all ones where true, zeros where false (and for NaN). */
  f32x4Gt(): this { return this.simd(0x44); }
  /** Lane-wise a < b, a <= b, a >= b, as f32x4Gt (zeros for NaN). */
  f32x4Lt(): this { return this.simd(0x43); }
  f32x4Le(): this { return this.simd(0x45); }
  f32x4Ge(): this { return this.simd(0x46); }
  /** The i32 lanes of a then b as 8 i16 lanes, saturating (so a compare's −1/0 stays −1/0). */
  i16x8NarrowI32x4S(): this { return this.simd(0x85); }
  /** The i16 lanes of a then b as 16 i8 lanes, saturating. */
  i8x16NarrowI16x8S(): this { return this.simd(0x65); }
  /** The low or high 8 i8 lanes, zero-extended to i16 lanes. */
  i16x8ExtendLowI8x16U(): this { return this.simd(0x89); }
  i16x8ExtendHighI8x16U(): this { return this.simd(0x8a); }
  /** The low or high 4 i16 lanes, zero-extended to i32 lanes. */
  i32x4ExtendLowI16x8U(): this { return this.simd(0xa9); }
  i32x4ExtendHighI16x8U(): this { return this.simd(0xaa); }
  /** Signed i32 lanes to f32 lanes (exact below 2^24). */
  f32x4ConvertI32x4S(): this { return this.simd(0xfa); }
  v128And(): this { return this.simd(0x4e); }
  /** a & ~b. */
  v128AndNot(): this { return this.simd(0x4f); }
  v128Or(): this { return this.simd(0x50); }
  /** 1 when any bit of the vector is set, else 0. */
  v128AnyTrue(): this { return this.simd(0x53); }
  /** Lane-wise a == b: all ones where equal (never for NaN). */
  f32x4Eq(): this { return this.simd(0x41); }
  /** Lane-wise a ≠ b: all ones where unequal (and for NaN). */
  f32x4Ne(): this { return this.simd(0x42); }
  /** The top bit of each i32 lane, lane 0 in bit 0. */
  i32x4Bitmask(): this { return this.simd(0xa4); }
  /** Bytes of the first operand picked by the second's byte indices (0 for an index ≥ 16). */
  i8x16Swizzle(): this { return this.simd(0x0e); }
  /** 1 when every i32 lane is nonzero, else 0. */
  i32x4AllTrue(): this { return this.simd(0xa3); }
  /** Lane bits from the first operand where the mask (third) has ones, else from the second. */
  v128Bitselect(): this { return this.simd(0x52); }
  /** Lane-wise a == b on i32 lanes: all ones where equal. */
  i32x4Eq(): this { return this.simd(0x37); }
  i32x4Add(): this { return this.simd(0xae); }
  /** Each lane shifted left by the i32 on top of the stack. */
  i32x4Shl(): this { return this.simd(0xab); }
  /** Lane-wise a < b on signed i32 lanes: all ones where true. */
  i32x4LtS(): this { return this.simd(0x39); }
  i32x4Mul(): this { return this.simd(0xb5); }
  f32x4Ceil(): this { return this.simd(0x67); }
  f32x4Floor(): this { return this.simd(0x68); }
  /** Lane-wise rounding to the nearest integer, ties to even (−0.5 gives −0). */
  f32x4Nearest(): this { return this.simd(0x6a); }
  /** Lane-wise |a| and −a: the sign bits cleared or flipped. */
  f32x4Abs(): this { return this.simd(0xe0); }
  f32x4Neg(): this { return this.simd(0xe1); }
  f32x4Sqrt(): this { return this.simd(0xe3); }
  f32x4Add(): this { return this.simd(0xe4); }
  f32x4Sub(): this { return this.simd(0xe5); }
  f32x4Mul(): this { return this.simd(0xe6); }
  f32x4Div(): this { return this.simd(0xe7); }
  /** Lane-wise minimum and maximum: NaN if either is NaN, −0 below +0 (Math.min and Math.max exactly). */
  f32x4Min(): this { return this.simd(0xe8); }
  f32x4Max(): this { return this.simd(0xe9); }
  f64x2Add(): this { return this.simd(0xf0); }
  f64x2Sub(): this { return this.simd(0xf1); }
  f64x2Mul(): this { return this.simd(0xf2); }
  f64x2Div(): this { return this.simd(0xf3); }
  /** Pseudo-minimum pmin(a, b) = b < a ? b : a and pseudo-maximum pmax(a, b) = a < b ? b : a, lane-wise (a NaN `a` stays). */
  f64x2Pmin(): this { return this.simd(0xf6); }
  f64x2Pmax(): this { return this.simd(0xf7); }
  f64x2Abs(): this { return this.simd(0xec); }
  f64x2Neg(): this { return this.simd(0xed); }
  /** Lane-wise a < b: all ones where true, zeros where false (and for NaN). */
  f64x2Lt(): this { return this.simd(0x49); }
  /** v128.const holding two f64 lanes. */
  v128ConstF64(l0: number, l1: number): this {
    return this.simd(0x0c, ...new Uint8Array(Float64Array.of(l0, l1).buffer));
  }
  i64x2Add(): this { return this.simd(0xce); }
  /** Each i64 lane shifted left by the i32 operand (mod 64). */
  i64x2Shl(): this { return this.simd(0xcb); }
  /** The two f64 lanes rounded to f32 (as a Float32Array store rounds) in lanes 0 and 1; lanes 2 and 3 are 0. */
  f32x4DemoteF64x2Zero(): this { return this.simd(0x5e); }
  /** The low two f32 lanes as two f64 lanes, exactly. */
  f64x2PromoteLowF32x4(): this { return this.simd(0x5f); }
  /** Pseudo-max: pmax(a, b) = a < b ? b : a, lane-wise, exactly as JS evaluates it (so pmax(v, 0) is relu's `v < 0 ? 0 : v`). */
  f32x4Pmax(): this { return this.simd(0xeb); }
  /** Pseudo-min: pmin(a, b) = b < a ? b : a, lane-wise (so pmin(v, hi) is `v > hi ? hi : v`, a NaN v kept). */
  f32x4Pmin(): this { return this.simd(0xea); }
  /** Relaxed-SIMD fused multiply-add a*b+c; only valid where relaxedSimdSupported(). */
  f32x4RelaxedMadd(): this { return this.simd(0x105); }
}
