/** A module setting that holds a value only while a function runs (the one before comes back after, even on a throw). */
export class ScopedSetting<T> {
  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  /** Runs `run` with the setting at `value`. */
  during<R>(value: T, run: () => R): R {
    const outer = this.current;
    this.current = value;
    try {
      return run();
    } finally {
      this.current = outer;
    }
  }
}
