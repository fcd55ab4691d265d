import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('rand and randomGamma', () => {
  it('rand calls the function once per element, in order', () => {
    let k = 0;
    const t = tn.rand([2, 3], () => k++ * 1.5, 'int32');
    expect(t.dtype).toBe('int32');
    expect(Array.from(t.dataSync())).toEqual([0, 1, 3, 4, 6, 7]);
    expect(() => tn.rand([2], 3 as never)).toThrow('rand: randFunction must be a function returning a number, got number 3');
  });

  it('randomGamma has mean alpha/beta and variance alpha/beta², for alpha below and above 1; a seed replays', () => {
    for (const [alpha, beta] of [[0.5, 1], [2, 0.5], [9, 3]]) {
      const v = Array.from(tn.randomGamma([20000], alpha, beta, 'float64', 17).dataSync());
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
      expect(Math.abs(mean - alpha / beta)).toBeLessThan(0.03 * (alpha / beta) + 0.01);
      expect(Math.abs(variance / (alpha / beta ** 2) - 1)).toBeLessThan(0.06);
      expect(v.every((x) => x >= 0)).toBe(true);
    }
    expect(Array.from(tn.randomGamma([5], 1.5, 1, 'float32', 3).dataSync())).toEqual(Array.from(tn.randomGamma([5], 1.5, 1, 'float32', 3).dataSync()));
  });

  it('randomGamma refuses a non-positive alpha or beta', () => {
    expect(() => tn.randomGamma([2], 0)).toThrow('randomGamma: alpha must be a positive number, got 0');
    expect(() => tn.randomGamma([2], 1, -1)).toThrow('randomGamma: beta must be a positive number, got -1');
  });
});
