/**
 * A small seeded generator (Mulberry32 for the uniform stream, Box–Muller for normals) so that
 * every random thing in tessera (initializers, shuffling, dropout, random tensors) replays
 * exactly from its seed.
 */
export class Random {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Random: seed must be a finite number, got ${seed}`);
    this.state = Math.floor(seed) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Standard normal. */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle(a: Int32Array): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}

const DEFAULT_SEED = 0x9e3779b9;
let seedCounter = DEFAULT_SEED;

/**
 * Restarts the process-wide seed sequence that seeds everything not given a seed of its own
 * (initializers, dropout, fit's shuffling), so a whole program replays from one number.
 */
export function setRandomSeed(seed: number): void {
  if (!Number.isFinite(seed)) throw new Error(`setRandomSeed: seed must be a finite number, got ${seed}`);
  seedCounter = (DEFAULT_SEED ^ Math.floor(seed)) >>> 0;
}

/** A fresh seed for callers that were given none: deterministic per process, distinct per call. */
export function nextDefaultSeed(): number {
  seedCounter = (Math.imul(seedCounter, 1664525) + 1013904223) >>> 0;
  return seedCounter;
}
