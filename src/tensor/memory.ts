import type { DeviceData, TypedArray } from '../backend/handle';

/** What tn.memory() reports, as TF.js's MemoryInfo. */
export interface MemoryInfo {
  /** Live tensors: made, and neither disposed nor freed by the garbage collector. */
  numTensors: number;
  /** Distinct value buffers they hold (a reshape shares its input's). */
  numDataBuffers: number;
  /** Bytes in those buffers, host and device alike. */
  numBytes: number;
  unreliable: boolean;
  reasons?: string[];
}

type Storage = TypedArray | DeviceData;

/** One value buffer and how many live tensors hold it. Refers to no tensor and no values, so it keeps neither alive. */
interface Buffer {
  holders: number;
  readonly bytes: number;
}

/** @internal A tensor's entry in the count: the buffer it holds now, until it is uncounted (once). */
export interface Counted {
  buffer: Buffer;
  done: boolean;
}

let numTensors = 0;
let numDataBuffers = 0;
let numBytes = 0;
const buffers = new WeakMap<Storage, Buffer>();

function hold(storage: Storage): Buffer {
  let buffer = buffers.get(storage);
  if (!buffer) {
    buffer = { holders: 0, bytes: storage.byteLength };
    buffers.set(storage, buffer);
  }
  if (buffer.holders++ === 0) {
    numDataBuffers++;
    numBytes += buffer.bytes;
  }
  return buffer;
}

function drop(buffer: Buffer): void {
  if (--buffer.holders === 0) {
    numDataBuffers--;
    numBytes -= buffer.bytes;
  }
}

function uncount(entry: Counted): void {
  if (entry.done) return;
  entry.done = true;
  numTensors--;
  drop(entry.buffer);
}

// A tensor the garbage collector frees without dispose() leaves the count then. Counters, not references:
// a WeakRef would keep every tensor alive to the end of the current job (all of a fit() call).
const collected = new FinalizationRegistry<Counted>(uncount);

/** @internal Counts a new tensor `owner` holding `storage`. */
export function countTensor(owner: object, storage: Storage): Counted {
  numTensors++;
  const entry: Counted = { buffer: hold(storage), done: false };
  collected.register(owner, entry, entry);
  return entry;
}

/** @internal The tensor now holds other storage (a variable assigned, or moved to a device). */
export function recount(entry: Counted, storage: Storage): void {
  if (entry.done) return;
  const next = hold(storage);
  drop(entry.buffer);
  entry.buffer = next;
}

/** @internal A disposed tensor leaves the count. */
export function uncountTensor(entry: Counted): void {
  collected.unregister(entry);
  uncount(entry);
}

/** Tensors, buffers and bytes in use across every backend, as tf.memory(). */
export function memory(): MemoryInfo {
  return {
    numTensors,
    numDataBuffers,
    numBytes,
    // As TF.js's cpu backend says: tensors never disposed stay counted until the garbage collector frees them.
    unreliable: true,
    reasons: ['The reported memory is an upper bound. Due to automatic garbage collection, the true allocated memory may be less.'],
  };
}
