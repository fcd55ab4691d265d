import type { Tensor } from '../tensor/tensor';
import type { Items } from './tensor-lists';

/**
 * A TF1 TensorArray: unlike a TensorList it changes in place (its ops order themselves through the flow tensors
 * they pass on), each index is written once, and a read clears an item where clear_after_read says so.
 */
export interface TensorArray extends Items {
  readonly name: string;
  elementShape: Items['elementShape'];
  /** The size the array was made with, which writes past it extend where the array is dynamic. */
  readonly dynamic: boolean;
  readonly clearAfterRead: boolean;
  /** Whether every item has one shape: then the first write fixes the element shape, else each is only checked. */
  readonly identicalShapes: boolean;
  readonly items: Array<Tensor | undefined>;
  /** Per index: whether it was written, and whether it was read (a read item cannot be written again). */
  readonly written: boolean[];
  readonly read: boolean[];
  /** Items cleared by a read. */
  readonly cleared: boolean[];
  closed: boolean;
}
