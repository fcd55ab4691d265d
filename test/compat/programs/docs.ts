import type { Program } from '../harness';

// Programs in the style of TF.js's API documentation examples, each on a difference the documentation sweep
// (doc-examples.test.ts) found, written here in our own words.

/** A factory TF.js's typings do not admit but its documentation shows: given an array where options go. */
type Loose = (args: unknown) => { getClassName(): string; apply(inputs: unknown): { shape: (number | null)[] } };

export const docs: Program[] = [
  {
    name: 'merge layer factories given the inputs array give an unapplied layer with the defaults, as TF.js',
    run: (tf) => {
      const a = tf.input({ shape: [3] });
      const b = tf.input({ shape: [3] });
      const out: unknown[] = [];
      for (const name of ['add', 'multiply', 'average', 'maximum', 'minimum', 'concatenate'] as const) {
        const layer = (tf.layers[name] as unknown as Loose)([a, b]);
        out.push(name, layer.getClassName(), (layer as unknown as { shape?: unknown }).shape, layer.apply([a, b]).shape);
      }
      return out;
    },
  },
];
