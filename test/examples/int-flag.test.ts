import { describe, expect, it } from 'vitest';
import { intFlag } from '../../examples/int-flag';

describe('intFlag (the examples\' and benches\' integer flags)', () => {
  it('reads a positive integer, and 0 where the flag allows it (npm run mnist -- --seed 0, the default sequence)', () => {
    expect(intFlag('epochs', '5')).toBe(5);
    expect(intFlag('seed', '0', 0)).toBe(0);
    expect(intFlag('seed', '7', 0)).toBe(7);
  });

  it('refuses what is not such an integer, naming the flag, what it got and what it takes', () => {
    expect(() => intFlag('epochs', '0')).toThrow('--epochs must be a positive integer, got "0"');
    expect(() => intFlag('seed', '-1', 0)).toThrow('--seed must be a non-negative integer, got "-1"');
    for (const text of ['', ' ', '1.5', 'two', undefined]) {
      expect(() => intFlag('seed', text, 0)).toThrow(`--seed must be a non-negative integer, got ${JSON.stringify(text)}`);
    }
  });
});
