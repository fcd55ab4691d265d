import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferSourceToUint8Array, concatUint8Arrays } from 'typed-array-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { captureArtifacts } from './helpers';

const RUNS = { seed: 13, numRuns: 200 } as const;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let dir: string;
let baseJson: { [key: string]: Json };
let baseBytes: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-io-fuzz-'));
  const model = tn.sequential({ name: 'fuzz', layers: [
    tn.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu', inputShape: [5, 5, 1], name: 'conv' }),
    tn.layers.maxPooling2d({ poolSize: 2, padding: 'same', name: 'pool' }),
    tn.layers.flatten({ name: 'flat' }),
    tn.layers.dropout({ rate: 0.5, name: 'drop' }),
    tn.layers.dense({ units: 3, activation: 'softmax', name: 'dense' }),
    tn.layers.activation({ activation: 'relu', name: 'act' }),
  ] });
  const a = await captureArtifacts(model);
  baseJson = JSON.parse(JSON.stringify({ modelTopology: a.modelTopology, format: a.format, weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }] }));
  baseBytes = new Uint8Array(a.weightData as ArrayBuffer);
  await writeFile(join(dir, 'weights.bin'), baseBytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A load must give a working model whose weights are the file's bytes, or reject with a plain
 * Error from the loader (not a TypeError or RangeError escaping from inside).
 */
async function checkOutcome(load: Promise<tn.Sequential>, bytes: Uint8Array): Promise<void> {
  let model: tn.Sequential;
  try {
    model = await load;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).constructor).toBe(Error);
    expect((e as Error).message).toMatch(/^(loadLayersModel|io\.fromMemory): /);
    return;
  }
  const weights = concatUint8Arrays(...model.getWeights().map((w) => bufferSourceToUint8Array(w.dataSync() as BufferSource)));
  expect(weights.byteLength).toBe(bytes.byteLength);
  const inputShape = model.layers[0].inputShapeNoBatch as number[];
  if (inputShape.reduce((a, b) => a * b, 1) <= 10_000) {
    const y = model.predict(tn.zeros([2, ...inputShape], model.layers[0].dtype));
    expect(y.shape).toEqual([2, ...(model.outputShape.slice(1) as number[])]);
  }
  model.dispose();
}

async function loadText(text: string | Uint8Array): Promise<tn.Sequential> {
  await writeFile(join(dir, 'model.json'), text);
  return tn.loadLayersModel(`file://${join(dir, 'model.json')}`);
}

/** Every path (list of keys) in a JSON tree. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...at, k], out);
  return out;
}

/** Sets an own key, so '__proto__' becomes data as JSON.parse would make it. */
function setOwn(obj: Json[] | { [key: string]: Json }, key: string | number, value: Json): void {
  // A copy, so a value drawn twice never ends up inside itself.
  Object.defineProperty(obj, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
}

type Edit = { pick: number; kind: 'delete' | 'replace' | 'number' | 'addKey'; value: Json; factor: number; key: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'number', 'addKey'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>(null, 0, -1, 1.5, 2 ** 31, 1e300, '', 'same', 'float64', 'int32', [], {}, [null, 5, 5, 1], [1, 1]),
  ),
  factor: fc.constantFrom(-1, 0, 0.5, 2, 3, 1e6),
  key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'seed', 'name'),
});

function applyEdits(edits: Edit[]): Json {
  const json = JSON.parse(JSON.stringify(baseJson)) as Json;
  for (const e of edits) {
    const all = paths(json);
    const path = all[e.pick % all.length];
    if (path.length === 0) continue;
    let parent = json as Json[] | { [key: string]: Json };
    for (const k of path.slice(0, -1)) parent = (parent as Record<string, Json>)[k] as Json[] | { [key: string]: Json };
    const last = path[path.length - 1];
    const current = (parent as Record<string, Json>)[last];
    if (e.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (e.kind === 'replace') setOwn(parent, last, e.value);
    else if (e.kind === 'number') setOwn(parent, last, typeof current === 'number' ? current * e.factor + (e.factor === 0 ? 1 : 0) : e.value);
    else if (current !== null && typeof current === 'object' && !Array.isArray(current)) setOwn(current, e.key, e.value);
  }
  return json;
}

describe('loader fuzzing (fast-check, fixed seed)', () => {
  it('arbitrary bytes as model.json', async () => {
    const bytesArb = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.json({ maxDepth: 4 }).map((s) => new TextEncoder().encode(s)),
      fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`{"modelTopology": ${s}`)),
    );
    await fc.assert(fc.asyncProperty(bytesArb, async (bytes) => checkOutcome(loadText(bytes), baseBytes)), RUNS);
  });

  it('mutated valid model.json: values changed, keys dropped or added, numbers altered, text cut', async () => {
    const mutated = fc.oneof(
      { weight: 4, arbitrary: fc.array(editArb, { minLength: 1, maxLength: 4 }).map((edits) => JSON.stringify(applyEdits(edits))) },
      { weight: 1, arbitrary: fc.nat().map((k) => { const t = JSON.stringify(baseJson); return t.slice(0, k % t.length); }) },
    );
    await fc.assert(fc.asyncProperty(mutated, async (text) => checkOutcome(loadText(text), baseBytes)), RUNS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('truncated, extended and altered weight buffers', async () => {
    const bufferArb = fc.oneof(
      fc.nat().map((k) => baseBytes.slice(0, k % (baseBytes.length + 1))),
      fc.uint8Array({ minLength: 1, maxLength: 64 }).map((extra) => concatUint8Arrays(baseBytes, extra)),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, v]) => {
        const out = baseBytes.slice();
        out[i % out.length] = v;
        return out;
      }),
    );
    await fc.assert(
      fc.asyncProperty(bufferArb, async (bytes) => {
        await checkOutcome(tn.loadLayersModel(tn.io.fromMemory(baseJson, bytes)), bytes);
        await writeFile(join(dir, 'weights-fuzz.bin'), bytes);
        const json = { ...baseJson, weightsManifest: [{ paths: ['weights-fuzz.bin'], weights: (baseJson.weightsManifest as { weights: Json }[])[0].weights }] };
        await checkOutcome(loadText(JSON.stringify(json)), bytes);
      }),
      RUNS,
    );
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(512 * 2 ** 20);
  });
});
