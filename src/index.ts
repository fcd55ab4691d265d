// The package's browser (and default) entry: the public surface, also as the default export, so that
// `import tf from 'tessera'` works as `import tf from '@tensorflow/tfjs'` does.
import * as surface from './surface';

export * from './surface';
export default surface;
