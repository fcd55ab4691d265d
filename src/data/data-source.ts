import { fetchChecked } from '../util/fetch-checked';
import { argError, fmtValue } from '../util/validate';
import { csvLines } from './csv-parse';
import { Dataset, generator, type DatasetIterator } from './dataset';

// tf.data's byte sources (DataSource, FileDataSource, URLDataSource) and the text lines read from one
// (TextLineDataset): what TF.js programs hand to tf.data.CSVDataset and TextLineDataset themselves.

/** How a source's bytes come out in a pass, as TF.js's FileChunkIteratorOptions: from byte `offset`, `chunkSize` at a time. */
export interface FileChunkIteratorOptions {
  offset?: number;
  /** Bytes a chunk, 1 MiB unless given (as TF.js). */
  chunkSize?: number;
}

const CHUNK_BYTES = 1024 * 1024;

/** Bytes, read afresh for each pass, as tf.data.DataSource: iterator() opens a pass over them in chunks. */
export abstract class DataSource {
  abstract iterator(): Promise<DatasetIterator<Uint8Array>>;
}

/**
 * All of a source's bytes: one pass, its chunks joined. Joined here, not by typed-array-utils' concatUint8Arrays: its
 * chunks go in as spread arguments, which overflow the stack at about a million (a 1 MB file read with chunkSize 1).
 */
async function sourceBytes(source: DataSource): Promise<Uint8Array> {
  const chunks = await (await source.iterator()).toArray();
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** A source's text, as UTF-8. */
export async function sourceText(source: DataSource): Promise<string> {
  return new TextDecoder().decode(await sourceBytes(source));
}

function checkOptions(op: string, options: unknown): FileChunkIteratorOptions {
  if (options == null) return {};
  if (typeof options !== 'object') throw argError(op, 'options', fmtValue(options), 'an object {offset?, chunkSize?}');
  const { offset, chunkSize } = options as FileChunkIteratorOptions;
  if (offset != null && !(Number.isInteger(offset) && offset >= 0)) throw argError(op, 'options.offset', fmtValue(offset), 'an integer ≥ 0');
  if (chunkSize != null && !(Number.isInteger(chunkSize) && chunkSize > 0)) throw argError(op, 'options.chunkSize', fmtValue(chunkSize), 'an integer > 0');
  return options as FileChunkIteratorOptions;
}

/** A pass over bytes from options.offset in chunks of options.chunkSize. */
function chunksOf(bytes: Uint8Array, options: FileChunkIteratorOptions): Promise<DatasetIterator<Uint8Array>> {
  const size = options.chunkSize ?? CHUNK_BYTES;
  return generator(function* () {
    for (let at = options.offset ?? 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
  }).iterator();
}

/** Whether x is a file:// path. */
export const isLocalPath = (x: unknown): x is string => typeof x === 'string' && x.startsWith('file://');

/** Refuses `value` (argument `arg` of `op`) unless it is a URL string or a Request. */
export function assertUrlSource(op: string, arg: string, value: unknown): asserts value is string | Request {
  const isRequest = typeof value === 'object' && value !== null && typeof (value as { url?: unknown }).url === 'string';
  if (typeof value !== 'string' && !isRequest) throw argError(op, arg, fmtValue(value), 'a URL string or a Request');
}

/** The bytes fetched from source, or an error naming `op`, the URL and what failed. */
export async function fetchBytes(op: string, source: string | Request): Promise<Uint8Array> {
  const response = await fetchChecked(op, typeof source === 'string' ? source : source.url, () => fetch(source));
  return new Uint8Array(await response.arrayBuffer());
}

/** The file behind a file:// path: this build has no file system (Node's build reads it). */
export function browserBuildPath(op: string, path: string): never {
  throw new Error(`${op}: ${path} is a file:// path, which only tessera's Node build can read (this runtime loaded the browser build, which has no file system); serve the file and pass its URL`);
}

/** The bytes of a Uint8Array, a Blob or File, or (Node's build) a file:// path, as tf.data.FileDataSource. */
export class FileDataSource extends DataSource {
  protected readonly options: FileChunkIteratorOptions;

  constructor(protected readonly input: Uint8Array | Blob | string, options: FileChunkIteratorOptions = {}) {
    super();
    const op = 'data.FileDataSource';
    const isBlob = typeof Blob === 'function' && input instanceof Blob;
    if (!(input instanceof Uint8Array || isBlob || isLocalPath(input))) throw argError(op, 'input', fmtValue(input), 'a Uint8Array, a Blob or File, or a file:// path');
    this.options = checkOptions(op, options);
  }

  async iterator(): Promise<DatasetIterator<Uint8Array>> {
    const input = this.input;
    const bytes = input instanceof Uint8Array ? input : typeof input === 'string' ? await this.readPath(input) : new Uint8Array(await input.arrayBuffer());
    return chunksOf(bytes, this.options);
  }

  /** A file:// path's bytes. */
  protected readPath(path: string): Promise<Uint8Array> {
    return browserBuildPath('data.FileDataSource', path);
  }
}

/** The bytes at a URL (fetched; a file:// path read as FileDataSource reads it), as tf.data.URLDataSource. */
export class URLDataSource extends DataSource {
  protected readonly fileOptions: FileChunkIteratorOptions;

  constructor(protected readonly url: string | Request, fileOptions: FileChunkIteratorOptions = {}) {
    super();
    assertUrlSource('data.URLDataSource', 'url', url);
    this.fileOptions = checkOptions('data.URLDataSource', fileOptions);
  }

  async iterator(): Promise<DatasetIterator<Uint8Array>> {
    if (isLocalPath(this.url)) return this.fileSource(this.url).iterator();
    return chunksOf(await fetchBytes('data.URLDataSource', this.url), this.fileOptions);
  }

  /** The source a file:// URL is read through. */
  protected fileSource(path: string): FileDataSource {
    return new FileDataSource(path, this.fileOptions);
  }
}

/** The lines of a source's UTF-8 text, as tf.data.TextLineDataset: split at '\n', a line's trailing '\r' dropped. */
export class TextLineDataset extends Dataset<string> {
  constructor(protected readonly input: DataSource) {
    if (!(input instanceof DataSource)) throw argError('data.TextLineDataset', 'input', fmtValue(input), 'a tf.data.DataSource (FileDataSource or URLDataSource)');
    super(async function* () {
      yield* csvLines(await sourceText(input));
    }, null);
  }
}
