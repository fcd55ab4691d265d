import { withoutTakingNames, type Layer, type LayerConfig } from '../layers/layer';
import { fromConfig } from '../layers/serialization';
import type { SerializableConstructor } from '../util/serializable';
import { tsConfig, type ConfigValue } from '../util/case';
import type { ConfigReader } from './config-reader';
import type { LayerPlan } from './layer-plan';

/**
 * The plan for a layer of a user's registered class: its saved config in camelCase (as TF.js's loader gives it) goes
 * to the class's fromConfig, or to its constructor; a probe built for the input tells the output shape and weights.
 */
export function registeredPlan(cls: SerializableConstructor<Layer>, r: ConfigReader): LayerPlan {
  const saved: Record<string, unknown> = {};
  for (const key of r.keys()) saved[key] = r.get(key);
  const config = tsConfig(saved as ConfigValue) as LayerConfig;
  const make = (): Layer => {
    try {
      return fromConfig(cls, { ...config });
    } catch (e) {
      throw new Error(`${r.op}: ${r.where}: ${(e as Error).message}`);
    }
  };
  const probe = (input: readonly number[]): Layer => withoutTakingNames(() => {
    const layer = make();
    layer.buildNoBatch(input);
    return layer;
  });
  return {
    outputShape: (input) => make().outputShapeNoBatch(input) as number[],
    weightShapes: (input) => {
      const layer = probe(input);
      const frozen = new Set(layer.nonTrainableWeights);
      const out = layer.weights.map((v) => ({ suffix: v.name.slice(layer.name.length + 1), shape: v.shape.slice(), trainable: !frozen.has(v) }));
      layer.disposeWeights();
      return out;
    },
    create: (_common, weights) => {
      const layer = make();
      if (weights.length > 0) layer.presetWeights(weights);
      return layer;
    },
  };
}
