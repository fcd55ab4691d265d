import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

describe('tn.env()', () => {
  it('says where it runs, and enableProdMode sets PROD', () => {
    const e = tn.env();
    // As TF.js in Node on import (test/compat's programs compare the rest of what getFlags() then holds).
    expect(Object.entries(e.getFlags()).slice(0, 5)).toEqual([['IS_BROWSER', false], ['IS_NODE', true], ['DEBUG', false], ['CPU_HANDOFF_SIZE_THRESHOLD', 128], ['CANVAS2D_WILL_READ_FREQUENTLY_FOR_GPU', false]]);
    expect(e.get('IS_NODE')).toBe(true);
    expect(e.get('IS_BROWSER')).toBe(false);
    tn.enableProdMode();
    expect(e.getBool('PROD')).toBe(true);
    e.set('PROD', false);
    expect(e.getFlags().PROD).toBe(false);
    e.reset();
    expect(e.getFlags()).toEqual({});
  });

  it("refuses what it cannot honour and changes nothing; unknown flags throw TF.js's words", () => {
    const e = tn.env();
    expect(() => e.set('DEBUG', true)).toThrow(/env\(\).set: value must be false \(tessera has no debug mode/);
    expect(e.get('DEBUG')).toBe(false);
    expect(() => e.set('PROD', 1)).toThrow(/env\(\).set: value must be a boolean for flag PROD, got number 1/);
    expect(() => e.get('NO_SUCH_FLAG')).toThrow(/^Cannot evaluate flag 'NO_SUCH_FLAG': no evaluation function found\.$/);
    expect(() => e.set('NO_SUCH_FLAG', 1)).toThrow(/^Cannot set flag NO_SUCH_FLAG as it has not been registered\.$/);
    expect(() => e.get('WASM_HAS_SIMD_SUPPORT')).toThrow(/^Cannot evaluate flag 'WASM_HAS_SIMD_SUPPORT'/);
    expect(e.getFlags()).not.toHaveProperty('NO_SUCH_FLAG');
  });

  it('reads what programs probe (IS_TEST, the debugging aids, WebGL: none in Node), as TF.js in Node; setFlags sets all or none', async () => {
    const e = tn.env();
    e.reset();
    expect([e.get('IS_TEST'), e.get('CHECK_COMPUTATION_FOR_ERRORS'), e.get('KEEP_INTERMEDIATE_TENSORS'), e.getNumber('WEBGL_VERSION'), e.getBool('HAS_WEBGL')]).toEqual([false, false, false, 0, false]);
    expect(await e.getAsync('IS_NODE')).toBe(true);
    expect(() => e.set('KEEP_INTERMEDIATE_TENSORS', true)).toThrow(/value must be false \(tessera does not keep the intermediates/);
    expect(() => e.setFlags({ IS_TEST: true, DEBUG: true })).toThrow(/env\(\).setFlags: value must be false/);
    expect(e.getFlags().IS_TEST).toBe(false);
    e.setFlags({ IS_TEST: true, PROD: false });
    expect(e.getFlags()).toEqual({ IS_TEST: true, PROD: false });
    e.reset();
  });

  it("holds TF.js's webgl and cpu tuning flags at TF.js's values in Node, and sets them (they tune kernels tessera does not have)", () => {
    const e = tn.env();
    const names = ['WEBGL_PACK', 'WEBGL_CPU_FORWARD', 'WEBGL_FORCE_F16_TEXTURES', 'WEBGL_DELETE_TEXTURE_THRESHOLD', 'CPU_HANDOFF_SIZE_THRESHOLD', 'TOPK_K_CPU_HANDOFF_THRESHOLD', 'WEBGL_MAX_SIZE_FOR_NARROW_TEXTURE'];
    expect(names.map((n) => e.get(n))).toEqual(names.map((n) => tf.env().get(n)));
    expect(names.map((n) => e.get(n))).toEqual([false, true, false, -1, 128, 128, Infinity]);
    e.set('WEBGL_PACK', true);
    e.set('WEBGL_VERSION', 2);
    e.set('CHECK_COMPUTATION_FOR_ERRORS', true);
    expect([e.get('WEBGL_PACK'), e.get('WEBGL_VERSION'), e.get('CHECK_COMPUTATION_FOR_ERRORS')]).toEqual([true, 2, true]);
    expect(() => e.get('WEBGL_MAX_TEXTURE_SIZE')).toThrow(/^Cannot get WebGL rendering context, WebGL is disabled\.$/);
    e.set('WEBGL_MAX_TEXTURE_SIZE', 4096);
    expect(e.getNumber('WEBGL_MAX_TEXTURE_SIZE')).toBe(4096);
    e.reset();
  });

  it('takes flags of the program\'s own (registerFlag), with their set hooks', async () => {
    const e = tn.env();
    const told: unknown[] = [];
    e.registerFlag('MY_APP_FLAG', () => 3, (v) => told.push(v));
    e.registerFlag('MY_ASYNC_FLAG', async () => 'later');
    expect(e.get('MY_APP_FLAG')).toBe(3);
    e.set('MY_APP_FLAG', 5);
    expect([e.get('MY_APP_FLAG'), told]).toEqual([5, [5]]);
    expect(() => e.get('MY_ASYNC_FLAG')).toThrow(/^Flag MY_ASYNC_FLAG cannot be synchronously evaluated\. Please use getAsync\(\) instead\.$/);
    expect(await e.getAsync('MY_ASYNC_FLAG')).toBe('later');
    // flagRegistry lists them with tessera's own flags, as TF.js's (programs look a flag up there before setting it).
    const registry = e.flagRegistry;
    expect(registry.MY_APP_FLAG.evaluationFn()).toBe(3);
    expect(registry.IS_NODE.evaluationFn()).toBe(true);
    expect(registry.NOT_A_FLAG).toBeUndefined();
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
