import { variableGradsList } from '../ops/gradients';
import { Tensor } from '../tensor/tensor';
import { Variable, findVariable } from '../tensor/variable';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { tidy } from '../tensor/tidy';

export type GradientMap = Map<Variable, Tensor> | Record<string, Tensor>;

/** The shared part of every optimizer: checking gradients, counting steps, minimize(). */
export abstract class Optimizer {
  abstract readonly className: string;
  /** Steps applied so far. */
  iterations = 0;

  /** Updates each variable from its gradient in place; checks them all before changing any. */
  applyGradients(grads: GradientMap): void {
    const pairs = this.resolve(grads);
    this.iterations++;
    for (const [v, g] of pairs) this.update(v, g);
  }

  /** Runs f, takes the gradients of its scalar result for the trainable variables, applies them; as TF.js. */
  minimize(f: () => Tensor, returnCost = false, varList?: Variable[]): Tensor | null {
    const { value, grads } = variableGradsList(f, varList);
    tidy(() => this.applyGradients(grads));
    for (const g of grads.values()) g.dispose();
    if (returnCost) return value;
    value.dispose();
    return null;
  }

  protected abstract update(v: Variable, g: Tensor): void;

  /** Hyper-parameters for saving, as Keras names them. */
  abstract getConfig(): Record<string, number>;

  dispose(): void {}

  private resolve(grads: GradientMap): [Variable, Tensor][] {
    const op = `${this.className}.applyGradients`;
    const entries: [Variable | undefined, Tensor, string][] =
      grads instanceof Map
        ? [...grads].map(([v, g]) => [v, g, v instanceof Variable ? v.name : String(v)])
        : Object.entries(grads ?? {}).map(([name, g]) => [findVariable(name), g, name]);
    return entries.map(([v, g, name]) => {
      if (!(v instanceof Variable)) throw argError(op, 'grads', `a gradient for '${name}'`, 'gradients keyed by existing variables');
      if (!(g instanceof Tensor) || g.dtype !== v.dtype || g.shape.length !== v.shape.length || g.shape.some((d, i) => d !== v.shape[i])) {
        const got = g instanceof Tensor ? `shape ${fmtShape(g.shape)} and dtype ${g.dtype}` : typeof g;
        throw argError(op, `grads['${name}']`, got, `a tensor of shape ${fmtShape(v.shape)} and dtype ${v.dtype}`);
      }
      return [v, g];
    });
  }
}

export function checkRate(op: string, arg: string, v: unknown, min: number, maxExclusive: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v >= maxExclusive) {
    throw argError(op, arg, fmtValue(v), `a number in [${min}, ${maxExclusive})`);
  }
  return v;
}
