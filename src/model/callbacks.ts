export type Logs = Record<string, number>;

/** Hooks fit() calls, as TF.js's CustomCallbackArgs; each may return a promise, which fit awaits. */
export interface CustomCallbackArgs {
  onTrainBegin?: (logs?: Logs) => void | Promise<void>;
  onTrainEnd?: (logs?: Logs) => void | Promise<void>;
  onEpochBegin?: (epoch: number, logs?: Logs) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs?: Logs) => void | Promise<void>;
  onBatchBegin?: (batch: number, logs?: Logs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs?: Logs) => void | Promise<void>;
  /** Called where fit yields to the event loop with a period (yieldEvery 'auto' or a number of ms), as TF.js. */
  onYield?: (epoch: number, batch: number, logs: Logs) => void | Promise<void>;
}

const HOOKS = ['onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd', 'onYield'] as const;
type Hook = (typeof HOOKS)[number];

/** Checks the callbacks up front and calls every registered hook of a kind in order. */
export class CallbackList {
  private readonly list: CustomCallbackArgs[];

  constructor(callbacks: unknown) {
    const list = callbacks === undefined ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
    list.forEach((cb, i) => {
      if (cb === null || typeof cb !== 'object') throw new Error(`fit: callbacks[${i}] must be an object of hooks (${HOOKS.join(', ')}), got ${typeof cb}`);
      for (const [key, fn] of Object.entries(cb)) {
        if (!(HOOKS as readonly string[]).includes(key)) throw new Error(`fit: callbacks[${i}].${key} must be one of ${HOOKS.join(', ')}, got an unknown hook`);
        if (typeof fn !== 'function') throw new Error(`fit: callbacks[${i}].${key} must be a function, got ${typeof fn}`);
      }
    });
    this.list = list as CustomCallbackArgs[];
  }

  async call(hook: Hook, ...args: [number, Logs] | [Logs] | [number, number, Logs]): Promise<void> {
    for (const cb of this.list) {
      const fn = cb[hook] as ((...a: unknown[]) => unknown) | undefined;
      if (fn) await fn(...args);
    }
  }
}

/** What fit() returns, as TF.js's History. */
export interface History {
  epoch: number[];
  history: Record<string, number[]>;
  params: { epochs: number; batchSize: number; samples: number; steps: number };
}
