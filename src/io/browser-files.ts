import { concatUint8Arrays } from 'typed-array-utils';
import type { IOHandler, ModelArtifacts } from './artifacts';
import { describe } from './json-checks';
import { parseJsonText, readModelJson } from './model-json';
import { checkByteLength } from './weights';
import { argError, messageOf } from '../util/validate';

/** What the handler reads of a File a user picked (an <input type="file"> or a drop). */
export interface BrowserFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isFile = (f: unknown): f is BrowserFile =>
  typeof f === 'object' && f !== null && typeof (f as BrowserFile).name === 'string' && typeof (f as BrowserFile).size === 'number' && typeof (f as BrowserFile).arrayBuffer === 'function';

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

class BrowserFiles implements IOHandler {
  private readonly op = 'io.browserFiles';

  constructor(
    private readonly jsonFile: BrowserFile,
    private readonly weightFiles: BrowserFile[],
  ) {}

  private async read(file: BrowserFile, what: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      throw new Error(`${this.op}: cannot read ${what} '${file.name}': ${messageOf(e)}`, { cause: e });
    }
  }

  /** Pairs the manifest's paths with the files by base name, checks sizes, then reads the weights. */
  async load(): Promise<ModelArtifacts> {
    const source = `'${this.jsonFile.name}'`;
    const { artifacts, groups } = readModelJson(this.op, source, parseJsonText(this.op, source, await this.read(this.jsonFile, 'the model file')));
    const byName = new Map<string, BrowserFile>();
    for (const f of this.weightFiles) {
      if (byName.has(f.name)) throw new Error(`${this.op}: two weight files are named '${f.name}'`);
      byName.set(f.name, f);
    }
    const wanted = (groups ?? []).flatMap((g) => g.paths.map(basename));
    const missing = wanted.filter((name) => !byName.has(name));
    if (missing.length > 0) {
      throw new Error(`${this.op}: ${source} names weight file(s) ${missing.map((n) => `'${n}'`).join(', ')} that were not given; pass [jsonFile, ...weightFiles] with every file its weightsManifest names`);
    }
    const extra = [...byName.keys()].filter((name) => !wanted.includes(name));
    if (extra.length > 0) throw new Error(`${this.op}: weight file(s) ${extra.map((n) => `'${n}'`).join(', ')} are not in the weightsManifest of ${source}`);
    if (!groups) return artifacts;
    const parts: Uint8Array[] = [];
    for (const g of groups) {
      const files = g.paths.map((p) => byName.get(basename(p)) as BrowserFile);
      if (g.sized) checkByteLength(this.op, files.map((f) => `'${f.name}'`).join(' + ') || `${g.where} of ${source} (no files)`, g.sized, files.reduce((n, f) => n + f.size, 0));
      for (const f of files) {
        const bytes = await this.read(f, 'the weights file');
        // The size was checked before reading; a file that changed since must not slip through.
        if (bytes.byteLength !== f.size) throw new Error(`${this.op}: '${f.name}' changed while being read (${f.size} bytes announced, ${bytes.byteLength} read)`);
        parts.push(bytes);
      }
    }
    return { ...artifacts, weightData: concatUint8Arrays(...parts).buffer as ArrayBuffer };
  }
}

/** A handler that loads a model from files a user picked: [model.json, ...weight files], as tf.io.browserFiles. */
export function browserFiles(files: BrowserFile[]): IOHandler {
  const op = 'io.browserFiles';
  if (!Array.isArray(files) || files.length === 0) throw argError(op, 'files', describe(files), 'an array [jsonFile, ...weightFiles] of at least one File');
  files.forEach((f, i) => {
    if (!isFile(f)) throw argError(op, `files[${i}]`, describe(f), 'a File (or Blob with a name)');
  });
  return new BrowserFiles(files[0], files.slice(1));
}
