import { argError, describeValue } from './validate';

// tf.env(): the flags TF.js programs read (where they run) and set (PROD, DEBUG). TF.js's backend flags (WEBGL_*,
// WASM_*, CPU_*) tune TF.js's own kernels, which tessera does not have, so they are refused rather than ignored.

type FlagValue = boolean | number | string;

/** Why tessera refuses TF.js's debug mode (the DEBUG flag, enableDebugMode). */
export const NO_DEBUG_MODE = "tessera has no debug mode: its checks always run, and it never downloads every op's output to look for NaN";

interface Flag {
  read(): FlagValue;
  /** Why a value cannot be set, or null when it can. */
  refuse?(value: FlagValue): string | null;
}

const hasNode = (): boolean => typeof process !== 'undefined' && typeof process.versions?.node === 'string';
const agent = (): { userAgent?: string; vendor?: string } =>
  (globalThis as { navigator?: { userAgent?: string; vendor?: string } }).navigator ?? {};

const FLAGS: Record<string, Flag> = {
  IS_BROWSER: { read: () => (typeof window !== 'undefined' && window.document != null) || typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined' },
  IS_NODE: { read: hasNode },
  IS_CHROME: { read: () => /Chrome/.test(agent().userAgent ?? '') && /Google Inc/.test(agent().vendor ?? '') },
  IS_SAFARI: { read: () => /Safari/.test(agent().userAgent ?? '') && /Apple/.test(agent().vendor ?? '') },
  // tessera checks every argument before any work in every mode, so production mode changes nothing.
  PROD: { read: () => false },
  DEBUG: { read: () => false, refuse: (v) => (v === true ? `false (${NO_DEBUG_MODE})` : null) },
  DEPRECATION_WARNINGS_ENABLED: { read: () => true },
  IS_TEST: { read: () => false },
  // TF.js's debugging aids, off by default there too: tessera never downloads outputs to check them or keeps
  // intermediates of a tidy for inspection.
  CHECK_COMPUTATION_FOR_ERRORS: { read: () => false, refuse: (v) => (v === true ? 'false (tessera does not download every op\'s output to check it)' : null) },
  KEEP_INTERMEDIATE_TENSORS: { read: () => false, refuse: (v) => (v === true ? 'false (tessera does not keep the intermediates of a tidy for inspection)' : null) },
  // What programs read to pick a backend: the WebGL version a canvas offers here (0 in Node), as TF.js detects it.
  WEBGL_VERSION: { read: webglVersion, refuse: (v) => (v === webglVersion() ? null : `${webglVersion()}, what the platform offers (tessera's gpu backend takes the WebGL it finds)`) },
  HAS_WEBGL: { read: () => webglVersion() > 0, refuse: (v) => (v === webglVersion() > 0 ? null : `${webglVersion() > 0}, what the platform offers`) },
};

/** 2 or 1 where a canvas gives a webgl2 or webgl context, else 0. */
function webglVersion(): number {
  const doc = (globalThis as { document?: { createElement(tag: string): { getContext(kind: string): unknown } } }).document;
  if (!doc) return 0;
  const canvas = doc.createElement('canvas');
  if (canvas.getContext('webgl2')) return 2;
  return canvas.getContext('webgl') ? 1 : 0;
}

/** The environment's flags, as TF.js's Environment: read by get() (evaluated once), changed by set(). */
export class Environment {
  private flags: Record<string, FlagValue> = {};

  get(flagName: string): FlagValue {
    const flag = known('env().get', flagName);
    if (!(flagName in this.flags)) this.flags[flagName] = flag.read();
    return this.flags[flagName];
  }

  getBool(flagName: string): boolean {
    return this.get(flagName) as boolean;
  }

  getNumber(flagName: string): number {
    return this.get(flagName) as number;
  }

  getString(flagName: string): string {
    return this.get(flagName) as string;
  }

  /** Every flag read or set so far. */
  getFlags(): Record<string, FlagValue> {
    return this.flags;
  }

  /** Where tessera runs, as TF.js's platformName: 'node' in Node, else 'browser'. */
  get platformName(): 'node' | 'browser' {
    return hasNode() ? 'node' : 'browser';
  }

  /** TF.js's older name for getFlags(). */
  get features(): Record<string, FlagValue> {
    return this.flags;
  }

  /** Sets a flag; a value of another type than the flag's, or one tessera cannot honour, is refused. */
  set(flagName: string, value: FlagValue): void {
    this.check('env().set', flagName, value);
    this.flags[flagName] = value;
  }

  private check(op: string, flagName: string, value: FlagValue): void {
    const flag = known(op, flagName);
    const current = flag.read();
    if (typeof value !== typeof current) throw argError(op, 'value', describeValue(value), `a ${typeof current} for flag ${flagName}`);
    const why = flag.refuse?.(value);
    if (why) throw argError(op, 'value', describeValue(value), why);
  }

  /** Sets several flags, each as set() does; none is set unless every one can be. */
  setFlags(flags: Record<string, FlagValue>): void {
    if (flags === null || typeof flags !== 'object') throw argError('env().setFlags', 'flags', describeValue(flags), 'an object of flag names and values');
    const entries = Object.entries(flags);
    for (const [name, value] of entries) this.check('env().setFlags', name, value);
    for (const [name, value] of entries) this.flags[name] = value;
  }

  /** A flag's value, as a promise (TF.js's flags may be evaluated asynchronously; tessera's never are). */
  async getAsync(flagName: string): Promise<FlagValue> {
    return this.get(flagName);
  }

  /** Forgets every flag read or set, so each is evaluated again. */
  reset(): void {
    this.flags = {};
  }
}

function known(op: string, flagName: string): Flag {
  if (typeof flagName === 'string' && Object.hasOwn(FLAGS, flagName)) return FLAGS[flagName];
  const backendFlag = typeof flagName === 'string' && /^(WEBGL|WEBGPU|WASM|CPU)_/.test(flagName)
    ? ` (${flagName} tunes one of TF.js's own backends; tessera's are its cpu kernels and gpu.js)`
    : '';
  throw argError(op, 'flagName', describeValue(flagName), `one of ${Object.keys(FLAGS).join(', ')}${backendFlag}`);
}

/** The environment, as TF.js's tf.ENV (what tf.env() returns). */
export const ENV = new Environment();

/** The process's environment flags, as tf.env(). */
export function env(): Environment {
  return ENV;
}
