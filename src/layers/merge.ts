import { broadcastShapes } from '../backend/shapes';
import type { SymbolicTensor } from './symbolic';
import type { Applied, Kwargs } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';
import { add, div, logicalAnd, maximum, minimum, mul, sub } from '../ops/binary';
import { cast } from '../ops/cast';
import { concat } from '../ops/concat';
import { ones } from '../ops/creation';
import { expandDims } from '../ops/expand';
import { matMul } from '../ops/matmul';
import { reshape } from '../ops/reshape';
import { sqrt, square } from '../ops/unary';
import { sum } from '../ops/reduction';
import { all } from '../ops/reduce-math';
import { Tensor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import type { Shape } from './symbolic';

/**
 * The layer's options. TF.js's documentation shows tf.layers.add([a, b]) and tf.layers.concatenate([a, b]); its
 * factories take that array as the options object, which names none, so the call gives an unapplied layer with the
 * defaults. The same here, rather than an error.
 */
function optionsOf<A extends LayerArgs>(args: A | undefined): A {
  return (args === undefined || args === null || Array.isArray(args) ? {} : args) as A;
}

/** A merge's input masks, one per input (null where it has none), or null when no input has one. */
function masksOf(op: string, inputs: Tensor | Tensor[], mask: Tensor | (Tensor | null)[] | null): (Tensor | null)[] | null {
  if (mask === null || mask === undefined) return null;
  if (!Array.isArray(mask) || !Array.isArray(inputs) || mask.length !== inputs.length) {
    throw argError(`${op}.computeMask`, 'mask', Array.isArray(mask) ? `${mask.length} masks` : fmtValue(mask), `an array of one mask (or null) per input${Array.isArray(inputs) ? ` (${inputs.length})` : ''}, with an array of inputs`);
  }
  return mask.some((m) => m !== null && m !== undefined) ? mask.map((m) => m ?? null) : null;
}

const shapeText = (shapes: readonly (readonly number[])[]) => shapes.map((s) => `${fmtShape([null, ...s])}`).join(' and ');

/** A layer combining several tensors of broadcast-compatible shapes element by element, as tfjs-layers's Merge. */
abstract class ElementwiseMerge extends AnyDtypeLayer {
  /** Makes its output's mask from its inputs' masks, as TF.js's supportsMasking says. */
  override get supportsMasking(): boolean {
    return true;
  }

  constructor(snake: string, config?: LayerArgs) {
    const args = optionsOf(config);
    checkConfigKeys(`layers.${snake}`, args, []);
    super(snake, args);
  }

  override takesList(): boolean {
    return true;
  }

  override apply(inputs: Tensor, kwargs?: Kwargs): Applied<Tensor>;
  override apply(inputs: SymbolicTensor, kwargs?: Kwargs): Applied<SymbolicTensor>;
  override apply(inputs: Tensor[], kwargs?: Kwargs): Tensor | Tensor[];
  override apply(inputs: SymbolicTensor[], kwargs?: Kwargs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: Kwargs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: Kwargs | null): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    // As TF.js's Merge.build: inputs whose known batch sizes differ are refused, before the layer is built. Once
    // built, tensors broadcast as the op does (a [1, n] input beside a [batch, n] one, as TF.js's call adds them).
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const shapes = list.map((t) => (t as { shape?: unknown } | null)?.shape).filter((s): s is (number | null)[] => Array.isArray(s));
    const eagerOnBuilt = this.built && list.every((t) => t instanceof Tensor);
    if (!eagerOnBuilt && new Set(shapes.map((s) => s[0]).filter((b) => b != null)).size > 1) {
      throw argError(this.name, 'inputs', `shapes ${shapes.map((s) => fmtShape(s)).join(' and ')}`, 'inputs of one batch size (TF.js: "Can not merge tensors with different batch sizes")');
    }
    return super.apply(inputs, kwargs ?? undefined);
  }

  /** Elementwise: an unknown size on any axis, the time steps included (it meets any other, checked when it runs). */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  /** As TF.js's Merge: the batch size the inputs that know one agree on (apply refuses any that differ). */
  protected override outputBatch(batches: readonly (number | null)[]): number | null {
    return batches.find((b) => b != null) ?? null;
  }

  override outputShapeNoBatch(inputShape: readonly number[] | number[][]): number[] {
    const shapes = inputShape as number[][];
    let out: number[] | null = shapes[0];
    for (const s of shapes.slice(1)) out = out && broadcastUnknown(out, s);
    if (!out) throw argError(this.name, 'inputs', `shapes ${shapeText(shapes)}`, 'shapes that broadcast together (equal dims, or 1)');
    return out;
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return this.merge(alignAtBatch(inputs as Tensor[]));
  }

  protected abstract merge(xs: Tensor[]): Tensor;

  /**
   * A step is kept where every input that has a mask keeps it, as Keras's Merge (TF.js 4.22's gives the first
   * input's mask with a leading 1 dim, and its models throw on masked inputs).
   */
  override computeMask(inputs: Tensor | Tensor[], mask: Tensor | (Tensor | null)[] | null = null): Tensor | null {
    const given = masksOf(this.name, inputs, mask)?.filter((m): m is Tensor => m !== null);
    if (!given) return null;
    return tidy(() => given.map((m) => cast(m, 'bool')).reduce((a, b) => logicalAnd(a, b)));
  }

  protected override layerConfig(): LayerConfig {
    return {};
  }
}

/**
 * Broadcasting of symbolic shapes, as TF.js's Merge computes it: a dim unknown (null) on either side is unknown in
 * the result (the sizes are checked when the layer runs); known dims broadcast as the ops do.
 */
function broadcastUnknown(a: readonly number[], b: readonly number[]): number[] | null {
  const unknownAt = (s: readonly number[], i: number) => i <= s.length && s[s.length - i] === null;
  const rank = Math.max(a.length, b.length);
  const known = (s: readonly number[]) => s.map((d) => (d === null ? 1 : d));
  const out = broadcastShapes(known(a), known(b));
  return out && out.map((d, j) => (unknownAt(a, rank - j) || unknownAt(b, rank - j) ? (null as unknown as number) : d));
}

/**
 * The inputs at one rank: a lower-rank one gets size-1 dims after its batch dim, as TF.js's Merge.call expands it at
 * axis 1, so its dims line up with the others' trailing ones while each sample stays with its own batch row.
 */
function alignAtBatch(xs: Tensor[]): Tensor[] {
  const rank = Math.max(...xs.map((x) => x.rank));
  return xs.map((x) => (x.rank === rank ? x : reshape(x, [x.shape[0], ...new Array<number>(rank - x.rank).fill(1), ...x.shape.slice(1)])));
}

const fold = (xs: Tensor[], f: (a: Tensor, b: Tensor) => Tensor) => xs.slice(1).reduce(f, xs[0]);

export class Add extends ElementwiseMerge {
  constructor(args?: LayerArgs) { super('add', args); }
  override getClassName(): string { return 'Add'; }
  protected merge(xs: Tensor[]): Tensor { return fold(xs, add); }
}

export class Multiply extends ElementwiseMerge {
  constructor(args?: LayerArgs) { super('multiply', args); }
  override getClassName(): string { return 'Multiply'; }
  protected merge(xs: Tensor[]): Tensor { return fold(xs, mul); }
}

export class Average extends ElementwiseMerge {
  constructor(args?: LayerArgs) { super('average', args); }
  override getClassName(): string { return 'Average'; }
  protected merge(xs: Tensor[]): Tensor { return div(fold(xs, add), xs.length); }
}

export class Maximum extends ElementwiseMerge {
  constructor(args?: LayerArgs) { super('maximum', args); }
  override getClassName(): string { return 'Maximum'; }
  protected merge(xs: Tensor[]): Tensor { return fold(xs, maximum); }
}

export class Minimum extends ElementwiseMerge {
  constructor(args?: LayerArgs) { super('minimum', args); }
  override getClassName(): string { return 'Minimum'; }
  protected merge(xs: Tensor[]): Tensor { return fold(xs, minimum); }
}

export class Subtract extends ElementwiseMerge {
  constructor(args?: LayerArgs) { super('subtract', args); }
  override getClassName(): string { return 'Subtract'; }
  override outputShapeNoBatch(inputShape: readonly number[] | number[][]): number[] {
    if ((inputShape as number[][]).length !== 2) throw argError(this.name, 'inputs', `${inputShape.length} inputs`, 'exactly 2 inputs (Subtract computes inputs[0] − inputs[1])');
    return super.outputShapeNoBatch(inputShape);
  }
  protected merge(xs: Tensor[]): Tensor { return sub(xs[0], xs[1]); }
}

export interface ConcatenateLayerArgs extends LayerArgs {
  axis?: number;
}

/** Joins the inputs along an axis (default −1; other dims must match), as tf.layers.concatenate. */
export class Concatenate extends AnyDtypeLayer {
  readonly axis: number;

  /** Makes its output's mask from its inputs' masks, as TF.js's supportsMasking says. */
  override get supportsMasking(): boolean {
    return true;
  }

  constructor(config?: ConcatenateLayerArgs) {
    const args = optionsOf(config);
    checkConfigKeys('layers.concatenate', args, ['axis']);
    super('concatenate', args);
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis)) throw argError('layers.concatenate', 'axis', fmtValue(axis), 'an integer');
    this.axis = axis;
  }

  override getClassName(): string {
    return 'Concatenate';
  }

  override takesList(): boolean {
    return true;
  }

  /** The axis among the dims without the batch; -1 for the batch itself (axis 0, along which TF.js joins too). */
  private localAxis(rank: number): number {
    const a = this.axis < 0 ? rank + 1 + this.axis : this.axis;
    // A negative axis never means the batch (TF.js's concatenate reads a negative axis as the last one).
    if (a < (this.axis < 0 ? 1 : 0) || a > rank) throw argError(this.name, 'axis', String(this.axis), `an axis of inputs of rank ${rank + 1}`);
    return a - 1;
  }

  override outputShapeNoBatch(inputShape: readonly number[] | number[][]): number[] {
    const shapes = inputShape as number[][];
    const a = this.localAxis(shapes[0].length);
    const bad = shapes.some((s) => s.length !== shapes[0].length || s.some((d, i) => i !== a && d !== shapes[0][i]));
    if (bad) throw argError(this.name, 'inputs', `shapes ${shapeText(shapes)}`, `shapes equal except along axis ${this.axis}`);
    const out = shapes[0].slice();
    // Along an unknown length (sequences of any length joined in time) the length is unknown too.
    if (a >= 0) out[a] = shapes.some((s) => s[a] === null) ? (null as unknown as number) : shapes.reduce((n, s) => n + s[a], 0);
    return out;
  }

  /** An unknown size on any axis, sequences of any length included, as TF.js's (along the joined axis the result's is unknown too). */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  /** As TF.js's: along the batch, the batch sizes add up (null where one is unknown). */
  protected override outputBatch(batches: readonly (number | null)[]): number | null {
    if (this.axis !== 0) return super.outputBatch(batches);
    return batches.includes(null) ? null : (batches as number[]).reduce((n, b) => n + b, 0);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const out = super.computeOutputShape(inputShape) as Shape;
    return this.axis === 0 ? [this.outputBatch((inputShape as Shape[]).map((s) => s[0])), ...out.slice(1)] : out;
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    const xs = inputs as Tensor[];
    return concat(xs, this.localAxis(xs[0].rank - 1) + 1);
  }

  /**
   * As TF.js's: each input's mask (all true where it has none) joined along the axis, a step kept where all its
   * parts are; so masks are ANDed when joining features, and joined when joining steps.
   */
  override computeMask(inputs: Tensor | Tensor[], mask: Tensor | (Tensor | null)[] | null = null): Tensor | null {
    const masks = masksOf(this.name, inputs, mask);
    if (!masks) return null;
    const xs = inputs as Tensor[];
    return tidy(() => {
      // Each as [batch, ...steps, 1]: a mask of the input's rank is first reduced over its last dim, which the AND below does anyway.
      const parts = xs.map((x, i) => {
        const m = masks[i];
        if (m === null) return ones([...x.shape.slice(0, -1), 1], 'bool');
        const b = cast(m, 'bool');
        return b.rank < x.rank ? expandDims(b, -1) : all(b, -1, true);
      });
      return all(concat(parts, this.localAxis(xs[0].rank - 1) + 1), -1);
    });
  }

  protected override layerConfig(): LayerConfig {
    return { axis: this.axis };
  }
}

export interface DotLayerArgs extends LayerArgs {
  axes: number | [number, number];
  normalize?: boolean;
}

/** Dot products of sample pairs along an axis, as tf.layers.dot (inputs of rank 2 or 3). */
export class Dot extends AnyDtypeLayer {
  readonly axes: [number, number];
  readonly normalize: boolean;
  /** The axes as given (one axis for both, or a pair), which TF.js saves. */
  private readonly givenAxes: number | [number, number];

  /** As TF.js's merge layers (its output has no mask: computeMask gives none). */
  override get supportsMasking(): boolean {
    return true;
  }

  constructor(config: DotLayerArgs) {
    const op = 'layers.dot';
    const args = config ?? ({} as DotLayerArgs);
    checkConfigKeys(op, args, ['axes', 'normalize']);
    super('dot', args);
    const axes = typeof args.axes === 'number' ? [args.axes, args.axes] : args.axes;
    if (!Array.isArray(axes) || axes.length !== 2 || !axes.every(Number.isInteger)) throw argError(op, 'axes', fmtValue(args.axes), 'an integer or a pair of integers');
    this.axes = [axes[0], axes[1]];
    this.givenAxes = typeof args.axes === 'number' ? args.axes : this.axes;
    this.normalize = this.flagOption(op, 'normalize', args.normalize, false);
  }

  override getClassName(): string {
    return 'Dot';
  }

  override takesList(): boolean {
    return true;
  }

  /** The dot axes of inputs of these ranks (with the batch dim), negative ones counted from the end, as TF.js's interpretAxis. */
  private dotAxes(ranks: number[]): [number, number] {
    return [0, 1].map((i) => (this.axes[i] < 0 ? this.axes[i] + ranks[i] : this.axes[i])) as [number, number];
  }

  /** An unknown size on any axis (attention scores of two sequences of any length), as TF.js's. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[] | number[][]): number[] {
    const shapes = inputShape as number[][];
    if (shapes.length !== 2) throw argError(this.name, 'inputs', `${shapes.length} inputs`, 'exactly 2 inputs');
    if (shapes.some((s) => s.length < 1 || s.length > 2)) throw argError(this.name, 'inputs', `shapes ${shapeText(shapes)}`, 'inputs of rank 2 [batch, n] or 3 [batch, n, m] (the Dot layer, as TF.js\'s, takes no higher rank)');
    const [a, b] = this.dotAxes(shapes.map((s) => s.length + 1));
    if (a < 1 || a > shapes[0].length || b < 1 || b > shapes[1].length) throw argError(this.name, 'axes', fmtValue(this.axes), `axes of the inputs other than the batch axis (1 to ${shapes[0].length}, or negative)`);
    if (shapes[0][a - 1] !== shapes[1][b - 1]) throw argError(this.name, 'inputs', `shapes ${shapeText(shapes)}`, 'equal sizes along the dot axes');
    // TF.js's batchDot: the first input's other dims, then the second's; a rank-2 pair gives [batch, 1].
    const out = [...shapes[0].filter((_, i) => i !== a - 1), ...shapes[1].filter((_, i) => i !== b - 1)];
    return out.length === 0 ? [1] : out;
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    let [x, y] = inputs as Tensor[];
    const [a, b] = this.dotAxes([x.rank, y.rank]);
    if (this.normalize) {
      const unit = (t: Tensor, axis: number) => div(t, sqrt(maximum(sum(square(t), axis, true), 1e-12)));
      x = unit(x, a);
      y = unit(y, b);
    }
    if (x.rank === 2 && y.rank === 2) return sum(mul(x, y), -1, true);
    // TF.js's batchDot: a rank-2 input gains a trailing size-1 dim, a batched product contracts axis a of x with
    // axis b of y, and the added dim is dropped again.
    const [x3, y3] = [x, y].map((t) => (t.rank === 2 ? reshape(t, [...t.shape, 1]) : t));
    const out = matMul(x3, y3, a !== 2, b === 2);
    if (x.rank === y.rank) return out;
    const added = x.rank > y.rank ? 2 : 1;
    return reshape(out, out.shape.filter((_, i) => i !== added));
  }

  protected override layerConfig(): LayerConfig {
    return { axes: this.givenAxes, normalize: this.normalize };
  }
}
