import type { GradientRule } from '../../tensor/tape';

/** Backward rules by the op name each op records under. */
export type GradientTable = Record<string, GradientRule<never>>;

/** A rule for an op whose attributes are A (the table forgets A; the op that records it guarantees it). */
export function rule<A>(fn: GradientRule<A>): GradientRule<never> {
  return fn as GradientRule<never>;
}
