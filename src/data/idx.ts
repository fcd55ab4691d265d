import { bufferSourceToDataView, bufferSourceToUint8Array } from 'typed-array-utils';
import { argError, describeValue, fmtShape } from '../util/validate';

export type IdxElementType = 'ubyte' | 'byte' | 'short' | 'int' | 'float' | 'double';
export type IdxArray = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** A parsed IDX file: its dims and its values in row-major order, in the array type of its element type. */
export interface IdxData {
  dims: number[];
  type: IdxElementType;
  data: IdxArray;
}

interface ElementType {
  name: IdxElementType;
  size: number;
  /**
   * The `count` big-endian values starting at byte `start`: a copy, or, for single bytes of a buffer that is the
   * reader's own (`owned`, parseOwnedIdx), a view of it.
   */
  read(view: DataView, start: number, count: number, owned: boolean): IdxArray;
}

function readEach<T extends IdxArray>(out: T, size: number, start: number, get: (offset: number) => number): T {
  for (let i = 0; i < out.length; i++) out[i] = get(start + i * size);
  return out;
}

/** A view of the caller's bytes kept only when they are the reader's own, else copied out. */
const ownedOrCopy = <T extends Uint8Array | Int8Array>(bytes: T, owned: boolean): T => (owned ? bytes : (bytes.slice() as T));

// Copies rather than views, so the result never aliases (or pins) the caller's buffer; single bytes are only
// viewed where the buffer is the reader's own (parseOwnedIdx).
const ELEMENT_TYPES: ReadonlyMap<number, ElementType> = new Map<number, ElementType>([
  [0x08, { name: 'ubyte', size: 1, read: (v, s, n, owned) => ownedOrCopy(new Uint8Array(v.buffer, v.byteOffset + s, n), owned) }],
  [0x09, { name: 'byte', size: 1, read: (v, s, n, owned) => ownedOrCopy(new Int8Array(v.buffer, v.byteOffset + s, n), owned) }],
  [0x0b, { name: 'short', size: 2, read: (v, s, n) => readEach(new Int16Array(n), 2, s, (o) => v.getInt16(o, false)) }],
  [0x0c, { name: 'int', size: 4, read: (v, s, n) => readEach(new Int32Array(n), 4, s, (o) => v.getInt32(o, false)) }],
  [0x0d, { name: 'float', size: 4, read: (v, s, n) => readEach(new Float32Array(n), 4, s, (o) => v.getFloat32(o, false)) }],
  [0x0e, { name: 'double', size: 8, read: (v, s, n) => readEach(new Float64Array(n), 8, s, (o) => v.getFloat64(o, false)) }],
]);

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;
const KNOWN_TYPES = [...ELEMENT_TYPES].map(([code, t]) => `${hex(code)} (${t.name})`).join(', ');

/**
 * Parses an IDX file (the MNIST format): magic 0x00 0x00, an element-type byte, the number of
 * dims, each dim a big-endian uint32, then the values big-endian. A truncated or corrupt file
 * is an Error naming `fileName` and the byte offset; every size is checked against the bytes
 * present before anything is allocated.
 */
export function parseIdx(bytes: Uint8Array | ArrayBuffer, fileName: string): IdxData {
  return parseChecked(bytes, fileName, false);
}

/**
 * parseIdx of a buffer the caller has just read and hands over (a file's or a response's bytes): ubyte and byte
 * data are a view of it, not a copy. MNIST's 47 MB of training images are then neither copied nor paged in twice.
 */
export function parseOwnedIdx(bytes: Uint8Array | ArrayBuffer, fileName: string): IdxData {
  return parseChecked(bytes, fileName, true);
}

function parseChecked(bytes: Uint8Array | ArrayBuffer, fileName: string, owned: boolean): IdxData {
  if (typeof fileName !== 'string' || fileName === '') throw argError('parseIdx', 'fileName', describeValue(fileName), 'a non-empty string');
  if (!(bytes instanceof Uint8Array || bytes instanceof ArrayBuffer)) {
    throw argError('parseIdx', 'bytes', describeValue(bytes), 'a Uint8Array or an ArrayBuffer');
  }
  // BufferSource's type excludes views of a SharedArrayBuffer; the helpers treat those alike.
  const source = bytes as BufferSource;
  const u8 = bufferSourceToUint8Array(source);
  const view = bufferSourceToDataView(source);
  const fail = (what: string, offset: number, detail: string) => new Error(`${fileName}: ${what} at byte ${offset}: ${detail}`);

  if (u8.length < 4) throw fail('truncated', u8.length, `expected a 4-byte header (magic, type, dim count), found ${u8.length} bytes`);
  const badMagic = u8[0] !== 0 ? 0 : u8[1] !== 0 ? 1 : -1;
  if (badMagic >= 0) throw fail('bad magic', badMagic, `expected 0x00, found ${hex(u8[badMagic])} (not an IDX file?)`);
  const type = ELEMENT_TYPES.get(u8[2]);
  if (type === undefined) throw fail('unknown element type', 2, `expected one of ${KNOWN_TYPES}, found ${hex(u8[2])}`);
  const rank = u8[3];
  if (rank === 0) throw fail('zero dimensions', 3, 'expected a dim count of at least 1, found 0');

  const dataStart = 4 + 4 * rank;
  if (u8.length < dataStart) {
    const missing = 4 + 4 * Math.floor((u8.length - 4) / 4);
    throw fail('truncated', missing, `expected ${rank} dims (a ${dataStart}-byte header), found ${u8.length} bytes`);
  }
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));

  // Multiplied in doubles: past 2^53 the count is no longer exact, and no file is that large anyway.
  let count = dims.includes(0) ? 0 : 1;
  for (let i = 0; i < rank && count > 0; i++) {
    count *= dims[i];
    if (count > Number.MAX_SAFE_INTEGER) throw fail('dims overflow', 4 + 4 * i, `dims ${fmtShape(dims)} hold more than 2^53 - 1 elements`);
  }
  const expected = count * type.size;
  const found = u8.length - dataStart;
  if (expected > found) throw fail('truncated', dataStart, `expected ${expected} bytes of ${type.name} data for dims ${fmtShape(dims)}, found ${found}`);
  if (expected < found) {
    throw fail('trailing bytes', dataStart + expected, `expected the file to end after ${expected} bytes of ${type.name} data for dims ${fmtShape(dims)}, found ${found - expected} more`);
  }
  return { dims, type: type.name, data: type.read(view, dataStart, count, owned) };
}
