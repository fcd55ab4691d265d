import type { ReduceOp } from './op-names';

/** What a reduction over no elements gives (and where a cpu accumulator starts): as TF.js. */
export function reduceIdentity(op: ReduceOp): number {
  switch (op) {
    case 'sum': case 'any': return 0;
    case 'prod': case 'all': return 1;
    case 'max': return -Infinity;
    case 'min': return Infinity;
  }
}
