import type { Activation } from '../shared/op-names';
import type { FloatArray } from '../shared/types';


/** out[r, c] = act(x[r, c] + bias[c]) — fused, one pass (Dense and Conv2D epilogue). out may be x. */
export function biasActivation(x: FloatArray, bias: FloatArray, rows: number, cols: number, act: Activation, out: FloatArray): void {
  for (let r = 0, s = 0; r < rows; r++, s += cols) {
    if (act === 'relu') {
      for (let j = 0; j < cols; j++) { const v = x[s + j] + bias[j]; out[s + j] = v < 0 ? 0 : v; }
    } else {
      for (let j = 0; j < cols; j++) out[s + j] = x[s + j] + bias[j];
    }
  }
}

/**
 * The fused epilogue's backward pass in one sweep: dz = dy·act'(y) (relu: y > 0) and
 * dbias[c] = Σ_r dz[r, c], instead of a mask, a product and a reduction as separate passes.
 */
export function biasActivationBackprop(dy: FloatArray, y: FloatArray, rows: number, cols: number, act: Activation, dz: FloatArray, dbias: FloatArray): void {
  dbias.fill(0);
  for (let r = 0, s = 0; r < rows; r++, s += cols) {
    if (act === 'relu') {
      for (let j = 0; j < cols; j++) { const g = y[s + j] > 0 ? dy[s + j] : 0; dz[s + j] = g; dbias[j] += g; }
    } else {
      for (let j = 0; j < cols; j++) { const g = dy[s + j]; dz[s + j] = g; dbias[j] += g; }
    }
  }
}
