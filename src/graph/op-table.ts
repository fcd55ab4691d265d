import { customOpSpec } from './custom-ops';
import type { GraphFunction } from './function-def';
import type { GraphNode } from './graph-def';
import type { OpSpec, OpTable } from './op-spec';
import { arithmeticOps } from './ops/arithmetic';
import { basicMathOps } from './ops/basic-math';
import { controlOps } from './ops/control';
import { convolutionOps } from './ops/convolution';
import { creationOps } from './ops/creation';
import { evaluationOps } from './ops/evaluation';
import { frameOps } from './ops/frames';
import { graphOps } from './ops/graph';
import { hashTableOps } from './ops/hash-table';
import { imageOps } from './ops/image';
import { logicalOps } from './ops/logical';
import { matricesOps } from './ops/matrices';
import { normalizationOps } from './ops/normalization';
import { reductionOps } from './ops/reduction';
import { sliceJoinOps } from './ops/slice-join';
import { sparseRaggedOps } from './ops/sparse-ragged';
import { spectralOps } from './ops/spectral';
import { stringOps } from './ops/string';
import { tensorArrayOps } from './ops/tensor-array';
import { tensorListOps } from './ops/tensor-list';
import { transformationOps } from './ops/transformation';

/** Every TF op the executor runs, by name (Placeholder and Const aside: their values come from outside). */
export const OPS: OpTable = {
  ...arithmeticOps, ...basicMathOps, ...controlOps, ...convolutionOps, ...creationOps, ...evaluationOps, ...frameOps, ...graphOps, ...hashTableOps, ...imageOps,
  ...logicalOps, ...matricesOps, ...normalizationOps, ...reductionOps, ...sliceJoinOps, ...sparseRaggedOps, ...spectralOps, ...stringOps, ...tensorArrayOps, ...tensorListOps, ...transformationOps,
};

/**
 * The op a node runs (a function registered for it with registerOp first, as TF.js looks it up), its attrs and input
 * count checked; an op tessera does not run is refused, naming the node.
 */
export function opFor(node: GraphNode, library: ReadonlyMap<string, GraphFunction>): OpSpec {
  const spec = customOpSpec(node.op) ?? (Object.hasOwn(OPS, node.op) ? OPS[node.op] : undefined);
  if (spec === undefined) {
    throw new Error(`${node.where}: tessera's GraphModel does not run this op (its ${Object.keys(OPS).length + 2} ops are listed in README, 'Graph models'); register a function for it with registerOp before loading the model`);
  }
  if (node.inputs.length < spec.arity) throw new Error(`${node.where}: needs at least ${spec.arity} data inputs, got ${node.inputs.length}`);
  spec.check?.(node, library);
  return spec;
}
