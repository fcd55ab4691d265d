import * as tfjs from '@tensorflow/tfjs';
import * as tessera from '../../src/index';

// A compatibility program is one function written against a `tf` namespace, as a TF.js user writes it; it runs once
// with TensorFlow.js 4.22 (cpu backend) and once with tessera, and whatever it returns (tensors, numbers, strings,
// arrays and objects of them), what it prints and whether it throws must agree. The namespace is typed as tessera's,
// so the project's `tsc --noEmit -p .` (run by `npm test`; it includes test/) checks every program against tessera's
// public types, as a TF.js user's TypeScript would be checked after changing the import.

import type { TF } from './outcome';

export type { Normal, Outcome, Program, TF } from './outcome';
export { compareOutcomes, differences, runWith } from './outcome';

/** TensorFlow.js as a program sees it (its surface is a superset of what the programs use). */
export const tfjsAsTF = tfjs as unknown as TF;

export { tfjs, tessera };
