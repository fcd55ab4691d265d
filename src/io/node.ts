// tn.io in Node's build: the browser build's handlers plus file://.
import { fileSystemRouter } from './file-system';
import { registerLoadRouter, registerSaveRouter } from './router-registry';

export * from './index';
export { fileSystem } from './file-system';

registerSaveRouter(fileSystemRouter);
registerLoadRouter(fileSystemRouter);
