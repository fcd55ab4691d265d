import { arrayTypeFor, type DeviceData, type DType, type TypedArray } from './handle';

/**
 * @internal Told when tensors share (reshape) or let go of (dispose, assign) host values, so that the allocator
 * that made them (the cpu backend's WebAssembly memory) can reuse them; arrays it did not make are ignored.
 */
export interface HostValuesOwner {
  /** A new float32 array of `length` in the owner's memory (values unspecified), or undefined when it is full. */
  alloc(length: number): Float32Array | undefined;
  retain(values: TypedArray): void;
  release(values: TypedArray): void;
}

let hostOwner: HostValuesOwner | null = null;

/** @internal Installs the owner of host values (one per process: the cpu backend's). */
export function setHostValuesOwner(owner: HostValuesOwner | null): void {
  hostOwner = owner;
}

/** @internal Lets go of storage a tensor no longer holds: device data, or host values an allocator made. */
export function releaseStorage(storage: TypedArray | DeviceData): void {
  if (ArrayBuffer.isView(storage)) hostOwner?.release(storage);
  else storage.release();
}

/** @internal Takes one more hold on storage that a second tensor now views (reshape). */
export function retainStorage(storage: TypedArray | DeviceData): void {
  if (ArrayBuffer.isView(storage)) hostOwner?.retain(storage);
  else storage.retain();
}

/**
 * @internal Values for a new host tensor, to be fully written by the caller: float32 ones where the cpu kernels
 * read them in place (their memory, when it has room), so a batch gathered here is not copied again by each
 * kernel that reads it; other dtypes, or a full memory, get a fresh array.
 */
export function newHostValues(dtype: DType, size: number): TypedArray {
  return (dtype === 'float32' ? hostOwner?.alloc(size) : undefined) ?? new (arrayTypeFor(dtype))(size);
}

/**
 * @internal A copy of host values, by allocating and set(): slice() of a view of shared WebAssembly memory (where
 * the cpu kernels' arrays live) takes V8's per-element slow path, ~30x slower (12 ms for 2.8 MB). `forTensor`: the
 * copy becomes a tensor's storage, so float32 goes to the kernels' memory where it fits; arrays handed to users
 * (dataSync) are always plain.
 */
export function copyHostValues<T extends TypedArray>(values: T, forTensor = false): T {
  const out = forTensor && values instanceof Float32Array
    ? newHostValues('float32', values.length)
    : new (values.constructor as new (length: number) => TypedArray)(values.length);
  out.set(values);
  return out as T;
}
