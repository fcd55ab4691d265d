import { assertTensor, gradientDtype } from '../tensor/checks';
import { isRecording, recordOp, withoutRecording } from '../tensor/tape';
import { tidy } from '../tensor/tidy';
import { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape } from '../util/validate';

/** Keeps tensors for gradFunc, as TF.js's GradSaveFunc. */
export type GradSaveFunc = (save: Tensor[]) => void;

/** What the f given to customGrad returns: the value, and the gradients of the inputs from dy (and what f saved). */
export interface CustomGradientResult<T extends Tensor = Tensor> {
  value: T;
  gradFunc: (dy: T, saved: Tensor[]) => Tensor | Tensor[];
}

export type CustomGradientFunc<T extends Tensor = Tensor> = (...inputs: (Tensor | GradSaveFunc)[]) => CustomGradientResult<T>;

export interface CustomGradAttrs {
  /** The inputs' gradients from dy, checked against the inputs. */
  gradients(dy: Tensor): Tensor[];
}

const OP = 'customGrad';

/** gradFunc's result, held to one gradient per input with that input's shape and dtype. */
function checkGradients(got: unknown, inputs: readonly Tensor[]): Tensor[] {
  const list = Array.isArray(got) ? got : [got];
  if (list.length !== inputs.length) {
    throw argError(OP, "gradFunc's result", `${list.length} gradient${list.length === 1 ? '' : 's'}`, `one gradient per input of f (${inputs.length}), in order`);
  }
  return list.map((g, i) => {
    if (!(g instanceof Tensor)) throw argError(OP, `gradFunc's gradient ${i}`, describeValue(g), 'a Tensor');
    const x = inputs[i];
    const dtype = gradientDtype(x.dtype);
    if (g.dtype !== dtype || g.rank !== x.rank || g.shape.some((d: number, j: number) => d !== x.shape[j])) {
      throw argError(OP, `gradFunc's gradient ${i}`, `shape ${fmtShape(g.shape)} and dtype ${g.dtype}`, `input ${i}'s shape ${fmtShape(x.shape)} and dtype ${dtype}`);
    }
    return g;
  });
}

/**
 * A function whose gradient is the one given, as tf.customGrad(f): f(...inputs, save) returns {value, gradFunc};
 * the forward ops are not recorded, and the inputs' gradients are gradFunc(dy, saved) (which may be made of ops,
 * so it is differentiable again).
 */
export function customGrad<T extends Tensor>(f: CustomGradientFunc<T>): (...inputs: Tensor[]) => T {
  if (typeof f !== 'function') throw argError(OP, 'f', describeValue(f), 'a function (...inputs, save) => {value, gradFunc}');
  return (...inputs: Tensor[]): T => {
    inputs.forEach((x, i) => assertTensor(OP, `input ${i}`, x));
    let saved: Tensor[] = [];
    // f runs in a scope of its own, as TF.js's: only the value outlives it, and what f saved while a gradient is
    // being taken (nothing else will read it).
    const recording = isRecording();
    const save: GradSaveFunc = (tensors) => {
      // As TF.js's, save does nothing where no gradient is being taken, so only then is what it gets checked.
      if (!recording) return;
      if (!Array.isArray(tensors) || !tensors.every((t) => t instanceof Tensor)) throw argError(OP, 'save(tensors)', describeValue(tensors), 'an array of Tensors');
      saved = tensors;
    };
    let result: Partial<CustomGradientResult<T>> = {};
    withoutRecording(() => tidy(() => {
      result = (f(...inputs, save) ?? {}) as Partial<CustomGradientResult<T>>;
      return [...(result.value instanceof Tensor ? [result.value] : []), ...(recording ? saved : [])];
    }));
    const { value, gradFunc } = result;
    if (!(value instanceof Tensor)) throw argError(OP, "f's result.value", describeValue(value), 'a Tensor (f must return {value, gradFunc})');
    if (typeof gradFunc !== 'function') throw argError(OP, "f's result.gradFunc", describeValue(gradFunc), 'a function (dy, saved) => gradients');
    recordOp<CustomGradAttrs>(OP, inputs, value, { gradients: (dy) => checkGradients(gradFunc(dy as T, saved), inputs) });
    return value;
  };
}
