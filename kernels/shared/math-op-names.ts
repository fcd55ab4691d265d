// The math family's op names (trigonometry, special functions, activations, comparisons, logical and product
// reductions), kept apart from op-names.ts so that families added side by side do not touch the same lines.

export const MATH_UNARY_OPS = [
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'rsqrt', 'log1p', 'expm1', 'erf',
  'elu', 'selu', 'relu6', 'softplus', 'logSigmoid', 'asinh', 'acosh', 'atanh',
] as const;
export type MathUnaryOp = (typeof MATH_UNARY_OPS)[number];

/** prelu(x, alpha) is x < 0 ? alpha·x : x; comparisons give 1/0. */
export const MATH_BINARY_OPS = ['atan2', 'prelu', 'less', 'lessEqual', 'greaterEqual', 'notEqual'] as const;
export type MathBinaryOp = (typeof MATH_BINARY_OPS)[number];

/** any / all give 1 where some / every reduced element is non-zero, else 0. */
export type MathReduceOp = 'prod' | 'any' | 'all';

export function isMathUnaryOp(op: string): op is MathUnaryOp {
  return (MATH_UNARY_OPS as readonly string[]).includes(op);
}

export function isMathBinaryOp(op: string): op is MathBinaryOp {
  return (MATH_BINARY_OPS as readonly string[]).includes(op);
}

/** SELU's constants (Klambauer et al. 2017), as TF.js and Keras use them. */
export const SELU_SCALE = 1.0507009873554804934193349852946;
export const SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;
