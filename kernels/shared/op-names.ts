// The op names every kernel set (cpu, wasm, gpu) and the backends agree on.

export type UnaryOp = 'neg' | 'abs' | 'exp' | 'log' | 'sqrt' | 'square' | 'relu' | 'step' | 'sigmoid' | 'tanh' | 'reciprocal'
  | 'floor' | 'ceil' | 'round' | 'sign' | 'isNaN' | 'isInf' | 'isFinite' | 'logicalNot';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'maximum' | 'minimum' | 'pow' | 'greater' | 'equal'
  | 'mod' | 'floorDiv' | 'logicalAnd' | 'logicalOr' | 'logicalXor';

/** Ops whose results are 0/1 flags: the backends give them dtype bool (TF.js's comparisons, logical ops and tests). */
const BOOL_RESULTS: ReadonlySet<UnaryOp | BinaryOp> = new Set<UnaryOp | BinaryOp>([
  'greater', 'equal', 'logicalAnd', 'logicalOr', 'logicalXor', 'logicalNot', 'isNaN', 'isInf', 'isFinite',
]);

export function returnsBool(op: UnaryOp | BinaryOp): boolean {
  return BOOL_RESULTS.has(op);
}
export type ReduceOp = 'sum' | 'max' | 'min';
/** The activations fused into a product's or a convolution's epilogue. */
export type Activation = 'linear' | 'relu';
