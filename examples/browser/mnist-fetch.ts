import * as tn from '../../src/index';

const SIDE = 28;
const IMAGES_HEADER = 16;
const LABELS_HEADER = 8;

/** Bytes [0, length) of a served MNIST file (an HTTP range: only the samples asked for travel). */
async function fetchPrefix(url: string, length: number): Promise<Uint8Array> {
  const res = await fetch(url, { headers: { Range: `bytes=0-${length - 1}` } });
  if (!res.ok) throw new Error(`MNIST: GET ${url} answered ${res.status} ${res.statusText}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length < length) throw new Error(`MNIST: ${url} gave ${bytes.length} bytes, expected at least ${length}`);
  return bytes.subarray(0, length);
}

function checkMagic(bytes: Uint8Array, url: string, magic: number): void {
  const got = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  if (got !== magic) throw new Error(`MNIST: ${url} starts with 0x${got.toString(16)}, expected the IDX magic 0x${magic.toString(16)}`);
}

/**
 * The first `n` samples of an MNIST split served at `base` (e.g. /mnist/train): images float32 [n, 28, 28, 1]
 * in [0, 1], labels float32 [n].
 */
export async function fetchMnist(base: string, n: number): Promise<{ images: tn.Tensor; labels: tn.Tensor }> {
  const imagesUrl = `${base}-images-idx3-ubyte`;
  const labelsUrl = `${base}-labels-idx1-ubyte`;
  const [imageBytes, labelBytes] = await Promise.all([
    fetchPrefix(imagesUrl, IMAGES_HEADER + n * SIDE * SIDE),
    fetchPrefix(labelsUrl, LABELS_HEADER + n),
  ]);
  checkMagic(imageBytes, imagesUrl, 0x803);
  checkMagic(labelBytes, labelsUrl, 0x801);
  const pixels = new Float32Array(n * SIDE * SIDE);
  for (let i = 0; i < pixels.length; i++) pixels[i] = imageBytes[IMAGES_HEADER + i] / 255;
  const labels = Float32Array.from(labelBytes.subarray(LABELS_HEADER));
  return { images: tn.tensor(pixels, [n, SIDE, SIDE, 1]), labels: tn.tensor(labels, [n]) };
}
