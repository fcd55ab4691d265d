/**
 * Node's `process`, or undefined outside Node. Read off globalThis: a bare `process` in the browser build makes some
 * bundlers (Parcel) add a polyfill of it to the page.
 */
export function nodeProcess(): NodeJS.Process | undefined {
  return (globalThis as { process?: NodeJS.Process }).process;
}
