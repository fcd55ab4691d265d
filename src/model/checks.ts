import { Tensor, type DType } from '../tensor/tensor';
import { argError, fmtShape, fmtValue } from '../util/validate';
import type { Compiled } from './compile';

/** What the data checks need of one model input or output. */
export interface Port {
  name: string;
  /** Shape without the batch dim; null while a Sequential model has not seen its input shape. */
  shape: readonly number[] | null;
  dtype: DType;
}

/**
 * Model inputs or targets as a list in the model's order, from one tensor, an array, or a map by
 * input/output name, as TF.js's fit/evaluate/predict take them.
 */
export function dataList(op: string, arg: string, data: unknown, ports: readonly Port[], what: 'inputs' | 'outputs', made?: Tensor[]): Tensor[] {
  const names = ports.map((p) => `'${p.name}'`).join(', ');
  let list: unknown[];
  if (data instanceof Tensor) {
    if (ports.length !== 1) throw argError(op, arg, 'one Tensor', `an array or a map of ${ports.length} tensors, one per model ${what === 'inputs' ? 'input' : 'output'} (${names})`);
    list = [data];
  } else if (Array.isArray(data)) {
    if (data.length !== ports.length) throw argError(op, arg, `${data.length} tensors`, `${ports.length} tensor${ports.length === 1 ? '' : 's'}, one per model ${what === 'inputs' ? 'input' : 'output'} (${names})`);
    list = data;
  } else if (data !== null && typeof data === 'object') {
    const rec = data as Record<string, unknown>;
    for (const k of Object.keys(rec)) if (!ports.some((p) => p.name === k)) throw argError(op, arg, `the key '${k}'`, `keys naming the model's ${what} (${names})`);
    list = ports.map((p) => {
      if (!Object.hasOwn(rec, p.name)) throw argError(op, arg, `no tensor for '${p.name}'`, `a tensor for every model ${what === 'inputs' ? 'input' : 'output'} (${names})`);
      return rec[p.name];
    });
  } else {
    throw argError(op, arg, fmtValue(data), ports.length === 1 ? 'a Tensor' : `an array or a map of tensors (${names})`);
  }
  return list.map((t, i) => {
    const at = ports.length === 1 ? arg : `${arg}[${i}] ('${ports[i].name}')`;
    if (!(t instanceof Tensor)) throw argError(op, at, fmtValue(t), 'a Tensor');
    t.assertLive(op);
    // Refused here, before a batch is sliced or a step taken (a model's inputs and outputs are numeric).
    if (t.dtype === 'complex64' || t.dtype === 'string') {
      throw argError(op, at, `a ${t.dtype} tensor`, 'a float32, int32 or bool tensor');
    }
    // As TF.js's fit, evaluate and predict: a 1-D tensor for a [batch, 1] input is a column, and so is every 1-D target
    // of an output with more dims (class ids for [batch, classes] too, which the metrics then read as TF.js's do);
    // made is freed by the caller.
    const dims = ports[i].shape;
    if (made && t.rank === 1 && dims && dims.length >= 1 && (what === 'outputs' || (dims.length === 1 && dims[0] === 1))) {
      const column = t.reshape([t.shape[0], 1]);
      made.push(column);
      return column;
    }
    return t;
  });
}

/** Checks inputs against the model's input shapes, and that they hold the same number of samples (another dtype is cast when the model runs, as TF.js). */
export function checkInputs(op: string, arg: string, xs: Tensor[], ports: readonly Port[]): number {
  xs.forEach((x, i) => {
    const p = ports[i];
    const at = ports.length === 1 ? arg : `${arg}[${i}] ('${p.name}')`;
    if (p.shape && (x.rank !== p.shape.length + 1 || p.shape.some((d, j) => d !== null && d !== x.shape[j + 1]))) {
      throw argError(op, at, `shape ${fmtShape(x.shape)}`, `shape [batch, ${p.shape.join(', ')}] to match the model's input${ports.length > 1 ? ` '${p.name}'` : ''}`);
    }
    if (x.rank === 0) throw argError(op, at, 'a scalar', 'a tensor with a batch dim');
  });
  return checkSamples(op, arg, xs, ports);
}

/** Checks that tensors each have a batch dim and all the same number of samples, which it returns. */
export function checkSamples(op: string, arg: string, ts: Tensor[], ports: readonly Port[]): number {
  const n = ts[0]?.shape[0] ?? 0;
  ts.forEach((t, i) => {
    if (t.rank === 0 || t.shape[0] !== n) {
      throw argError(op, ports.length === 1 ? arg : `${arg}[${i}] ('${ports[i].name}')`, `${t.rank === 0 ? 'a scalar' : `${t.shape[0]} samples`} (shape ${fmtShape(t.shape)})`, `${n} samples, as the first one holds`);
    }
  });
  return n;
}

/** Checks targets: one per output, n samples each, and what each output's loss accepts for its prediction shape. */
export function checkTargets(op: string, arg: string, c: Compiled, ys: Tensor[], n: number, outputs: readonly Port[]): void {
  ys.forEach((y, i) => {
    const at = outputs.length === 1 ? arg : `${arg}[${i}] ('${outputs[i].name}')`;
    if (y.rank === 0 || y.shape[0] !== n) {
      throw argError(op, at, `${y.rank === 0 ? 'a scalar' : `${y.shape[0]} samples`} (shape ${fmtShape(y.shape)})`, `${n} samples, one per sample of x`);
    }
    // A size the model leaves open (a sequence's time steps) is the target's own.
    c.losses[i].checkTargets(op, at, y, [n, ...(outputs[i].shape as (number | null)[]).map((d, j) => d ?? y.shape[j + 1])]);
  });
}
