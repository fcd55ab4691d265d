import { alea } from './alea';

// TF.js's samplers over its Alea generator, draw for draw, so that a seeded call gives TF.js's values.

/** A value sampler: each call gives the next value. */
export type Sampler = () => number;

/** min + (max − min)·u, as TF.js's uniform sampler (an int32 tensor then truncates it on store). */
export function uniformSampler(seed: string | number, min: number, max: number): Sampler {
  const u = alea(seed);
  const range = max - min;
  return () => min + range * u.next();
}

/**
 * Normal values by Marsaglia's polar method, two per accepted point, as TF.js's sampler: with `truncated`, a value
 * beyond two standard deviations is redrawn (the pair's second is kept only if it is within them); with `round`
 * (int32 tensors), each value is rounded, as TF.js rounds them.
 */
export function gaussSampler(seed: string | number, mean: number, stdDev: number, truncated: boolean, round: boolean): Sampler {
  const u = alea(seed);
  const [lower, upper] = [mean - 2 * stdDev, mean + 2 * stdDev];
  const within = (v: number): boolean => !truncated || (v <= upper && v >= lower);
  const convert = (v: number): number => (round ? Math.round(v) : v);
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = NaN;
      return v;
    }
    let x: number;
    let y: number;
    do {
      let v1: number;
      let v2: number;
      let s: number;
      do {
        v1 = 2 * u.next() - 1;
        v2 = 2 * u.next() - 1;
        s = v1 * v1 + v2 * v2;
      } while (s >= 1 || s === 0);
      const mul = Math.sqrt((-2.0 * Math.log(s)) / s);
      x = mean + stdDev * v1 * mul;
      y = mean + stdDev * v2 * mul;
    } while (!within(x));
    if (within(y)) spare = convert(y);
    return convert(x);
  };
}

/**
 * Gamma(alpha, 1) values by Marsaglia and Tsang's method as TF.js draws them: its uniforms from the seed's stream,
 * its normals from a second stream seeded by that stream's first draw, and for alpha < 1 the shape alpha + 2/3
 * with a power of a further uniform. With `roundNormals` the normals are rounded, as TF.js's int32 draws round them.
 */
export function gammaSampler(seed: string | number, alpha: number, roundNormals: boolean): Sampler {
  const u = alea(seed);
  const normal = gaussSampler(u.next(), 0, 1, false, roundNormals);
  const d = alpha < 1 ? alpha + 2 / 3 : alpha - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return () => {
    let v: number;
    for (;;) {
      let x: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v *= v * v;
      const x2 = x * x;
      const v0 = 1 - 0.331 * x2 * x2;
      const v1 = 0.5 * x2 + d * (1 - v + Math.log(v));
      const w = u.next();
      if (w < v0 || Math.log(w) < v1) break;
    }
    v = d * v;
    if (alpha < 1) v *= Math.pow(u.next(), 1 / alpha);
    return v;
  };
}
