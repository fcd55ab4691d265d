import { isFloatDtype, type Tensor } from '../tensor/tensor';
import { argError, fmtShape } from '../util/validate';
import { mul } from './binary';
import { matMul } from './matmul';
import { sum } from './reduction';
import { reshape } from './reshape';
import { toTensorsBeside, type TensorLike } from './tensor-like';
import { transpose } from './transpose';

/**
 * Einstein summation over one or two tensors, as tf.einsum(equation, ...tensors) ('ij,jk->ik', 'bij,bjk->bik',
 * 'i,i->', 'ij->ji'): two float operands contracted by a batched matMul; otherwise each operand laid out over every
 * label (size 1 where it lacks one), multiplied with broadcasting, and summed over the labels the output lacks; the
 * same limits as TF.js (an arrow, at most two
 * operands, no repeated label within one operand, no ellipsis).
 */
export function einsum(equation: string, ...tensors: Array<Tensor | TensorLike>): Tensor {
  const op = 'einsum';
  if (typeof equation !== 'string') throw argError(op, 'equation', typeof equation, "a string such as 'ij,jk->ik'");
  const eq = equation.replace(/\s/g, '');
  const parts = eq.split('->');
  if (parts.length !== 2) throw argError(op, 'equation', `'${equation}'`, 'exactly one arrow (->)');
  if (eq.includes('...')) throw argError(op, 'equation', `'${equation}'`, 'no ellipsis (...)');
  const [inputs, output] = parts;
  const terms = inputs.split(',');
  if (terms.length !== tensors.length) throw argError(op, 'tensors', `${tensors.length} tensors`, `${terms.length}, one per input term of '${equation}'`);
  if (terms.length > 2) throw argError(op, 'equation', `${terms.length} input terms`, 'one or two input terms');
  terms.forEach((term, i) => {
    if (new Set(term).size !== term.length) throw argError(op, 'equation', `the repeated label in input term ${i} ('${term}')`, 'distinct labels within each term');
  });
  for (const label of output) if (!inputs.includes(label)) throw argError(op, 'equation', `output label '${label}'`, 'a label of an input term');
  // The output's labels first, in its order, then the summed ones in order of appearance.
  const labels = [...new Set([...output, ...inputs.replace(/,/g, '')])];
  const size = new Map<string, number>();
  const given = toTensorsBeside(op, tensors.map((t, i) => [`tensors[${i}]`, t] as const));
  const operands = terms.map((term, i) => {
    const t = given[i];
    if (t.rank !== term.length) throw argError(op, `tensors[${i}]`, `shape ${fmtShape(t.shape)}`, `rank ${term.length}, as its term '${term}'`);
    [...term].forEach((label, axis) => {
      const known = size.get(label);
      if (known !== undefined && known !== t.shape[axis]) throw argError(op, `tensors[${i}]`, `size ${t.shape[axis]} for label '${label}'`, `${known}, as elsewhere in the equation`);
      size.set(label, t.shape[axis]);
    });
    return t;
  });
  if (operands.length === 2 && operands.every((t) => isFloatDtype(t.dtype))) return contract(operands[0], terms[0], operands[1], terms[1], output, size);
  const laidOut = operands.map((t, i) => {
    const term = terms[i];
    const order = [...term].map((_, axis) => axis).sort((p, q) => labels.indexOf(term[p]) - labels.indexOf(term[q]));
    return reshape(transpose(t, order), labels.map((label) => (term.includes(label) ? size.get(label)! : 1)));
  });
  const product = laidOut.length === 1 ? laidOut[0] : mul(laidOut[0], laidOut[1]);
  const summed = labels.map((_, i) => i).slice(output.length);
  return summed.length === 0 ? product : sum(product, summed);
}

/** t with its axes in the order of `labels` (each a label of its term): no copy when they already are. */
function arrange(t: Tensor, term: string, labels: string[]): Tensor {
  const order = labels.map((label) => term.indexOf(label));
  return order.every((axis, i) => axis === i) ? t : transpose(t, order);
}

/**
 * Two float operands as one batched matMul (not the product of every label, which for 'ij,jk->ik' is i·j·k
 * numbers): labels of one operand only that the output lacks are summed out of it first; then the labels both
 * share and the output keeps are the batch, those both share and it lacks the contraction.
 */
function contract(a: Tensor, ta: string, b: Tensor, tb: string, output: string, size: Map<string, number>): Tensor {
  const ownSummed = (t: Tensor, term: string, other: string): [Tensor, string] => {
    const gone = [...term].flatMap((label, axis) => (other.includes(label) || output.includes(label) ? [] : [axis]));
    return gone.length === 0 ? [t, term] : [sum(t, gone), [...term].filter((_, axis) => !gone.includes(axis)).join('')];
  };
  const [x, xs] = ownSummed(a, ta, tb);
  const [y, ys] = ownSummed(b, tb, ta);
  const batch = [...xs].filter((label) => ys.includes(label) && output.includes(label));
  const contracted = [...xs].filter((label) => ys.includes(label) && !output.includes(label));
  const xFree = [...xs].filter((label) => !ys.includes(label));
  const yFree = [...ys].filter((label) => !xs.includes(label));
  const count = (labels: string[]) => labels.reduce((n, label) => n * size.get(label)!, 1);
  const [nb, m, k, n] = [count(batch), count(xFree), count(contracted), count(yFree)];
  const product = matMul(reshape(arrange(x, xs, [...batch, ...xFree, ...contracted]), [nb, m, k]), reshape(arrange(y, ys, [...batch, ...contracted, ...yFree]), [nb, k, n]));
  const got = [...batch, ...xFree, ...yFree];
  return arrange(reshape(product, got.map((label) => size.get(label)!)), got.join(''), [...output]);
}
