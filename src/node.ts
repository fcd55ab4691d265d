// The package's entry in Node: the browser build's surface plus what needs a file system, also as the default
// export (`import tf from 'tessera'`).
import * as surface from './surface';
import * as io from './io/node';
import * as data from './data/node';

export * from './surface';
export { io, data };
// tfjs-data's top-level names that read files in Node (these take the place of the surface's).
export { csv, FileDataSource, URLDataSource } from './data/node';
export default { ...surface, csv: data.csv, FileDataSource: data.FileDataSource, URLDataSource: data.URLDataSource, io, data };
