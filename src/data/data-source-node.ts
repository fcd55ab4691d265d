import { messageOf } from '../util/validate';
import { FileDataSource as BrowserFileDataSource, URLDataSource as BrowserURLDataSource } from './data-source';

// tf.data's byte sources in Node's build: a file:// path is read from disk (relative to the working directory, as
// TF.js reads it).

/** The file at a file:// path, or an error naming `op`, the file and why. */
export async function readLocalFile(op: string, path: string): Promise<Buffer> {
  const file = path.slice('file://'.length);
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file);
  } catch (e) {
    throw new Error(`${op}: cannot read ${file}: ${messageOf(e)}`, { cause: e });
  }
}

/** As tf.data.FileDataSource in Node: a Uint8Array, a Blob or File, or a file:// path read from disk. */
export class FileDataSource extends BrowserFileDataSource {
  protected override readPath(path: string): Promise<Uint8Array> {
    return readLocalFile('data.FileDataSource', path);
  }
}

/** As tf.data.URLDataSource in Node: a file:// URL is read from disk, any other fetched. */
export class URLDataSource extends BrowserURLDataSource {
  protected override fileSource(path: string): FileDataSource {
    return new FileDataSource(path, this.fileOptions);
  }
}
