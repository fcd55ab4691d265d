import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('reads what programs probe (IS_TEST, the debugging aids, WebGL: none in Node), as TF.js in Node; setFlags sets all or none', async () => {
    const e = tn.env();
    e.reset();
    expect([e.get('IS_TEST'), e.get('CHECK_COMPUTATION_FOR_ERRORS'), e.get('KEEP_INTERMEDIATE_TENSORS'), e.getNumber('WEBGL_VERSION'), e.getBool('HAS_WEBGL')]).toEqual([false, false, false, 0, false]);
    expect(await e.getAsync('IS_NODE')).toBe(true);
    expect(() => e.set('WEBGL_VERSION', 2)).toThrow(/env\(\).set: value must be 0, what the platform offers/);
    expect(() => e.set('CHECK_COMPUTATION_FOR_ERRORS', true)).toThrow(/value must be false \(tessera does not download/);
    expect(() => e.setFlags({ IS_TEST: true, DEBUG: true })).toThrow(/env\(\).setFlags: value must be false/);
    expect(e.getFlags().IS_TEST).toBe(false);
    e.setFlags({ IS_TEST: true, PROD: false });
    expect([e.get('IS_TEST'), e.get('PROD')]).toEqual([true, false]);
    e.reset();
  });
});

describe('deprecation warnings, debug mode and the platform, as TF.js\'s top-level calls', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    tn.env().reset();
    tf.env().set('DEPRECATION_WARNINGS_ENABLED', true);
  });

  it('deprecationWarn warns with TF.js\'s words until disableDeprecationWarnings turns the flag off, saying so', () => {
    const warnings = (lib: typeof tf) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      lib.deprecationWarn('xyz is deprecated.');
      lib.disableDeprecationWarnings();
      lib.deprecationWarn('xyz is deprecated.');
      const said = warn.mock.calls.map((c) => c.join(' '));
      warn.mockRestore();
      return [said, lib.env().getBool('DEPRECATION_WARNINGS_ENABLED')];
    };
    expect(warnings(tn as unknown as typeof tf)).toEqual(warnings(tf));
    expect(warnings(tn as unknown as typeof tf)[1]).toBe(false);
    expect(() => tn.deprecationWarn(undefined as unknown as string)).toThrow(/^deprecationWarn: msg must be a string, got undefined$/);
  });

  it('enableDebugMode and setPlatform are refused with why, changing nothing', () => {
    expect(() => tn.enableDebugMode()).toThrow(/^enableDebugMode: tessera has no debug mode: its checks always run/);
    expect(tn.env().getBool('DEBUG')).toBe(false);
    expect(() => tn.setPlatform('rn', {})).toThrow(/^setPlatform: platformName must be left as it is: tessera runs on the platform it finds \(node here\).*fetchFunc/);
    expect(tn.env().platformName).toBe('node');
  });
});

describe('tn.ENV and the version exports', () => {
  it('ENV is what env() returns, and version_core and its siblings name the TF.js API followed', () => {
    expect(tn.ENV).toBe(tn.env());
    expect(tn.env().platformName).toBe('node');
    expect([tn.version_core, tn.version_layers, tn.version_converter, tn.version_cpu, tn.version_webgl, tn.data.version_data]).toEqual(Array(6).fill(tn.version.tfjs));
    expect(tn.data.version_data).toBe(tf.data.version_data);
  });
});
