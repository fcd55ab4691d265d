import { describe, expect, it } from 'vitest';
import { parseIdx } from '../../src/data/index';
import { parseOwnedIdx } from '../../src/data/idx';
import { encodeIdx } from './idx-bytes';

const NAME = 'sample-idx';

describe('parseIdx reads valid files', () => {
  it('reads ubyte values and dims', () => {
    const { dims, type, data } = parseIdx(encodeIdx('ubyte', [2, 3], [0, 1, 127, 128, 254, 255]), NAME);
    expect(dims).toEqual([2, 3]);
    expect(type).toBe('ubyte');
    expect(data).toBeInstanceOf(Uint8Array);
    expect([...data]).toEqual([0, 1, 127, 128, 254, 255]);
  });

  it('reads signed bytes', () => {
    const { data } = parseIdx(encodeIdx('byte', [4], [-128, -1, 0, 127]), NAME);
    expect(data).toBeInstanceOf(Int8Array);
    expect([...data]).toEqual([-128, -1, 0, 127]);
  });

  it('reads big-endian shorts', () => {
    const bytes = Uint8Array.of(0, 0, 0x0b, 1, 0, 0, 0, 3, 0x80, 0x00, 0xff, 0xfe, 0x01, 0x02);
    const { data } = parseIdx(bytes, NAME);
    expect(data).toBeInstanceOf(Int16Array);
    expect([...data]).toEqual([-32768, -2, 0x0102]);
  });

  it('reads big-endian int32 exactly, from hand-written bytes', () => {
    const bytes = Uint8Array.of(0, 0, 0x0c, 1, 0, 0, 0, 3, 0x7f, 0xff, 0xff, 0xff, 0x80, 0, 0, 0, 0x01, 0x02, 0x03, 0x04);
    const { dims, data } = parseIdx(bytes, NAME);
    expect(dims).toEqual([3]);
    expect(data).toBeInstanceOf(Int32Array);
    expect([...data]).toEqual([2147483647, -2147483648, 0x01020304]);
  });

  it('reads big-endian float32 exactly, from hand-written bytes', () => {
    // 1.5 = 0x3fc00000, -0.25 = 0xbe800000, max float32 = 0x7f7fffff
    const bytes = Uint8Array.of(0, 0, 0x0d, 2, 0, 0, 0, 1, 0, 0, 0, 3, 0x3f, 0xc0, 0, 0, 0xbe, 0x80, 0, 0, 0x7f, 0x7f, 0xff, 0xff);
    const { dims, data } = parseIdx(bytes, NAME);
    expect(dims).toEqual([1, 3]);
    expect(data).toBeInstanceOf(Float32Array);
    expect([...data]).toEqual([1.5, -0.25, 3.4028234663852886e38]);
  });

  it('reads doubles, NaN included', () => {
    const { data } = parseIdx(encodeIdx('double', [3], [Math.PI, -1e-300, NaN]), NAME);
    expect(data).toBeInstanceOf(Float64Array);
    expect(data[0]).toBe(Math.PI);
    expect(data[1]).toBe(-1e-300);
    expect(data[2]).toBeNaN();
  });

  it('accepts an ArrayBuffer and a view at a non-zero offset, and copies the values out', () => {
    const file = encodeIdx('int', [2], [-7, 9]);
    expect([...parseIdx(file.slice().buffer, NAME).data]).toEqual([-7, 9]);
    const padded = new Uint8Array(file.length + 5);
    padded.set(file, 3);
    const view = padded.subarray(3, 3 + file.length);
    const parsed = parseIdx(view, NAME);
    expect([...parsed.data]).toEqual([-7, 9]);
    expect(parsed.data.buffer).not.toBe(padded.buffer);
  });

  it('parseOwnedIdx views the single bytes of the buffer it is handed (parseIdx copies them) and reads the rest alike', () => {
    const inPadding = (file: Uint8Array): Uint8Array => {
      const padded = new Uint8Array(file.length + 5);
      padded.set(file, 3);
      return padded.subarray(3, 3 + file.length);
    };
    for (const [type, values] of [['ubyte', [0, 7, 255]], ['byte', [-128, 0, 127]]] as const) {
      const view = inPadding(encodeIdx(type, [3], [...values]));
      const owned = parseOwnedIdx(view, NAME);
      expect([owned.type, owned.dims, [...owned.data]]).toEqual([type, [3], values]);
      // The data start after the 8-byte header of a 1-dim file, in the same memory.
      expect([owned.data.buffer, owned.data.byteOffset]).toEqual([view.buffer, 3 + 8]);
      view[8] = 1;
      expect(owned.data[0]).toBe(1);
      expect(parseIdx(view, NAME).data.buffer).not.toBe(view.buffer);
    }
    const ints = inPadding(encodeIdx('int', [2], [-7, 9]));
    const owned = parseOwnedIdx(ints, NAME);
    expect([...owned.data]).toEqual([-7, 9]);
    expect(owned.data.buffer).not.toBe(ints.buffer);
    expect(() => parseOwnedIdx(ints.subarray(0, 11), NAME)).toThrowError(`${NAME}: truncated at byte 8: expected 8 bytes of int data for dims [2], found 3`);
  });

  it('reads a zero-sized dim as an empty array', () => {
    const { dims, data } = parseIdx(encodeIdx('float', [0, 5], []), NAME);
    expect(dims).toEqual([0, 5]);
    expect(data.length).toBe(0);
  });
});

describe('parseIdx rejects corrupt files, naming the file and the byte offset', () => {
  const good = encodeIdx('ubyte', [2, 2], [1, 2, 3, 4]);
  const withByte = (at: number, value: number) => {
    const b = good.slice();
    b[at] = value;
    return b;
  };
  const cases: [string, Uint8Array, string][] = [
    ['empty', new Uint8Array(0), 'sample-idx: truncated at byte 0: expected a 4-byte header'],
    ['short header', good.subarray(0, 3), 'sample-idx: truncated at byte 3:'],
    ['bad magic byte 0', withByte(0, 0x1f), 'sample-idx: bad magic at byte 0: expected 0x00, found 0x1f'],
    ['bad magic byte 1', withByte(1, 0x8b), 'sample-idx: bad magic at byte 1: expected 0x00, found 0x8b'],
    ['unknown type', withByte(2, 0x0a), 'sample-idx: unknown element type at byte 2: expected one of 0x08 (ubyte),'],
    ['zero dims', withByte(3, 0), 'sample-idx: zero dimensions at byte 3'],
    ['truncated dims', good.subarray(0, 10), 'sample-idx: truncated at byte 8: expected 2 dims (a 12-byte header), found 10 bytes'],
    ['truncated data', good.subarray(0, 14), 'sample-idx: truncated at byte 12: expected 4 bytes of ubyte data for dims [2, 2], found 2'],
    ['trailing bytes', Uint8Array.of(...good, 9, 9), 'sample-idx: trailing bytes at byte 16: expected the file to end after 4 bytes of ubyte data for dims [2, 2], found 2 more'],
    ['dims larger than the data', withByte(4, 0x7f), 'sample-idx: truncated at byte 12: expected 4261412868 bytes of ubyte data for dims [2130706434, 2]'],
    ['dims overflow', encodeIdx('double', [0xffffffff, 0xffffffff, 0xffffffff], []), 'sample-idx: dims overflow at byte 8: dims [4294967295, 4294967295, 4294967295] hold more than 2^53 - 1 elements'],
  ];
  it.each(cases)('%s', (_, bytes, message) => {
    expect(() => parseIdx(bytes, NAME)).toThrowError(message);
  });

  it('gives the MNIST-sized truncation message', () => {
    const head = encodeIdx('ubyte', [60000, 28, 28], []);
    const bytes = Uint8Array.of(...head, ...new Uint8Array(1200));
    expect(() => parseIdx(bytes, 'train-images-idx3-ubyte')).toThrowError(
      'train-images-idx3-ubyte: truncated at byte 16: expected 47040000 bytes of ubyte data for dims [60000, 28, 28], found 1200',
    );
  });

  it('checks its arguments', () => {
    expect(() => parseIdx([0, 0, 8, 1] as unknown as Uint8Array, NAME)).toThrowError('parseIdx: bytes must be a Uint8Array or an ArrayBuffer, got an array of length 4');
    expect(() => parseIdx(good, '')).toThrowError('parseIdx: fileName must be a non-empty string, got string ""');
  });
});
