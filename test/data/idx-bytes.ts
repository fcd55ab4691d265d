import { concatUint8Arrays } from 'typed-array-utils';

/** Element types as tests write them: IDX type code, bytes per value, big-endian writer. */
export const TYPES = {
  ubyte: { code: 0x08, size: 1, set: (v: DataView, o: number, x: number) => v.setUint8(o, x) },
  byte: { code: 0x09, size: 1, set: (v: DataView, o: number, x: number) => v.setInt8(o, x) },
  short: { code: 0x0b, size: 2, set: (v: DataView, o: number, x: number) => v.setInt16(o, x, false) },
  int: { code: 0x0c, size: 4, set: (v: DataView, o: number, x: number) => v.setInt32(o, x, false) },
  float: { code: 0x0d, size: 4, set: (v: DataView, o: number, x: number) => v.setFloat32(o, x, false) },
  double: { code: 0x0e, size: 8, set: (v: DataView, o: number, x: number) => v.setFloat64(o, x, false) },
} as const;

export type TypeName = keyof typeof TYPES;

/** An IDX file written independently of the parser, for round-trips and corruption. */
export function encodeIdx(type: TypeName, dims: readonly number[], values: readonly number[]): Uint8Array {
  const { code, size, set } = TYPES[type];
  const header = new Uint8Array(4 + 4 * dims.length);
  const hv = new DataView(header.buffer);
  header[2] = code;
  header[3] = dims.length;
  dims.forEach((d, i) => hv.setUint32(4 + 4 * i, d, false));
  const body = new Uint8Array(values.length * size);
  const bv = new DataView(body.buffer);
  values.forEach((x, i) => set(bv, i * size, x));
  return concatUint8Arrays(header, body);
}
