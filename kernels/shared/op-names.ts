// The op names every kernel set (cpu, wasm, gpu) and the backends agree on.
import type { MathBinaryOp, MathReduceOp, MathUnaryOp } from './math-op-names';

export type UnaryOp = 'neg' | 'abs' | 'exp' | 'log' | 'sqrt' | 'square' | 'relu' | 'step' | 'sigmoid' | 'tanh' | 'reciprocal' | MathUnaryOp;
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'maximum' | 'minimum' | 'pow' | 'greater' | 'equal' | MathBinaryOp;
export type ReduceOp = 'sum' | 'max' | 'min' | MathReduceOp;
/** The activations fused into a product's or a convolution's epilogue. */
export type Activation = 'linear' | 'relu';
