import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import * as tn from '../../src/index';

// tf.util.fingerPrint64 against TF.js 4.22's (FarmHash fingerprint64) for every length up to 300 bytes (each of its
// four length branches and the loop's tail), and its bad input.

describe('util.fingerPrint64 and hexToLong', () => {
  it('give TF.js 4.22\'s Long (its bits and unsigned flag) for every length, and for a prefix given by len', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n * 7 + 13) % 256);
      const [ours, theirs] = [tn.util.fingerPrint64(bytes), tf.util.fingerPrint64(bytes)];
      expect([ours.low, ours.high, ours.unsigned, ours.toString(16)]).toEqual([theirs.low, theirs.high, theirs.unsigned, theirs.toString(16)]);
    }
    const abc = new TextEncoder().encode('abcdef');
    expect(tn.util.fingerPrint64(abc, 3).toString()).toBe(tf.util.fingerPrint64(abc, 3).toString());
    // 2^64 - 1 read unsigned, then signed.
    const all = tn.util.hexToLong('ffffffffffffffff');
    expect([all.toString(), all.toSigned().toString(), all.toSigned().toNumber(), all.low, all.high]).toEqual(['18446744073709551615', '-1', -1, -1, -1]);
  });

  it('refuses what is not bytes, a len past them, and a hex string that is not one', () => {
    expect(() => tn.util.fingerPrint64([1, 2] as never)).toThrow(/^util\.fingerPrint64: s must be a Uint8Array of bytes \(e\.g\. from TextEncoder\), got/);
    expect(() => tn.util.fingerPrint64(new Uint8Array(4), 5)).toThrow(/^util\.fingerPrint64: len must be an integer in \[0, 4\] \(the bytes of s to hash\), got 5$/);
    expect(() => tn.util.hexToLong('0xg1')).toThrow(/^util\.hexToLong: hex must be a string of hexadecimal digits, got/);
  });
});
