import type { IOHandler, ModelArtifacts, SaveResult } from './artifacts';
import { describe } from './json-checks';
import { modelJsonFor } from './model-json';
import { artifactsInfo } from './artifacts-info';
import { weightBytes } from './weights';
import { argError } from '../util/validate';

export const DOWNLOADS_SCHEME = 'downloads://';
const DEFAULT_PREFIX = 'model';

/** The parts of the DOM a download needs. */
interface DownloadDocument {
  createElement(tag: 'a'): { download: string; href: string; click(): void };
}

class BrowserDownloads implements IOHandler {
  private readonly op = 'io.browserDownloads';

  constructor(private readonly prefix: string) {}

  /** Offers '<prefix>.json' and '<prefix>.weights.bin' as downloads, as TF.js's browserDownloads does. */
  async save(artifacts: ModelArtifacts): Promise<SaveResult> {
    const doc = (globalThis as { document?: DownloadDocument }).document;
    if (!doc || typeof URL.createObjectURL !== 'function') {
      throw new Error(`${this.op}: downloads:// saves through a page's downloads and needs a browser document; in Node save to file://dir`);
    }
    const data = weightBytes(this.op, 'weightData', artifacts.weightData);
    const weightsName = `${this.prefix}.weights.bin`;
    const json = JSON.stringify(modelJsonFor(artifacts, [`./${weightsName}`]));
    const files: [string, Blob][] = [[`${this.prefix}.json`, new Blob([json], { type: 'application/json' })]];
    if (artifacts.weightData != null) files.push([weightsName, new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' })]);
    for (const [name, blob] of files) {
      const anchor = doc.createElement('a');
      anchor.download = name;
      anchor.href = URL.createObjectURL(blob);
      anchor.click();
      // Browsers start a download on click, but a second click in the same task can be dropped.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { modelArtifactsInfo: artifactsInfo(artifacts, data.byteLength) };
  }
}

/** A handler whose save downloads the model as two files, as tf.io.browserDownloads. */
export function browserDownloads(fileNamePrefix = DEFAULT_PREFIX): IOHandler {
  if (typeof fileNamePrefix !== 'string') throw argError('io.browserDownloads', 'fileNamePrefix', describe(fileNamePrefix), 'a string');
  const prefix = fileNamePrefix.startsWith(DOWNLOADS_SCHEME) ? fileNamePrefix.slice(DOWNLOADS_SCHEME.length) : fileNamePrefix;
  return new BrowserDownloads(prefix === '' ? DEFAULT_PREFIX : prefix);
}

export const browserDownloadsRouter = (url: string | string[]): IOHandler | null =>
  typeof url === 'string' && url.startsWith(DOWNLOADS_SCHEME) ? browserDownloads(url) : null;
