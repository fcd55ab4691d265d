import * as tn from '../../ops/index';
import { binary, requireNHWC, type OpTable } from '../op-spec';

/** TF's elementwise arithmetic of two tensors (broadcasting), as tfjs-converter's arithmetic executor. */
export const arithmeticOps: OpTable = {
  Add: binary(tn.add),
  AddV2: binary(tn.add),
  // TF.js adds the bias along the last axis whatever data_format says; channels-first is refused rather than misread.
  BiasAdd: { ...binary(tn.add), check: (node) => requireNHWC(node) },
  AddN: { arity: 1, run: (n) => [tn.addN(n.tensors(0))] },
  Sub: binary(tn.sub),
  Mul: binary(tn.mul),
  RealDiv: binary(tn.div),
  Div: binary(tn.div),
  DivNoNan: binary(tn.divNoNan),
  FloorDiv: binary(tn.floorDiv),
  Maximum: binary(tn.maximum),
  Minimum: binary(tn.minimum),
  Pow: binary(tn.pow),
  SquaredDifference: binary(tn.squaredDifference),
  Mod: binary(tn.mod),
  FloorMod: binary(tn.mod),
};
