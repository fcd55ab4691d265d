import { sum } from '../reduction';
import { gatherLattice, scatterLattice, type LatticeAttrs } from '../lattice';
import { concat, piecesAlong, type ConcatAttrs } from '../concat';
import { reshape } from '../reshape';
import { inversePerm, transpose, type TransposeAttrs } from '../transpose';
import { tiledView, type TileAttrs } from '../tile';
import { rule, type GradientTable } from './table';

// Backward rules of the shape ops; each is made of ops, so it is differentiable in turn.

export const layoutGrads: GradientTable = {
  gatherLattice: rule<LatticeAttrs>((dy, { inputs: [x], attrs: { begin, steps } }) => [scatterLattice(dy, x.shape, begin, steps)]),
  scatterLattice: rule<LatticeAttrs>((dy, { inputs: [x], attrs: { begin, steps } }) => [gatherLattice(dy, x.shape, begin, steps)]),
  transpose: rule<TransposeAttrs>((dy, { attrs: { perm } }) => [transpose(dy, inversePerm(perm))]),
  concat: rule<ConcatAttrs>((dy, { inputs, attrs: { axis } }) => piecesAlong(dy, inputs.map((x) => x.shape[axis]), axis)),
  split: rule<ConcatAttrs>((_dy, { dys, attrs: { axis } }) => [concat(dys.slice(), axis)]),
  // Sums the copies: the repetition axes of the tiled view are the even ones.
  tile: rule<TileAttrs>((dy, { inputs: [x], attrs: { reps } }) => [
    sum(reshape(dy, tiledView(x.shape, reps)), reps.map((_, k) => 2 * k)),
  ]),
};
