// The package's entry in Node: the browser build's surface plus what needs a file system, also as the default
// export (`import tf from 'tessera'`).
import * as surface from './surface';
import * as io from './io/node';
import * as data from './data/node';

export * from './surface';
export { io, data };
export default { ...surface, io, data };
