import { CSVDataset, checkCsvSource, fetchText, type CSVConfig } from './csv';
import { messageOf } from '../util/validate';

/**
 * The rows of a CSV file, as tf.data.csv in Node: a file:// path is read from disk (relative to the working
 * directory, as TF.js reads it), anything else fetched.
 */
export function csv(source: string | Request, csvConfig: CSVConfig = {}): CSVDataset {
  checkCsvSource(source);
  if (typeof source !== 'string' || !source.startsWith('file://')) return new CSVDataset(fetchText('data.csv', source), csvConfig);
  const path = source.slice('file://'.length);
  return new CSVDataset(async () => {
    const { readFile } = await import('node:fs/promises');
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      throw new Error(`data.csv: cannot read ${path}: ${messageOf(e)}`, { cause: e });
    }
  }, csvConfig);
}
