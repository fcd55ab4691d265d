export { parseIdx } from './idx';
export type { IdxData, IdxArray, IdxElementType } from './idx';
export { readIdxFile } from './idx-file';
export { loadMnist } from './mnist';
export type { LoadMnistOptions, MnistData, MnistSplit } from './mnist';
