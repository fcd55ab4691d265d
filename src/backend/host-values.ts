import type { DeviceData, TypedArray } from './handle';

/**
 * @internal Told when tensors share (reshape) or let go of (dispose, assign) host values, so that the allocator
 * that made them (the cpu backend's WebAssembly memory) can reuse them; arrays it did not make are ignored.
 */
export interface HostValuesOwner {
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
