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
 * As tf.enableProdMode(), which in TF.js turns its debug-time checks off. tessera has no debug mode: its argument
 * checks run before any work in every mode, so there is nothing to turn off.
 */
export function enableProdMode(): void {}
