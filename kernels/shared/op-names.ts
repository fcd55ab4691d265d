// The op names every kernel set (cpu, wasm, gpu) and the backends agree on.

export type UnaryOp = 'neg' | 'abs' | 'exp' | 'log' | 'sqrt' | 'square' | 'relu' | 'step' | 'sigmoid' | 'tanh' | 'reciprocal';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'maximum' | 'minimum' | 'pow' | 'greater' | 'equal';
export type ReduceOp = 'sum' | 'max' | 'min';
/** The activations fused into a product's or a convolution's epilogue. */
export type Activation = 'linear' | 'relu';
