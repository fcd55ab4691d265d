import * as tfjs from '@tensorflow/tfjs';
import * as tessera from '../../src/index';

// A compatibility program is one function written against a `tf` namespace, as a TF.js user writes it; it runs once
// with TensorFlow.js 4.22 (cpu backend) and once with tessera, and whatever it returns (tensors, numbers, strings,
// arrays and objects of them), what it prints and whether it throws must agree. The namespace is typed as tessera's,
// so the project's `tsc --noEmit -p .` (run by `npm test`; it includes test/) checks every program against tessera's
// public types, as a TF.js user's TypeScript would be checked after changing the import.

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

/** TensorFlow.js as a program sees it (its surface is a superset of what the programs use). */
export const tfjsAsTF = tfjs as unknown as TF;

type Plain = number | boolean | string | null | undefined | Plain[] | { [k: string]: Plain };
interface TensorOut { tensor: { shape: number[]; dtype: string; values: number[] } }
type Normal = Plain | TensorOut | Normal[] | { [k: string]: Normal };

export interface Outcome {
  threw: string | null;
  value: Normal;
  printed: string[];
}

function isTensor(v: unknown): v is { shape: number[]; dtype: string; dataSync(): ArrayLike<number>; isDisposed: boolean } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { shape?: unknown }).shape) && typeof (v as { dataSync?: unknown }).dataSync === 'function';
}

/** Tensors become {shape, dtype, values} (read before anything disposes them); typed arrays become arrays. */
function normalize(v: unknown): Normal {
  if (isTensor(v)) {
    if (v.isDisposed) return { tensor: { shape: [...v.shape], dtype: v.dtype, values: [] } };
    return { tensor: { shape: [...v.shape], dtype: v.dtype, values: Array.from(v.dataSync(), Number) } };
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

const TOL = 1e-4;

function closeNumber(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= TOL * Math.max(1, Math.abs(b));
}

/** The differences between tessera's outcome (got) and TF.js's (want), each as a path and description. */
export function differences(got: Normal, want: Normal, path = '$'): string[] {
  if (typeof want === 'number' && typeof got === 'number') return closeNumber(got, want) ? [] : [`${path}: ${got} vs TF.js ${want}`];
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return [`${path}: ${JSON.stringify(got)} vs TF.js array`];
    if (got.length !== want.length) return [`${path}: length ${got.length} vs TF.js ${want.length}`];
    // One difference per element, so a report shows every op of a program that differs, not only the first.
    return want.flatMap((w, i) => differences(got[i], w, `${path}[${i}]`).slice(0, 1));
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) return [`${path}: ${JSON.stringify(got)} vs TF.js ${JSON.stringify(want)}`];
    if ('tensor' in want && 'tensor' in got) {
      const [g, w] = [(got as TensorOut).tensor, (want as TensorOut).tensor];
      if (g.dtype !== w.dtype) return [`${path}: dtype ${g.dtype} vs TF.js ${w.dtype}`];
      if (JSON.stringify(g.shape) !== JSON.stringify(w.shape)) return [`${path}: shape [${g.shape}] vs TF.js [${w.shape}]`];
      return differences(g.values, w.values, `${path}.values`);
    }
    const keys = Object.keys(want);
    if (JSON.stringify(Object.keys(got)) !== JSON.stringify(keys)) return [`${path}: keys ${Object.keys(got)} vs TF.js ${keys}`];
    return keys.flatMap((k) => differences((got as Record<string, Normal>)[k], (want as Record<string, Normal>)[k], `${path}.${k}`));
  }
  return got === want ? [] : [`${path}: ${JSON.stringify(got)} vs TF.js ${JSON.stringify(want)}`];
}

/** Where tessera's run of a program differs from TF.js's, in words, or null when they agree. */
export function compareOutcomes(got: Outcome, want: Outcome): string | null {
  if (want.threw !== null || got.threw !== null) {
    if (want.threw !== null && got.threw !== null) return null;
    return want.threw !== null
      ? `TF.js throws (${want.threw}) but tessera returns ${JSON.stringify(got.value)?.slice(0, 300)}`
      : `tessera throws (${got.threw}) but TF.js returns ${JSON.stringify(want.value)?.slice(0, 300)}`;
  }
  const found = [...differences(got.printed, want.printed, 'printed'), ...differences(got.value, want.value)];
  return found.length === 0 ? null : found.join('\n');
}

export { tfjs, tessera };
