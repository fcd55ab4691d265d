import type { DeviceData, FloatArray } from '../backend/handle';

/** What tn.memory() reports, as TF.js's MemoryInfo. */
export interface MemoryInfo {
  /** Live tensors: made, and neither disposed nor collected by the garbage collector. */
  numTensors: number;
  /** Distinct value buffers they hold (a reshape shares its input's). */
  numDataBuffers: number;
  /** Bytes in those buffers, host and device alike. */
  numBytes: number;
  unreliable: boolean;
  reasons?: string[];
}

/** What the count needs of a tensor (this module sits below the Tensor class). */
interface Counted {
  readonly storage: FloatArray | DeviceData;
  readonly isDisposed: boolean;
}

const live = new Set<WeakRef<Counted>>();
// A tensor the garbage collector frees without dispose() leaves the count when it goes.
const collected = new FinalizationRegistry<WeakRef<Counted>>((ref) => live.delete(ref));

/** @internal Counts a new tensor; the returned token uncounts it on dispose. */
export function countTensor(t: Counted): WeakRef<Counted> {
  const ref = new WeakRef(t);
  live.add(ref);
  collected.register(t, ref, ref);
  return ref;
}

/** @internal Uncounts a disposed tensor. */
export function uncountTensor(ref: WeakRef<Counted>): void {
  live.delete(ref);
  collected.unregister(ref);
}

/** Tensors, buffers and bytes in use across every backend, as tf.memory(). */
export function memory(): MemoryInfo {
  const buffers = new Set<FloatArray | DeviceData>();
  let numTensors = 0;
  for (const ref of live) {
    const t = ref.deref();
    if (!t || t.isDisposed) continue;
    numTensors++;
    buffers.add(t.storage);
  }
  let numBytes = 0;
  for (const b of buffers) numBytes += b.byteLength;
  return {
    numTensors,
    numDataBuffers: buffers.size,
    numBytes,
    // As TF.js's cpu backend says: tensors never disposed stay counted until the garbage collector frees them.
    unreliable: true,
    reasons: ['The reported memory is an upper bound. Due to automatic garbage collection, the true allocated memory may be less.'],
  };
}
