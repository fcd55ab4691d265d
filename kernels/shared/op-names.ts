// The op names every kernel set (cpu, wasm, gpu) and the backends agree on.
import type { MathBinaryOp, MathReduceOp, MathUnaryOp } from './math-op-names';

export type UnaryOp = 'neg' | 'abs' | 'exp' | 'log' | 'sqrt' | 'square' | 'relu' | 'step' | 'sigmoid' | 'tanh' | 'reciprocal' | MathUnaryOp
  | 'floor' | 'ceil' | 'round' | 'sign' | 'isNaN' | 'isInf' | 'isFinite' | 'logicalNot';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'maximum' | 'minimum' | 'pow' | 'greater' | 'equal' | MathBinaryOp
  | 'mod' | 'floorDiv' | 'logicalAnd' | 'logicalOr' | 'logicalXor';
export type ReduceOp = 'sum' | 'max' | 'min' | MathReduceOp;

/** Ops whose results are 0/1 flags: the backends give them dtype bool (TF.js's comparisons, logical ops, tests, any/all). */
const BOOL_RESULTS: ReadonlySet<string> = new Set([
  'greater', 'equal', 'less', 'lessEqual', 'greaterEqual', 'notEqual',
  'logicalAnd', 'logicalOr', 'logicalXor', 'logicalNot', 'isNaN', 'isInf', 'isFinite', 'any', 'all',
]);

export function returnsBool(op: UnaryOp | BinaryOp | ReduceOp): boolean {
  return BOOL_RESULTS.has(op);
}
/** The activations fused into a product's or a convolution's epilogue. */
export type Activation = 'linear' | 'relu';
