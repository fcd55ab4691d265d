import * as tf from '@tensorflow/tfjs';

// A user layer's args derived from the base class's constructor, as TF.js's declarations give them.
type Args = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]> & { initValue?: number };

class Scale extends tf.layers.Layer {
  static className = 'Scale';
  readonly initValue: number;

  constructor(args: Args) {
    super(args);
    this.initValue = args.initValue ?? 1;
  }
}

export function layerCtor(): tf.layers.Layer {
  return new Scale({ initValue: 2, name: 'scale' });
}
