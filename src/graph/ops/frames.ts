import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { OpSpec, OpTable } from '../op-spec';
import { truth } from './control';

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
  LoopCond: { arity: 1, run: (n) => [tn.clone(n.tensor(0))] },
  Switch: {
    arity: 2, dtypeAttr: 'T', async: true,
    run: async (n) => {
      const out: Tensor[] = [];
      out[(await truth(n.tensor(1))) ? 1 : 0] = tn.clone(n.tensor(0));
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
