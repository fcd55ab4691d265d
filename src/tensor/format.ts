import type { DType, TypedArray } from '../backend/handle';

// Tensor text as TF.js's tensor.toString() writes it: 'Tensor' and the values, rows padded per column, long
// axes shown by their first and last three entries.

const LIMIT = 20;
const EDGE = 3;

function valueText(v: number, dtype: DType): string {
  if (dtype === 'bool') return v === 0 ? 'false' : 'true';
  return String(parseFloat(v.toFixed(7)));
}

function padded(v: number, width: number | undefined, dtype: DType): string {
  return valueText(v, dtype).padEnd(width ?? 0);
}

/** Row-major strides of every axis but the last. */
function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(Math.max(shape.length - 1, 0));
  for (let i = shape.length - 2, step = 1; i >= 0; i--) { step *= shape[i + 1]; strides[i] = step; }
  return strides;
}

function lines(vals: TypedArray, shape: readonly number[], dtype: DType, strides: number[], pad: number[], isLast: boolean): string[] {
  const rank = shape.length;
  // A scalar shows every digit of its value (0.3333333432674408 for a float32 1/3), as TF.js.
  if (rank === 0) return [dtype === 'bool' ? valueText(vals[0], dtype) : String(vals[0])];
  const size = shape[0];
  if (rank === 1) {
    const cell = (i: number) => padded(vals[i], pad[i], dtype);
    if (size > LIMIT) {
      const first = Array.from({ length: EDGE }, (_, i) => cell(i));
      const last = Array.from({ length: EDGE }, (_, i) => cell(size - EDGE + i));
      return [`[${first.join(', ')}, ..., ${last.join(', ')}]`];
    }
    return [`[${Array.from({ length: size }, (_, i) => cell(i)).join(', ')}]`];
  }
  const stride = strides[0];
  const sub = (i: number) => lines(vals.subarray(i * stride, (i + 1) * stride), shape.slice(1), dtype, strides.slice(1), pad, i === size - 1);
  const out: string[] = [];
  if (size > LIMIT) {
    for (let i = 0; i < EDGE; i++) out.push(...sub(i));
    out.push('...');
    for (let i = size - EDGE; i < size; i++) out.push(...sub(i));
  } else {
    for (let i = 0; i < size; i++) out.push(...sub(i));
  }
  const sep = rank === 2 ? ',' : '';
  out[0] = `[${size > 0 ? out[0] + sep : ''}`;
  for (let i = 1; i < out.length - 1; i++) out[i] = ` ${out[i]}${sep}`;
  const between = `,\n${'\n'.repeat(Math.max(rank - 2, 0))}`;
  out[out.length - 1] = ` ${out[out.length - 1]}]${isLast ? '' : between}`;
  return out;
}

/** As TF.js's tensor.toString(verbose): verbose adds the dtype, rank and shape. */
export function formatTensor(vals: TypedArray, shape: readonly number[], dtype: DType, verbose: boolean): string {
  const strides = stridesOf(shape);
  const cols = shape.length > 1 ? shape[shape.length - 1] : 0;
  const pad = new Array<number>(cols).fill(0);
  for (let i = 0; cols > 0 && i < vals.length; i++) pad[i % cols] = Math.max(pad[i % cols], valueText(vals[i], dtype).length);
  const head = ['Tensor'];
  if (verbose) head.push(`  dtype: ${dtype}`, `  rank: ${shape.length}`, `  shape: [${shape.join(',')}]`, '  values:');
  head.push(lines(vals, shape, dtype, strides, pad, true).map((l) => `    ${l}`).join('\n'));
  return head.join('\n');
}
