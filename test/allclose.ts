/** Element-wise closeness as numpy.allclose: |got - want| <= atol + rtol * |want| at every index. */
export interface Tolerance {
  atol: number;
  rtol: number;
}

export interface CloseReport {
  /** Elements outside the tolerance (NaN anywhere counts unless both sides are NaN). */
  bad: number;
  /** Index of the element furthest outside (largest |got - want| / (atol + rtol |want|)). */
  worst: number;
  /** That element's |got - want| / (atol + rtol |want|): <= 1 means inside. */
  ratio: number;
}

export function compareClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: Tolerance): CloseReport {
  if (got.length !== want.length) return { bad: Math.max(got.length, want.length), worst: -1, ratio: Infinity };
  let bad = 0, worst = -1, ratio = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i];
    const r = Number.isNaN(g) && Number.isNaN(w) ? 0 : g === w ? 0 : Math.abs(g - w) / (tol.atol + tol.rtol * Math.abs(w));
    // NaN-safe: a NaN ratio (one side NaN) is the worst there is.
    if (!(r <= 1)) bad++;
    if (!(r <= ratio)) { ratio = Number.isNaN(r) ? Infinity : r; worst = i; }
  }
  return { bad, worst, ratio };
}

/** Throws, naming the worst element, unless got is allclose to want. */
export function expectAllClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: Tolerance, what: string): void {
  const r = compareClose(got, want, tol);
  if (r.bad === 0) return;
  if (r.worst < 0) throw new Error(`${what}: ${got.length} values, expected ${want.length}`);
  throw new Error(
    `${what}: ${r.bad} of ${want.length} elements differ by more than atol ${tol.atol} + rtol ${tol.rtol}·|want|; ` +
      `worst at ${r.worst}: got ${got[r.worst]}, want ${want[r.worst]} (${r.ratio.toPrecision(3)}× the allowance)`,
  );
}
