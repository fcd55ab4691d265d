import type { DeviceData } from '../handle';
import type { GpuTexture } from './gpujs';

// WebGL2's one- and two-channel float formats (R32F, RG32F); every other texture tessera makes holds four float32.
const R32F = 0x822e;
const RG32F = 0x8230;

/** Bytes of one texel of a texture in this GL internal format. */
function texelBytes(internalFormat: number | undefined): number {
  if (internalFormat === R32F) return 4;
  return internalFormat === RG32F ? 8 : 16;
}

/** Bytes of the textures tensors hold now, as TF.js's numBytesInGPU. */
let textureBytes = 0;

/** The bytes of the textures that hold tensors' values now (each texture's width × height × its texel's bytes). */
export function liveTextureBytes(): number {
  return textureBytes;
}

/** The bytes of a texture (its width × height × its texel's bytes). */
function bytesOf(texture: GpuTexture): number {
  return texture.size.reduce((a, b) => a * b, texelBytes(texture.internalFormat));
}

/**
 * A tensor's values held as a gpu.js texture. Counts the tensors that share it (reshape views)
 * and deletes the texture when the last lets go, so device memory is freed at dispose/tidy time
 * rather than whenever a garbage collector might run. A companion texture (what a backward pass
 * needs from the pass that made these values, such as a pool's winning cells) lives and goes with it.
 */
export class GpuData implements DeviceData {
  readonly backend = 'gpu';
  private refs = 1;

  private readonly textureBytes: number;

  constructor(readonly texture: GpuTexture, readonly size: number, readonly companion: GpuTexture | null = null) {
    this.textureBytes = bytesOf(texture) + (companion ? bytesOf(companion) : 0);
    textureBytes += this.textureBytes;
  }

  get byteLength(): number {
    return this.size * Float32Array.BYTES_PER_ELEMENT;
  }

  get isDeleted(): boolean {
    return this.refs === 0;
  }

  readSync(): Float32Array {
    if (this.refs === 0) throw new Error('gpu backend: reading a texture that was already deleted');
    const values = this.texture.toArray();
    if (!(values instanceof Float32Array) || values.length !== this.size) {
      throw new Error(`gpu backend: reading back ${this.size} values gave ${describeValues(values)}`);
    }
    return values;
  }

  retain(): void {
    if (this.refs === 0) throw new Error('gpu backend: retaining a texture that was already deleted');
    this.refs++;
  }

  release(): void {
    if (this.refs === 0) return;
    if (--this.refs === 0) {
      this.texture.delete();
      this.companion?.delete();
      textureBytes -= this.textureBytes;
    }
  }
}

function describeValues(values: unknown): string {
  if (ArrayBuffer.isView(values)) return `a ${values.constructor.name} of ${(values as Float32Array).length}`;
  return typeof values;
}
