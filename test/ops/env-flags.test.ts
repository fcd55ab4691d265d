import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.env()', () => {
  it('says where it runs, and enableProdMode sets PROD', () => {
    const e = tn.env();
    expect(e.get('IS_NODE')).toBe(true);
    expect(e.get('IS_BROWSER')).toBe(false);
    tn.enableProdMode();
    expect(e.getBool('PROD')).toBe(true);
    e.set('PROD', false);
    expect(e.getFlags().PROD).toBe(false);
    e.reset();
    expect(e.getFlags()).toEqual({});
  });

  it("refuses what it cannot honour, naming the flag's choices, and changes nothing", () => {
    const e = tn.env();
    expect(() => e.set('DEBUG', true)).toThrow(/env\(\).set: value must be false \(tessera has no debug mode/);
    expect(e.get('DEBUG')).toBe(false);
    expect(() => e.set('PROD', 1)).toThrow(/env\(\).set: value must be a boolean for flag PROD, got number 1/);
    expect(() => e.set('WEBGL_PACK', false)).toThrow(/env\(\).set: flagName must be one of IS_BROWSER, .*\(WEBGL_PACK tunes one of TF.js's own backends/);
    expect(() => e.get('NO_SUCH_FLAG')).toThrow(/env\(\).get: flagName must be one of IS_BROWSER, IS_NODE/);
    expect(e.getFlags()).not.toHaveProperty('WEBGL_PACK');
  });
});
