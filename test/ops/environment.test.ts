import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('disposeVariables and nextFrame', () => {
  it('disposeVariables frees every live variable, optimizer slots included', () => {
    const w = tn.variable(tn.ones([3]));
    tn.train.adam(0.1).minimize(() => tn.sum(tn.square(w)));
    const before = tn.memory().numTensors;
    tn.disposeVariables();
    expect(w.isDisposed).toBe(true);
    // w and Adam's two moment slots.
    expect(before - tn.memory().numTensors).toBeGreaterThanOrEqual(3);
  });

  it('nextFrame resolves after the current task', async () => {
    const order: string[] = [];
    const frame = tn.nextFrame().then(() => order.push('frame'));
    await Promise.resolve().then(() => order.push('microtask'));
    await frame;
    expect(order).toEqual(['microtask', 'frame']);
  });
});

describe('profile', () => {
  it('counts the bytes and tensors f leaves and the peak after any op, per op too, and hands back the result', async () => {
    const base = tn.memory().numBytes;
    const info = await tn.profile(() => {
      const x = tn.tensor1d([1, 2, 3]);
      let x2 = x.square();
      x2.dispose();
      const sq = x.square();
      x2 = tn.reshape(sq, [3, 1]);
      sq.dispose();
      x2.dispose();
      return x;
    });
    expect([info.newBytes, info.newTensors, info.peakBytes - base]).toEqual([12, 1, 36]);
    expect(info.kernels.map((k) => [k.name, k.bytesAdded, k.totalBytesSnapshot - base, k.tensorsAdded])).toEqual([['Square', 12, 24, 1], ['Square', 12, 24, 1], ['Reshape', 12, 36, 1]]);
    expect(info.kernelNames).toEqual(['Square', 'Reshape']);
    expect(Array.from((info.result as tn.Tensor).dataSync())).toEqual([1, 2, 3]);
    (info.result as tn.Tensor).dispose();
    await expect(tn.profile(42 as never)).rejects.toThrow('profile: f must be a function to profile');
  });
});

describe('env().platform', () => {
  it('encodes and decodes text, and refuses what it cannot code, naming the argument', () => {
    const { platform } = tn.env();
    expect(Array.from(platform.encode('é', 'utf8'))).toEqual([0xc3, 0xa9]);
    expect(platform.decode(Uint8Array.of(0xc3, 0xa9), 'utf-8')).toBe('é');
    expect(() => platform.encode('a', 'latin1')).toThrow(/env\(\)\.platform\.encode: encoding must be 'utf-8' or 'utf8' \(the only encoding TextEncoder writes\), got/);
    expect(() => platform.encode(5 as never, 'utf-8')).toThrow(/env\(\)\.platform\.encode: text must be a string, got/);
    expect(() => platform.decode([1] as never, 'utf-8')).toThrow(/env\(\)\.platform\.decode: bytes must be a Uint8Array, got/);
    expect(() => platform.decode(Uint8Array.of(1), 'no-such-coding')).toThrow(/env\(\)\.platform\.decode: encoding must be an encoding TextDecoder knows .*, got/);
    expect(platform.decode(Uint8Array.of(0xe9), 'latin1')).toBe('é');
  });
});
