// `npm run demo [-- --port 8080] [-- --no-isolation]`: builds the bundles and serves the demo page.
import { parseArgs } from 'node:util';
import { serveDemo } from './server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, 'no-isolation': { type: 'boolean', default: false } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer in 0..65535, got ${JSON.stringify(values.port)}`);
const server = await serveDemo({ port, host: values.host, isolated: !values['no-isolation'] });
console.log(`tessera demo: ${server.url}/ (${values['no-isolation'] ? 'not cross-origin isolated: one thread' : 'cross-origin isolated: threads on'}); Ctrl-C stops`);
