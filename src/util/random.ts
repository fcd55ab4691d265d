/**
 * A small seeded generator (Mulberry32 for the uniform stream, Box–Muller for normals): after setRandomSeed,
 * the unseeded initializers, dropout, noise and fit's shuffling draw from it, so a program replays exactly.
 */
export class Random {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Random: seed must be a finite number, got ${seed}`);
    this.state = Math.floor(seed) | 0;
  }

  /**
   * Uniform in [0, 1). The state is kept as a signed 32-bit integer (the same bits as Mulberry32's unsigned one, and
   * the same draws: every step reads it through a bit operation), which V8 holds unboxed: twice as fast.
   */
  next(): number {
    const s = (this.state + 0x6d2b79f5) | 0;
    this.state = s;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
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
/** tessera's own seed sequence, null until setRandomSeed: unseeded draws take Math.random() then, as TF.js's do. */
let seedCounter: number | null = null;

/**
 * Puts everything not given a seed of its own (initializers, random ops, dropout, noise, fit's shuffling) on
 * tessera's deterministic sequence from this number, so a whole program replays from it (setRandomSeed(0) is the
 * sequence tessera used by default before it drew from Math.random). Until it is called, those draws take
 * Math.random() where TF.js does, so a program that replaces Math.random gets TF.js's values.
 */
export function setRandomSeed(seed: number): void {
  if (!Number.isFinite(seed)) throw new Error(`setRandomSeed: seed must be a finite number, got ${seed}`);
  seedCounter = (DEFAULT_SEED ^ Math.floor(seed)) >>> 0;
}

/** Whether setRandomSeed has been called: unseeded draws then come from tessera's sequence, not Math.random. */
export function randomSeedSet(): boolean {
  return seedCounter !== null;
}

/** After setRandomSeed, the next seed of its sequence: deterministic, distinct per call. */
export function nextDefaultSeed(): number {
  if (seedCounter === null) throw new Error('nextDefaultSeed: setRandomSeed has not been called (unseeded draws take Math.random)');
  seedCounter = (Math.imul(seedCounter, 1664525) + 1013904223) >>> 0;
  return seedCounter;
}

/**
 * The seed a TF.js sampler (Alea) starts from: the one given, else Math.random() as TF.js takes it (the next seed
 * of tessera's sequence after setRandomSeed). With `falsyIsNone`, 0 and '' count as no seed, as TF.js's normal
 * and gamma samplers and multinomial read them (`seed || Math.random()`); after setRandomSeed they stay seeds.
 */
export function samplerSeed(seed: string | number | null | undefined, falsyIsNone = false): string | number {
  if (seed != null && !(falsyIsNone && !seed && seedCounter === null)) return seed;
  return seedCounter === null ? Math.random() : nextDefaultSeed();
}

/** @internal Unseeded draws take Math.random() again, as before any setRandomSeed (tests of TF.js's draws use it). */
export function clearRandomSeed(): void {
  seedCounter = null;
}
