import { env } from './env-flags';
import { argError, describeValue } from './validate';

// Environment calls TF.js programs make around their work.

/**
 * Resolves after the next animation frame in a browser (after the current macrotask elsewhere), so a loop that
 * awaits it lets the page render, as tf.nextFrame().
 */
export function nextFrame(): Promise<void> {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => unknown }).requestAnimationFrame;
  return new Promise((resolve) => (raf ? raf(() => resolve()) : setTimeout(resolve, 0)));
}

/**
 * As tf.enableProdMode(), which in TF.js turns its debug-time checks off: sets env()'s PROD flag. tessera has no
 * debug mode: its argument checks run before any work in every mode, so there is nothing to turn off.
 */
export function enableProdMode(): void {
  env().set('PROD', true);
}

/** What tf.time reports: milliseconds spent in f (kernelMs) and in all of the call (wallMs). */
export interface TimingInfo {
  kernelMs: number;
  wallMs: number;
}

/** Times f, as tf.time(f): tessera runs f's kernels as it calls them, so both times are f's. */
export async function time(f: () => void): Promise<TimingInfo> {
  if (typeof f !== 'function') throw argError('time', 'f', describeValue(f), 'a function to time');
  const start = performance.now();
  f();
  const kernelMs = performance.now() - start;
  return { kernelMs, wallMs: performance.now() - start };
}
