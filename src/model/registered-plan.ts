import { savedWeightName, withoutTakingNames, type Layer, type LayerConfig } from '../layers/layer';
import { fromConfig } from '../layers/serialization';
import type { SerializableConstructor } from '../util/serializable';
import { tsConfig, type ConfigValue } from '../util/case';
import type { ConfigReader } from './config-reader';
import type { LayerPlan } from './layer-plan';

/** Makes a layer of a user's registered class from its saved config in camelCase (as TF.js's loader gives it), by the class's fromConfig or its constructor. */
function maker(cls: SerializableConstructor<Layer>, r: ConfigReader): () => Layer {
  const saved: Record<string, unknown> = {};
  for (const key of r.keys()) saved[key] = r.get(key);
  const config = tsConfig(saved as ConfigValue) as LayerConfig;
  return () => {
    try {
      return fromConfig(cls, { ...config });
    } catch (e) {
      throw new Error(`${r.op}: ${r.where}: ${(e as Error).message}`);
    }
  };
}

/** The weights of a built layer, as a plan lists them. */
function weightList(layer: Layer): ReturnType<LayerPlan['weightShapes']> {
  const frozen = new Set(layer.nonTrainableWeights);
  return layer.weights.map((v) => ({ suffix: savedWeightName(v).slice(layer.name.length + 1), shape: v.shape.slice(), trainable: !frozen.has(v) }));
}

/**
 * The plan for a layer of a user's registered class, made once (as TF.js's loader constructs it once): that layer,
 * built for its input, tells the output shape and weights, and is the one created.
 */
export function registeredPlan(cls: SerializableConstructor<Layer>, r: ConfigReader): LayerPlan {
  const make = maker(cls, r);
  let layer: Layer | null = null;
  const built = (input: readonly number[]): Layer => {
    layer ??= make();
    layer.buildNoBatch(input);
    return layer;
  };
  return {
    outputShape: (input) => built(input).outputShapeNoBatch(input) as number[],
    weightShapes: (input) => weightList(built(input)),
    create: (_common, weights) => {
      layer ??= make();
      if (weights.length > 0 && layer.built) layer.setWeights(weights);
      else if (weights.length > 0) layer.presetWeights(weights);
      return layer;
    },
    discard: () => layer?.disposeWeights(),
  };
}

/**
 * The plan for a cell of a user's registered class: its RNN builds it in the RNN's name scope, so a probe of its
 * own (built taking no names, then freed) tells its weights, and each create makes a cell.
 */
export function registeredCellPlan(cls: SerializableConstructor<Layer>, r: ConfigReader): LayerPlan {
  const make = maker(cls, r);
  return {
    outputShape: (input) => make().outputShapeNoBatch(input) as number[],
    weightShapes: (input) => withoutTakingNames(() => {
      const probe = make();
      probe.buildNoBatch(input);
      const out = weightList(probe);
      probe.disposeWeights();
      return out;
    }),
    create: (_common, weights) => {
      const cell = make();
      if (weights.length > 0) cell.presetWeights(weights);
      return cell;
    },
  };
}
