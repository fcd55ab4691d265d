import { env, NO_DEBUG_MODE } from './env-flags';
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

/** As tf.enableDebugMode(), refused: see NO_DEBUG_MODE (tf.profile and tf.memory say what ops cost). */
export function enableDebugMode(): never {
  throw new Error(`enableDebugMode: ${NO_DEBUG_MODE} (tf.profile and tf.time measure ops)`);
}

/** Warns msg, as tf.deprecationWarn(msg), unless disableDeprecationWarnings() (the DEPRECATION_WARNINGS_ENABLED flag) turned warnings off. */
export function deprecationWarn(msg: string): void {
  if (typeof msg !== 'string') throw argError('deprecationWarn', 'msg', describeValue(msg), 'a string');
  if (env().getBool('DEPRECATION_WARNINGS_ENABLED')) console.warn(`${msg} You can disable deprecation warnings with tf.disableDeprecationWarnings().`);
}

/** Turns deprecationWarn's warnings off for good, saying so once, as tf.disableDeprecationWarnings(). */
export function disableDeprecationWarnings(): void {
  env().set('DEPRECATION_WARNINGS_ENABLED', false);
  console.warn('TensorFlow.js deprecation warnings have been disabled.');
}

/**
 * As tf.setPlatform(platformName, platform), refused: TF.js routes its fetch, clock and text coding through a
 * platform object (React Native supplies one); tessera takes them from where it runs.
 */
export function setPlatform(platformName: string, _platform: object): never {
  throw argError('setPlatform', 'platformName', describeValue(platformName), `left as it is: tessera runs on the platform it finds (${env().platformName} here) and takes no other; to fetch models another way, pass fetchFunc in the options of tf.loadLayersModel or tf.io.http`);
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
