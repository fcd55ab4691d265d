import type { TypedArray } from '../backend/handle';

// Tensor text as TF.js's tensor.toString() writes it: 'Tensor' and the values, rows padded per column, long
// axes shown by their first and last three entries.

const LIMIT = 20;
const EDGE = 3;

/** Element i's text: a complex one (values holds its real and imaginary parts) as TF.js's 're + imj', a string quoted. */
type Cell = (i: number) => string;

/** A tensor's values as formatTensor takes them: numbers, a complex tensor's two parts, or a string tensor's strings. */
export type Shown = readonly TypedArray[] | readonly [readonly string[]];

const numberText = (v: number) => String(parseFloat(v.toFixed(7)));

function cellOf(values: Shown, dtype: string): Cell {
  if (dtype === 'string') {
    const [strings] = values as readonly [readonly string[]];
    return (i) => `'${strings[i]}'`;
  }
  const [re, im] = values as readonly TypedArray[];
  if (im) return (i) => `${numberText(re[i])} + ${numberText(im[i])}j`;
  if (dtype === 'bool') return (i) => (re[i] === 0 ? 'false' : 'true');
  return (i) => numberText(re[i]);
}

/** Row-major strides of every axis but the last. */
function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(Math.max(shape.length - 1, 0));
  for (let i = shape.length - 2, step = 1; i >= 0; i--) { step *= shape[i + 1]; strides[i] = step; }
  return strides;
}

/** The lines of the sub-tensor of shape whose first element is element `at`. */
function lines(text: Cell, at: number, shape: readonly number[], strides: number[], pad: number[], isLast: boolean): string[] {
  const rank = shape.length;
  const size = shape[0];
  if (rank === 1) {
    const cell = (i: number) => text(at + i).padEnd(pad[i] ?? 0);
    if (size > LIMIT) {
      const first = Array.from({ length: EDGE }, (_, i) => cell(i));
      const last = Array.from({ length: EDGE }, (_, i) => cell(size - EDGE + i));
      return [`[${first.join(', ')}, ..., ${last.join(', ')}]`];
    }
    return [`[${Array.from({ length: size }, (_, i) => cell(i)).join(', ')}]`];
  }
  const stride = strides[0];
  const sub = (i: number) => lines(text, at + i * stride, shape.slice(1), strides.slice(1), pad, i === size - 1);
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

/**
 * As TF.js's tensor.toString(verbose): verbose adds the dtype, rank and shape. values: the tensor's values, or a
 * complex tensor's real and imaginary parts.
 */
export function formatTensor(values: Shown, shape: readonly number[], dtype: string, verbose: boolean): string {
  const text = cellOf(values, dtype);
  const strides = stridesOf(shape);
  const cols = shape.length > 1 ? shape[shape.length - 1] : 0;
  const pad = new Array<number>(cols).fill(0);
  for (let i = 0; cols > 0 && i < values[0].length; i++) pad[i % cols] = Math.max(pad[i % cols], text(i).length);
  const head = ['Tensor'];
  if (verbose) head.push(`  dtype: ${dtype}`, `  rank: ${shape.length}`, `  shape: [${shape.join(',')}]`, '  values:');
  // A real scalar shows every digit of its value (0.3333333432674408 for a float32 1/3), as TF.js.
  const scalar = values.length === 1 && dtype !== 'bool' ? String(values[0][0]) : text(0);
  head.push((shape.length === 0 ? [scalar] : lines(text, 0, shape, strides, pad, true)).map((l) => `    ${l}`).join('\n'));
  return head.join('\n');
}
