import { argError, describeValue } from './validate';
import { PLATFORM, type Platform } from './platform';
import { nodeProcess } from './node-process';

// tf.env(): the flags TF.js programs read (where they run) and set (PROD, DEBUG, their backends' tuning). TF.js's
// backend flags (WEBGL_*, CPU_*, TOPK_*) tune TF.js's webgl kernels, which tessera does not have: they are kept with
// TF.js's values and change nothing, as on TF.js's cpu backend (the reference), which reads none of them either.

type FlagValue = boolean | number | string;

/** Why tessera refuses TF.js's debug mode (the DEBUG flag, enableDebugMode). */
export const NO_DEBUG_MODE = "tessera has no debug mode: its checks always run, and it never downloads every op's output to look for NaN";

interface Flag {
  read(): FlagValue;
  /** Why a value cannot be set, or null when it can. */
  refuse?(value: FlagValue): string | null;
}

const hasNode = (): boolean => typeof nodeProcess()?.versions?.node === 'string';
const agent = (): { userAgent?: string; vendor?: string } =>
  (globalThis as { navigator?: { userAgent?: string; vendor?: string } }).navigator ?? {};

const constant = (value: FlagValue): Flag => ({ read: () => value });
/** True where WebGL is there, as TF.js's webgl backend finds it on the GPUs of today. */
const withWebGL: Flag = { read: () => webglVersion() > 0 };

// In TF.js's order of registration (core, then its webgl backend, as the tfjs package registers them).
const FLAGS: Record<string, Flag> = {
  DEBUG: { read: () => false, refuse: (v) => (v === true ? `false (${NO_DEBUG_MODE})` : null) },
  IS_BROWSER: { read: () => (typeof window !== 'undefined' && window.document != null) || typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined' },
  IS_NODE: { read: hasNode },
  IS_CHROME: { read: () => /Chrome/.test(agent().userAgent ?? '') && /Google Inc/.test(agent().vendor ?? '') },
  IS_SAFARI: { read: () => /Safari/.test(agent().userAgent ?? '') && /Apple/.test(agent().vendor ?? '') },
  // tessera checks every argument before any work in every mode, so production mode changes nothing.
  PROD: constant(false),
  TENSORLIKE_CHECK_SHAPE_CONSISTENCY: constant(false),
  DEPRECATION_WARNINGS_ENABLED: constant(true),
  IS_TEST: constant(false),
  // TF.js's debug-mode check (its webgl kernels' outputs downloaded and checked): off, and nothing to check here.
  CHECK_COMPUTATION_FOR_ERRORS: constant(false),
  WRAP_TO_IMAGEBITMAP: constant(false),
  CANVAS2D_WILL_READ_FREQUENTLY_FOR_GPU: constant(false),
  USE_SETTIMEOUTCUSTOM: constant(false),
  TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES: constant(100),
  // tessera's graph models do not keep the intermediates of an execution for inspection.
  KEEP_INTERMEDIATE_TENSORS: { read: () => false, refuse: (v) => (v === true ? 'false (tessera does not keep the intermediates of a tidy for inspection)' : null) },
  ENGINE_COMPILE_ONLY: constant(false),
  // What programs read to pick a backend: the WebGL version a canvas offers here (0 in Node), as TF.js detects it.
  HAS_WEBGL: { read: () => webglVersion() > 0 },
  WEBGL_VERSION: { read: webglVersion },
  WEBGL_CHECK_NUMERICAL_PROBLEMS: constant(false),
  WEBGL_BUFFER_SUPPORTED: { read: () => webglVersion() === 2 },
  WEBGL_CPU_FORWARD: constant(true),
  WEBGL_FORCE_F16_TEXTURES: constant(false),
  WEBGL_PACK: withWebGL,
  WEBGL_PACK_NORMALIZATION: withWebGL,
  WEBGL_PACK_CLIP: withWebGL,
  WEBGL_PACK_DEPTHWISECONV: withWebGL,
  WEBGL_PACK_BINARY_OPERATIONS: withWebGL,
  WEBGL_PACK_UNARY_OPERATIONS: withWebGL,
  WEBGL_PACK_ARRAY_OPERATIONS: withWebGL,
  WEBGL_PACK_IMAGE_OPERATIONS: withWebGL,
  WEBGL_PACK_REDUCE: withWebGL,
  WEBGL_LAZILY_UNPACK: withWebGL,
  WEBGL_CONV_IM2COL: withWebGL,
  WEBGL_PACK_CONV2DTRANSPOSE: withWebGL,
  WEBGL_MAX_TEXTURE_SIZE: { read: () => webglParameter(0x0d33) },
  // MAX_TEXTURE_IMAGE_UNITS, at most 16 as TF.js takes it.
  WEBGL_MAX_TEXTURES_IN_SHADER: { read: () => Math.min(webglParameter(0x8872), 16) },
  WEBGL_DISJOINT_QUERY_TIMER_EXTENSION_VERSION: constant(0),
  WEBGL_DISJOINT_QUERY_TIMER_EXTENSION_RELIABLE: constant(false),
  WEBGL_RENDER_FLOAT32_CAPABLE: withWebGL,
  WEBGL_RENDER_FLOAT32_ENABLED: withWebGL,
  WEBGL_DOWNLOAD_FLOAT_ENABLED: withWebGL,
  WEBGL_FENCE_API_ENABLED: { read: () => webglVersion() === 2 },
  WEBGL_SIZE_UPLOAD_UNIFORM: { read: () => (webglVersion() > 0 ? 4 : 0) },
  WEBGL_DELETE_TEXTURE_THRESHOLD: constant(-1),
  WEBGL_FLUSH_THRESHOLD: constant(-1),
  CPU_HANDOFF_SIZE_THRESHOLD: constant(128),
  WEBGL_USE_SHAPES_UNIFORMS: constant(false),
  TOPK_LAST_DIM_CPU_HANDOFF_SIZE_THRESHOLD: constant(100000),
  TOPK_K_CPU_HANDOFF_THRESHOLD: constant(128),
  WEBGL_EXP_CONV: constant(false),
  SOFTWARE_WEBGL_ENABLED: constant(false),
  WEBGL_MAX_SIZE_FOR_NARROW_TEXTURE: constant(Infinity),
  WEBGL_AUTO_SQUARIFY_NARROW_TEXTURE_SHAPE: constant(false),
  WEBGL2_ISNAN_CUSTOM: constant(false),
};

// What TF.js's environment has evaluated when a program starts (its platform and cpu backend read them on import).
const READ_AT_START = ['IS_BROWSER', 'IS_NODE', 'DEBUG', 'CPU_HANDOFF_SIZE_THRESHOLD', 'CANVAS2D_WILL_READ_FREQUENTLY_FOR_GPU'];

interface WebGLContext { getParameter(name: number): number }

interface Canvas { getContext(kind: string): WebGLContext | null }

/** A fresh canvas for a WebGL `version` context, as TF.js makes one: an OffscreenCanvas for WebGL2 where there is one (a worker has no other), else the document's. */
function canvasFor(version: 2 | 1): Canvas | null {
  const scope = globalThis as { OffscreenCanvas?: new (width: number, height: number) => Canvas; document?: { createElement(tag: string): Canvas } };
  if (version === 2 && scope.OffscreenCanvas) return new scope.OffscreenCanvas(300, 150);
  return scope.document?.createElement('canvas') ?? null;
}

/** The WebGL context a fresh canvas gives (WebGL2 first) and its version; none where there is no canvas or WebGL. */
function webgl(): { gl: WebGLContext; version: 2 | 1 } | null {
  const gl2 = canvasFor(2)?.getContext('webgl2');
  if (gl2) return { gl: gl2, version: 2 };
  const gl1 = canvasFor(1)?.getContext('webgl');
  return gl1 ? { gl: gl1, version: 1 } : null;
}

/** A WebGL limit as TF.js reads it; where there is no WebGL, TF.js's error. */
function webglParameter(name: number): number {
  const found = webgl();
  if (!found) throw new Error('Cannot get WebGL rendering context, WebGL is disabled.');
  return found.gl.getParameter(name);
}

/** 2 or 1 where a canvas gives a webgl2 or webgl context, else 0. */
function webglVersion(): number {
  return webgl()?.version ?? 0;
}

/** A flag's value as a program's own flag gives it (TF.js's FlagEvaluationFn). */
export type FlagEvaluationFn = (() => FlagValue) | (() => Promise<FlagValue>);

interface Registered {
  evaluationFn: FlagEvaluationFn;
  setHook?: (value: FlagValue) => void;
}

/** The environment's flags, as TF.js's Environment: read by get() (evaluated once), changed by set(). */
export class Environment {
  private flags: Record<string, FlagValue> = {};
  /** Flags a program registered (registerFlag), by name. */
  private readonly registered = new Map<string, Registered>();

  get(flagName: string): FlagValue {
    if (!(typeof flagName === 'string' && flagName in this.flags)) this.flags[flagName] = this.evaluate(flagName);
    return this.flags[flagName];
  }

  private evaluate(flagName: string): FlagValue {
    const own = this.registered.get(flagName);
    if (own) {
      const value = own.evaluationFn();
      if (value instanceof Promise) throw new Error(`Flag ${flagName} cannot be synchronously evaluated. Please use getAsync() instead.`);
      return value;
    }
    if (!isKnown(flagName)) throw new Error(`Cannot evaluate flag '${flagName}': no evaluation function found.`);
    return FLAGS[flagName].read();
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

  /** The fetch, clock and text coding of where tessera runs, as TF.js's env().platform. */
  get platform(): Platform {
    return PLATFORM;
  }

  /** The global object, as TF.js's env().global. */
  get global(): typeof globalThis {
    return globalThis;
  }

  /** TF.js's older name for getFlags(). */
  get features(): Record<string, FlagValue> {
    return this.flags;
  }

  /**
   * Every flag that can be read or set here, by name: tessera's own and those a program registered, as TF.js's
   * env().flagRegistry, which programs look a flag up in before they set it. A fresh object: registering goes
   * through registerFlag.
   */
  get flagRegistry(): Record<string, { evaluationFn: FlagEvaluationFn; setHook?: (value: FlagValue) => void }> {
    const known = Object.fromEntries(Object.entries(FLAGS).map(([name, flag]) => [name, { evaluationFn: () => flag.read() }]));
    return { ...known, ...Object.fromEntries(this.registered) };
  }

  /**
   * Adds a flag of the program's own (or replaces one), as TF.js's registerFlag: evaluationFn gives its value when
   * first read, setHook is told each value set.
   */
  registerFlag(flagName: string, evaluationFn: FlagEvaluationFn, setHook?: (value: FlagValue) => void): void {
    if (typeof flagName !== 'string') throw argError('env().registerFlag', 'flagName', describeValue(flagName), 'a string');
    if (typeof evaluationFn !== 'function') throw argError('env().registerFlag', 'evaluationFn', describeValue(evaluationFn), 'a function giving the value');
    this.registered.set(flagName, { evaluationFn, setHook });
  }

  /** Sets a flag; a value of another type than the flag's, or one tessera cannot honour, is refused. */
  set(flagName: string, value: FlagValue): void {
    this.check('env().set', flagName, value);
    this.flags[flagName] = value;
    this.registered.get(flagName)?.setHook?.(value);
  }

  private check(op: string, flagName: string, value: FlagValue): void {
    if (this.registered.has(flagName)) return;
    if (!isKnown(flagName)) throw new Error(`Cannot set flag ${String(flagName)} as it has not been registered.`);
    const flag = FLAGS[flagName];
    const current = readOrNone(flag);
    if (current !== undefined && typeof value !== typeof current) throw argError(op, 'value', describeValue(value), `a ${typeof current} for flag ${flagName}`);
    const why = flag.refuse?.(value);
    if (why) throw argError(op, 'value', describeValue(value), why);
  }

  /**
   * Makes these the flags, as TF.js's setFlags: every flag read or set before is forgotten (read again when asked).
   * Each is checked as set() checks it; none is set unless every one can be.
   */
  setFlags(flags: Record<string, FlagValue>): void {
    if (flags === null || typeof flags !== 'object') throw argError('env().setFlags', 'flags', describeValue(flags), 'an object of flag names and values');
    for (const [name, value] of Object.entries(flags)) this.check('env().setFlags', name, value);
    this.flags = { ...flags };
  }

  /** A flag's value, as a promise (a flag of the program's own may give one). */
  async getAsync(flagName: string): Promise<FlagValue> {
    if (typeof flagName === 'string' && flagName in this.flags) return this.flags[flagName];
    const own = this.registered.get(flagName);
    if (own) this.flags[flagName] = await own.evaluationFn();
    return this.get(flagName);
  }

  /** Forgets every flag read or set, so each is evaluated again. */
  reset(): void {
    this.flags = {};
  }
}

function isKnown(flagName: unknown): flagName is string {
  return typeof flagName === 'string' && Object.hasOwn(FLAGS, flagName);
}

/** The flag's value, or undefined where reading it throws (a WebGL limit with no WebGL). */
function readOrNone(flag: Flag): FlagValue | undefined {
  try {
    return flag.read();
  } catch {
    return undefined;
  }
}

/** The environment, as TF.js's tf.ENV (what tf.env() returns), with what TF.js reads on import read. */
export const ENV = new Environment();
for (const name of READ_AT_START) ENV.get(name);

/** The process's environment flags, as tf.env(). */
export function env(): Environment {
  return ENV;
}
