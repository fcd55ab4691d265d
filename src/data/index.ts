export { parseIdx } from './idx';
export type { IdxData, IdxArray, IdxElementType } from './idx';
export { loadMnist } from './mnist-fetch';
export type { LoadMnistOptions, MnistData, MnistSplit } from './mnist';
export { Dataset, array, func, generator, zip } from './dataset';
export type { DatasetIterator } from './dataset';
export { CSVDataset, csv } from './csv';
export type { CSVConfig, ColumnConfig, CsvElement, CsvRow, CsvValue } from './csv';
