/**
 * Johannes Baagøe's Alea generator, seeded from a string as the `seedrandom` package's `alea` seeds it. TF.js draws
 * every seeded random value from it (random tensors, initializers with a seed, dropout, multinomial, dataset
 * shuffles), so a seed given to tessera yields TF.js's values for that seed.
 */
export interface AleaStream {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** A signed 32-bit integer: the next draw's 32 bits. */
  int32(): number;
}

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Baagøe's Mash hash: folds each character into a running 32-bit state kept as a double, returning it in [0, 1). */
function mash(): (data: string) => number {
  let n = 0xefc8249d;
  return (data) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * TWO_POW_MINUS_32;
  };
}

/** The generator for `seed` (numbers are seeded by their decimal string, as TF.js passes them). */
export function alea(seed: string | number): AleaStream {
  const key = String(seed);
  const h = mash();
  let s0 = h(' ');
  let s1 = h(' ');
  let s2 = h(' ');
  let c = 1;
  s0 -= h(key);
  if (s0 < 0) s0 += 1;
  s1 -= h(key);
  if (s1 < 0) s1 += 1;
  s2 -= h(key);
  if (s2 < 0) s2 += 1;
  const next = (): number => {
    const t = 2091639 * s0 + c * TWO_POW_MINUS_32;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    return s2;
  };
  return { next, int32: () => (next() * 0x100000000) | 0 };
}
