import type * as tessera from '../../src/index';

// What a compatibility program is, what a run of one gives, and how two runs compare: written once for the Node
// suite (harness.ts, compat.test.ts) and the page runner (test/browser/compat-page.ts), so nothing here imports a
// library or a Node built-in.

export type TF = typeof tessera;

export interface Program {
  name: string;
  run(tf: TF): unknown;
  /**
   * Set only where tessera deliberately differs from TF.js (where matching it would be wrong): the reason. The program
   * still runs with both, and the suite checks that the difference is still there.
   */
  deviation?: string;
}

type Plain = number | boolean | string | null | undefined | Plain[] | { [k: string]: Plain };
interface TensorOut { tensor: { shape: number[]; dtype: string; values: (number | string)[] } }
export type Normal = Plain | TensorOut | Normal[] | { [k: string]: Normal };

export interface Outcome {
  threw: string | null;
  value: Normal;
  printed: string[];
}

function isTensor(v: unknown): v is { shape: number[]; dtype: string; dataSync(): ArrayLike<number | string>; isDisposed: boolean } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { shape?: unknown }).shape) && typeof (v as { dataSync?: unknown }).dataSync === 'function';
}

/** Tensors become {shape, dtype, values} (read before anything disposes them); typed arrays become arrays. */
function normalize(v: unknown): Normal {
  if (isTensor(v)) {
    if (v.isDisposed) return { tensor: { shape: [...v.shape], dtype: v.dtype, values: [] } };
    // A string tensor's values compare as text.
    return { tensor: { shape: [...v.shape], dtype: v.dtype, values: Array.from(v.dataSync(), (x) => (typeof x === 'string' ? x : Number(x))) } };
  }
  // A typed array keeps its class (programs check dataSync() instanceof Int32Array, as TF.js users do).
  if (ArrayBuffer.isView(v)) return { [v.constructor.name]: Array.from(v as unknown as ArrayLike<number>, Number) };
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object' && v !== null) {
    const out: { [k: string]: Normal } = {};
    for (const k of Object.keys(v).sort()) out[k] = normalize((v as Record<string, unknown>)[k]);
    return out;
  }
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return String(v);
  return v as Plain;
}

/** Runs one program with one library: its (awaited) result, what it printed with console.log, and any error. */
export async function runWith(program: Program, tf: TF): Promise<Outcome> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => { printed.push(args.map(String).join(' ')); };
  try {
    const value = normalize(await program.run(tf));
    return { threw: null, value, printed };
  } catch (e) {
    return { threw: e instanceof Error ? e.message : String(e), value: null, printed };
  } finally {
    console.log = log;
  }
}

/** How far a number may be from TF.js's, relative to max(1, |TF.js's|): float32 kernels summing in another order. */
export const TOL = 1e-4;

/** How close two outcomes must be. */
export interface Closeness {
  /** For numbers, relative to max(1, |TF.js's|). */
  tol: number;
  /**
   * Numbers written in text (printed lines, strings returned) compared within tol, the rest of the text exactly:
   * float32 kernels on another device print other last digits. Otherwise text is compared exactly.
   */
  numbersInText: boolean;
}

/** The Node suite's closeness (tessera's cpu backend against TF.js's): numbers within TOL, text exactly. */
export const CPU_CLOSENESS: Closeness = { tol: TOL, numbersInText: false };

const NUMBER_IN_TEXT = /(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|NaN|-?Infinity)/i;

/** Text equal but for its numbers, which are within tol. */
function closeText(a: string, b: string, tol: number): boolean {
  const [ga, gb] = [a.split(NUMBER_IN_TEXT), b.split(NUMBER_IN_TEXT)];
  // split with a capture group alternates text (even places) and numbers (odd places).
  return ga.length === gb.length && ga.every((part, i) => (i % 2 === 0 ? part === gb[i] : closeNumber(Number(part), Number(gb[i]), tol)));
}

function closeNumber(a: number, b: number, tol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** The differences between tessera's outcome (got) and TF.js's (want), each as a path and description. */
export function differences(got: Normal, want: Normal, path = '$', close = CPU_CLOSENESS): string[] {
  if (typeof want === 'number' && typeof got === 'number') return closeNumber(got, want, close.tol) ? [] : [`${path}: ${got} vs TF.js ${want}`];
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return [`${path}: ${JSON.stringify(got)} vs TF.js array`];
    if (got.length !== want.length) return [`${path}: length ${got.length} vs TF.js ${want.length}`];
    // One difference per element, so a report shows every op of a program that differs, not only the first.
    return want.flatMap((w, i) => differences(got[i], w, `${path}[${i}]`, close).slice(0, 1));
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) return [`${path}: ${JSON.stringify(got)} vs TF.js ${JSON.stringify(want)}`];
    if ('tensor' in want && 'tensor' in got) {
      const [g, w] = [(got as TensorOut).tensor, (want as TensorOut).tensor];
      if (g.dtype !== w.dtype) return [`${path}: dtype ${g.dtype} vs TF.js ${w.dtype}`];
      if (JSON.stringify(g.shape) !== JSON.stringify(w.shape)) return [`${path}: shape [${g.shape}] vs TF.js [${w.shape}]`];
      return differences(g.values, w.values, `${path}.values`, close);
    }
    const keys = Object.keys(want);
    if (JSON.stringify(Object.keys(got)) !== JSON.stringify(keys)) return [`${path}: keys ${Object.keys(got)} vs TF.js ${keys}`];
    return keys.flatMap((k) => differences((got as Record<string, Normal>)[k], (want as Record<string, Normal>)[k], `${path}.${k}`, close));
  }
  const same = got === want || (close.numbersInText && typeof got === 'string' && typeof want === 'string' && closeText(got, want, close.tol));
  return same ? [] : [`${path}: ${JSON.stringify(got)} vs TF.js ${JSON.stringify(want)}`];
}

/** Where tessera's run of a program differs from TF.js's, in words, or null when they agree. */
export function compareOutcomes(got: Outcome, want: Outcome, close = CPU_CLOSENESS): string | null {
  if (want.threw !== null || got.threw !== null) {
    if (want.threw !== null && got.threw !== null) return null;
    return want.threw !== null
      ? `TF.js throws (${want.threw}) but tessera returns ${JSON.stringify(got.value)?.slice(0, 300)}`
      : `tessera throws (${got.threw}) but TF.js returns ${JSON.stringify(want.value)?.slice(0, 300)}`;
  }
  const found = [...differences(got.printed, want.printed, 'printed', close), ...differences(got.value, want.value, '$', close)];
  return found.length === 0 ? null : found.join('\n');
}
