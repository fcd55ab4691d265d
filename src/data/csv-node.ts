import { CSVDataset, fetchText, type CSVConfig } from './csv';
import { assertUrlSource, isLocalPath } from './data-source';
import { readLocalFile } from './data-source-node';

/**
 * The rows of a CSV file, as tf.data.csv in Node: a file:// path is read from disk (relative to the working
 * directory, as TF.js reads it), anything else fetched.
 */
export function csv(source: string | Request, csvConfig: CSVConfig = {}): CSVDataset {
  assertUrlSource('data.csv', 'source', source);
  if (!isLocalPath(source)) return new CSVDataset(fetchText('data.csv', source), csvConfig);
  return new CSVDataset(async () => (await readLocalFile('data.csv', source)).toString('utf8'), csvConfig);
}
