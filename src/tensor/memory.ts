import type { DeviceData, TypedArray } from '../backend/handle';
import { backend } from '../backend/registry';
import type { DataId } from './inspect-view';

/** What tn.memory() reports, as TF.js's MemoryInfo. */
export interface MemoryInfo {
  /** Tensors made and not disposed, as TF.js counts them: one the garbage collector frees undisposed stays counted. */
  numTensors: number;
  /** Distinct value buffers they hold (a reshape shares its input's). */
  numDataBuffers: number;
  /** The bytes of every live tensor's values, host and device alike: as TF.js, a reshape sharing its input's buffer counts again. */
  numBytes: number;
  unreliable: boolean;
  reasons?: string[];
  /** On the gpu backend: bytes of the textures that hold tensors (each texel four float32 values), as TF.js's webgl backend. */
  numBytesInGPU?: number;
}

type Storage = TypedArray | DeviceData;

/**
 * One value buffer as TF.js counts it (its dataId) and how many live tensors hold it. Tensors holding copies of one
 * buffer's values where TF.js would share them (a variable and its initial value) hold the one buffer. Refers to no
 * tensor and no values, so it keeps neither alive.
 */
interface Buffer {
  holders: number;
  bytes: number;
  readonly dataId: DataId;
  /** Whether its dataId has been handed out, and so may come back to name it (see byDataId). */
  named: boolean;
}

/** One storage's buffer and how many live tensors hold the storage itself: an in-place update must not touch storage another one holds. */
interface Holding {
  buffer: Buffer;
  holders: number;
  /** Its key in holdings, deleted when the last holder lets go (see there). */
  readonly storage: Storage;
}

/** @internal A tensor's entry in the count: the buffer it holds now, and its storage's holding, until it is uncounted (once). */
export interface Counted {
  buffer: Buffer;
  holding: Holding;
  done: boolean;
  /** A string tensor, counted as TF.js's engine counts one (see countStringBytes). */
  readonly strings: boolean;
}

let numTensors = 0;
let numStringTensors = 0;
let numDataBuffers = 0;
let numBytes = 0;
let nextDataId = 0;
// One weak entry per storage, made once per op output and deleted when its last holder lets go: a weak map that only
// grows keeps every entry until a collection finds its key dead, which costs each insert ~3x as much (it is most of
// an op's bookkeeping on small tensors). Buffers are looked up by dataId only once a dataId has been read
// (tensor.dataId), the only way one comes back.
const holdings = new WeakMap<Storage, Holding>();
const byDataId = new WeakMap<DataId, Buffer>();

/**
 * The buffer numbered dataId where one is given (the values storage holds are that buffer's, copied or moved), else
 * the one storage is counted in, else a new one with the next number; storage's holding, now of that buffer.
 */
function hold(storage: Storage, dataId?: DataId): Holding {
  const holding = holdings.get(storage);
  let buffer = (dataId && byDataId.get(dataId)) || holding?.buffer;
  if (!buffer) {
    buffer = { holders: 0, bytes: storage.byteLength, dataId: dataId ?? { id: nextDataId++ }, named: false };
    if (dataId) nameBuffer(buffer);
  }
  if (buffer.holders++ === 0) numDataBuffers++;
  if (!holding) {
    const made = { buffer, holders: 1, storage };
    holdings.set(storage, made);
    return made;
  }
  holding.buffer = buffer;
  holding.holders++;
  return holding;
}

function nameBuffer(buffer: Buffer): void {
  buffer.named = true;
  byDataId.set(buffer.dataId, buffer);
}

function drop(buffer: Buffer, holding: Holding): void {
  if (--buffer.holders === 0) numDataBuffers--;
  if (--holding.holders === 0) holdings.delete(holding.storage);
}

/**
 * @internal Counts a new tensor holding `storage` (its dataId given where it holds a copy that TF.js would share),
 * until it is disposed. A tensor the program drops undisposed stays counted, as TF.js's engine keeps a leaked
 * tensor's entry, though the garbage collector frees its values: a count that fell when the collector happened to
 * run would differ from TF.js's from one run to the next, and would hide the leak it is read to find.
 */
export function countTensor(storage: Storage, dataId?: DataId, strings = false): Counted {
  numTensors++;
  const holding = hold(storage, dataId);
  const buffer = holding.buffer;
  if (strings) numStringTensors++;
  else numBytes += buffer.bytes;
  return { buffer, holding, done: false, strings };
}

/**
 * @internal A string tensor made from values (tn.tensor and the like) counts their bytes, as TF.js's engine.makeTensor;
 * one an op makes counts none, and each string tensor disposed takes its buffer's bytes off the count, as there.
 */
export function countStringBytes(entry: Counted, bytes: number): void {
  numBytes += bytes - entry.buffer.bytes;
  entry.buffer.bytes = bytes;
}

/** @internal The dataId of the buffer a tensor holds, as TF.js's tensor.dataId. */
export function dataIdOf(entry: Counted): DataId {
  if (!entry.buffer.named) nameBuffer(entry.buffer);
  return entry.buffer.dataId;
}

/** @internal The tensor now holds other storage (a variable assigned, or moved to a device), a buffer numbered dataId. */
export function recount(entry: Counted, storage: Storage, dataId: DataId): void {
  if (entry.done) return;
  const holding = hold(storage, dataId);
  numBytes += holding.buffer.bytes - entry.buffer.bytes;
  drop(entry.buffer, entry.holding);
  entry.buffer = holding.buffer;
  entry.holding = holding;
}

/**
 * @internal A tensor whose values were just updated in place, counted in a buffer that tensors with other storage
 * also hold (a variable made from a tensor still alive), moves to a new buffer of its own: TF.js's optimizers
 * assign each new value, which gives the variable the new value's dataId. Only where it alone holds its storage.
 */
export function ownBuffer(entry: Counted): void {
  if (entry.done || entry.holding.holders !== 1 || entry.buffer.holders === 1) return;
  const own: Buffer = { holders: 1, bytes: entry.buffer.bytes, dataId: { id: nextDataId++ }, named: false };
  entry.buffer.holders--;
  numDataBuffers++;
  entry.holding.buffer = own;
  entry.buffer = own;
}

/** @internal Whether a tensor other than the one counted by entry holds its storage. */
export function storageShared(entry: Counted): boolean {
  return !entry.done && entry.holding.holders > 1;
}

/** @internal A disposed tensor leaves the count. */
export function uncountTensor(entry: Counted): void {
  if (entry.done) return;
  entry.done = true;
  numTensors--;
  if (entry.strings) numStringTensors--;
  numBytes -= entry.buffer.bytes;
  drop(entry.buffer, entry.holding);
}

/** @internal The live string tensors, as TF.js's engine state counts them. */
export function stringTensorCount(): number {
  return numStringTensors;
}

/** Tensors, buffers and bytes in use across every backend, as tf.memory(). */
export function memory(): MemoryInfo {
  // In TF.js's order, so a logged memory() reads as TF.js's, with its note that the count is an upper bound. The backend
  // is chosen here if it was not yet, as TF.js's engine does.
  const reasons = ['The reported memory is an upper bound. Due to automatic garbage collection, the true allocated memory may be less.'];
  if (numStringTensors > 0) reasons.push('Memory usage by string tensors is approximate (2 bytes per character)');
  return {
    unreliable: true,
    reasons,
    ...backend().deviceMemory?.(),
    numTensors,
    numDataBuffers,
    numBytes,
  };
}
