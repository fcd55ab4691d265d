/**
 * One macrotask: timers fire and input is handled. setImmediate where there is one (Node: a MessageChannel made per
 * call cost ~70 µs there, a fit step of a small model at yieldEvery 'batch'), else a MessageChannel message, as
 * setTimeout is clamped to ≥ 4 ms once nested.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') {
      setImmediate(resolve);
    } else if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/** Whether this runs in a page (a window with a document), where a task boundary lets the page paint and handle input. */
export function inPage(): boolean {
  return typeof (globalThis as { document?: unknown }).document === 'object';
}
