import type { Program } from '../harness';

// Programs from this round's sweeps where tessera differed from TF.js: env().platform and env().global, and a layer
// added to a Sequential model after compile.

export const s40Sweep: Program[] = [
  {
    name: "env().platform's text coding, clock and typed-array test, and env().global",
    run: (tf) => {
      const { platform } = tf.env();
      const bytes = platform.encode('héllo ✓', 'utf-8');
      const t0 = platform.now();
      const refused = (f: () => unknown): boolean => {
        try {
          f();
          return false;
        } catch {
          return true;
        }
      };
      return {
        bytes: Array.from(bytes),
        utf8: Array.from(platform.encode('a', 'utf8')),
        back: platform.decode(bytes, 'utf-8'),
        empty: platform.decode(new Uint8Array(0), 'utf-8'),
        clock: typeof t0 === 'number' && platform.now() >= t0,
        typed: [new Float32Array(1), new Int32Array(1), new Uint8Array(1), new Uint8ClampedArray(1), new Float64Array(1), [1]].map((a) => platform.isTypedArray(a)),
        latin1: refused(() => platform.encode('a', 'latin1')),
        fetch: typeof platform.fetch,
        global: tf.env().global === globalThis,
      };
    },
  },
  {
    name: 'a layer added to a Sequential model after compile: fit and evaluate refuse until compile again, then train every layer',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones' })] });
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      model.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones' }));
      const [x, y] = [tf.tensor2d([[1, 2], [3, 4], [0, 1]]), tf.tensor2d([[1], [2], [3]])];
      const refused: string[] = [];
      try {
        await model.fit(x, y, { epochs: 1, verbose: 0 });
      } catch {
        refused.push('fit');
      }
      try {
        model.evaluate(x, y);
      } catch {
        refused.push('evaluate');
      }
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await model.fit(x, y, { epochs: 2, verbose: 0, batchSize: 3 });
      return { refused, loss: h.history.loss, weights: model.getWeights(), evaluated: model.evaluate(x, y) };
    },
  },
];
