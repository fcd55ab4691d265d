import { complexGrads } from './complex';
import { customGrads } from './custom';
import { elementwiseGrads } from './elementwise';
import { layoutGrads } from './layout';
import { linearGrads } from './linear';
import { netsGrads } from './nets';
import { mathGrads } from './math';
import { reductionGrads } from './reduction';
import { shapeGrads } from './shape';
import { softmaxGrads } from './softmax';
import { indexingGrads } from './indexing';
import { roundingGrads } from './rounding';
import type { GradientTable } from './table';

/** Every op's backward rule, by the name the op records under. */
export const gradientTable: GradientTable = {
  ...customGrads, ...elementwiseGrads, ...linearGrads, ...mathGrads, ...reductionGrads, ...shapeGrads, ...softmaxGrads, ...layoutGrads, ...netsGrads,
  ...indexingGrads, ...roundingGrads, ...complexGrads,
};
