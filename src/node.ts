// The package's entry in Node: the browser build's surface plus what needs a file system.
export * from './index';
export * as io from './io/node';
export * as data from './data/node';
