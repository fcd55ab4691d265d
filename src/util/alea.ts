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

/**
 * The generator's state is an object's fields rather than a closure's variables: V8 boxes each double written to a
 * closure's variable anew, and a draw writes three (2.5x slower, and garbage for every draw).
 */
class Alea implements AleaStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private c = 1;

  constructor(seed: string | number) {
    const key = String(seed);
    const h = mash();
    this.s0 = h(' ');
    this.s1 = h(' ');
    this.s2 = h(' ');
    this.s0 -= h(key);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 -= h(key);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 -= h(key);
    if (this.s2 < 0) this.s2 += 1;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  int32(): number {
    return (this.next() * 0x100000000) | 0;
  }
}

/** The generator for `seed` (numbers are seeded by their decimal string, as TF.js passes them). */
export function alea(seed: string | number): AleaStream {
  return new Alea(seed);
}
