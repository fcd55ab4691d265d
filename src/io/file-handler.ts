import { concatUint8Arrays } from 'typed-array-utils';
import type { ModelArtifacts, SaveResult } from './artifacts';
import { badValue } from './json-checks';
import { modelJsonFor, parseJsonText, readModelJson } from './model-json';
import { artifactsInfo } from './artifacts-info';
import { checkByteLength, weightBytes } from './weights';

/** model.json holds the topology and manifest only; anything larger is not a model file. */
const MAX_JSON_BYTES = 64 * 2 ** 20;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** 'file://path' to path; the scheme is what TF.js's Node handler takes. */
export function filePath(url: string): string | undefined {
  return url.startsWith('file://') && url.length > 'file://'.length ? url.slice('file://'.length) : undefined;
}

/** A manifest path must stay inside the model's folder: relative, without '..' segments. */
function checkRelativePath(op: string, where: string, p: string): void {
  const parts = p.split('/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.includes('\\') || p.includes('\0') || parts.some((s) => s === '..' || s === '')) {
    throw badValue(op, where, p, "a relative path inside the model's folder (no leading '/', no '..', no '\\')");
  }
}

let savesStarted = 0;

/**
 * Writes dir/model.json and dir/weights.bin. Both are written under temporary names and renamed
 * into place, weights first, so a failed save leaves any earlier model intact and no partial file.
 */
export async function saveToFiles(op: string, dir: string, artifacts: ModelArtifacts): Promise<SaveResult> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const data = weightBytes(op, 'weightData', artifacts.weightData);
  const json = JSON.stringify(modelJsonFor(artifacts, ['weights.bin']));
  // Unique without Math.random: a program that seeds it draws after a save what it draws with TF.js (tfjs-node's save draws nothing).
  const tag = `.${process.pid}-${Date.now().toString(36)}-${++savesStarted}.tmp`;
  const files = [path.join(dir, 'weights.bin'), path.join(dir, 'model.json')];
  const existing = await fs.stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new Error(`${op}: ${dir} exists as a file; the path must be a folder (existing, or one to make) to write model.json and weights.bin in`);
  }
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(files[0] + tag, data);
    await fs.writeFile(files[1] + tag, json);
    for (const f of files) await fs.rename(f + tag, f);
  } catch (e) {
    // A cleanup that fails too (the folder could not be made) must not hide why the save failed.
    await Promise.all(files.map((f) => fs.rm(f + tag, { force: true }).catch(() => undefined)));
    throw new Error(`${op}: could not save the model to ${dir}: ${reason(e)}`);
  }
  return { modelArtifactsInfo: artifactsInfo(artifacts, data.byteLength) };
}

/**
 * Reads model.json and the weight files it names. Sizes are checked against the manifest before
 * any weight file is read, so a truncated or oversized file is refused without reading it.
 */
export async function loadFromFiles(op: string, file: string): Promise<ModelArtifacts> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const sizeOf = async (f: string, what: string) => {
    try {
      return (await fs.stat(f)).size;
    } catch (e) {
      throw new Error(`${op}: cannot read ${what} ${f}: ${reason(e)}`);
    }
  };
  const read = async (f: string, what: string) => {
    try {
      return new Uint8Array(await fs.readFile(f));
    } catch (e) {
      throw new Error(`${op}: cannot read ${what} ${f}: ${reason(e)}`);
    }
  };
  const jsonSize = await sizeOf(file, 'the model file');
  if (jsonSize > MAX_JSON_BYTES) throw new Error(`${op}: ${file} holds ${jsonSize} bytes; a model.json must be at most ${MAX_JSON_BYTES}`);
  const { artifacts, groups } = readModelJson(op, file, parseJsonText(op, file, await read(file, 'the model file')));
  if (!groups) return artifacts;
  const dir = path.dirname(file);
  const parts: Uint8Array[] = [];
  for (const g of groups) {
    g.paths.forEach((p, j) => checkRelativePath(op, `${g.where}.paths[${j}]`, p));
    const files = g.paths.map((p) => path.join(dir, p));
    let total = 0;
    for (const f of files) total += await sizeOf(f, 'the weights file');
    if (g.sized) checkByteLength(op, files.join(' + ') || `${g.where} (no files)`, g.sized, total);
    for (const f of files) parts.push(await read(f, 'the weights file'));
  }
  return { ...artifacts, weightData: concatUint8Arrays(...parts).buffer as ArrayBuffer };
}
