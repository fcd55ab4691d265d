import type { DType } from '../tensor/tensor';

/**
 * Batch values summed weighted by batch size, as TF.js sums them for epoch logs (BaseLogger), validation and
 * evaluate (testLoop, evaluateDataset): in float32 scalars, each op's result rounded to float32 (its cpu backend
 * computes in doubles and stores in a Float32Array), so the averages are TF.js's to the last digit. A float64
 * model's sums stay in doubles.
 */
export class BatchSums {
  private readonly round: (v: number) => number;
  private readonly totals: number[];
  private seen = 0;

  /** Sums of `count` values, for a model whose outputs are of `dtype`. */
  constructor(dtype: DType, count: number) {
    this.round = dtype === 'float64' ? (v) => v : Math.fround;
    this.totals = new Array<number>(count).fill(0);
  }

  /** Samples added so far. */
  get samples(): number {
    return this.seen;
  }

  add(values: readonly number[], size: number): void {
    this.seen += size;
    values.forEach((v, i) => (this.totals[i] = this.round(this.totals[i] + this.round(v * size))));
  }

  /** The totals divided by the samples, as testLoop and evaluateDataset average. */
  divided(): number[] {
    return this.totals.map((t) => this.round(t / this.seen));
  }

  /** The totals times the reciprocal of the samples, as BaseLogger averages an epoch's batches. */
  scaled(): number[] {
    const reciprocal = this.round(1 / this.seen);
    return this.totals.map((t) => this.round(reciprocal * t));
  }
}
