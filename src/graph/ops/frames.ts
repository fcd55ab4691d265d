import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from '../../util/validate';
import type { NodeArgs, OpSpec, OpTable } from '../op-spec';
import { truth } from './control';

/** A Switch's or LoopCond's predicate: a scalar, as TF requires (a non-scalar one would never end a loop). */
function predicate(n: NodeArgs, i: number): Tensor {
  const pred = n.tensor(i);
  if (pred.rank !== 0) throw new Error(`${n.node.where}: the predicate (input ${i}) must be a scalar, got shape ${fmtShape(pred.shape)}`);
  return pred;
}

/** An op that hands its input on, a copy (the executor moves it between frames and iterations). */
const forward: OpSpec = { arity: 1, dtypeAttr: 'T', run: (n) => [tn.clone(n.tensor(0))] };

/**
 * TF1's control flow, as TF.js's converter keeps it from a TF1 graph (and as it lowers a TF2 loop by default). These
 * compute values only; the executor's frame run (frames.ts) gives them their meaning: an untaken Switch output is
 * dead and nothing that reads it runs, Merge takes whichever input lives, Enter takes a value into a loop's frame,
 * NextIteration into the next trip, Exit out to the enclosing frame.
 */
export const frameOps: OpTable = {
  Enter: forward,
  Exit: forward,
  NextIteration: forward,
  LoopCond: { arity: 1, run: (n) => [tn.clone(predicate(n, 0))] },
  Switch: {
    arity: 2, dtypeAttr: 'T', async: true,
    run: async (n) => {
      const out: Tensor[] = [];
      out[(await truth(predicate(n, 1))) ? 1 : 0] = tn.clone(n.tensor(0));
      return out;
    },
  },
  Merge: {
    arity: 1, dtypeAttr: 'T',
    run: (n) => {
      const k = n.node.inputs.findIndex((_, i) => n.live(i) !== undefined);
      return [tn.clone(n.tensor(k)), tn.scalar(k, 'int32')];
    },
  },
};
