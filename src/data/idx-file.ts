import { argError, describeValue } from '../util/validate';
import { parseOwnedIdx, type IdxData } from './idx';

/**
 * Reads and parses an IDX file from disk (Node only). node:fs is imported on call, so a browser
 * bundle of the library loads it only if this is used.
 */
export async function readIdxFile(path: string): Promise<IdxData> {
  if (typeof path !== 'string' || path === '') throw argError('readIdxFile', 'path', describeValue(path), 'a non-empty string');
  const fs = await import('node:fs');
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(path);
  } catch (e) {
    throw new Error(`readIdxFile: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return parseOwnedIdx(bytes, path);
}
