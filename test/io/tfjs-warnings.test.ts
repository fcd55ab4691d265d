import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

// The warnings TF.js 4.22 prints while models are handed around: tessera prints the same words in the same places.

type Lib = typeof tf;
const libs = [['TF.js', tf], ['tessera', tn]] as unknown as [string, Lib][];

/** What `run` prints with console.warn. */
async function warningsOf(run: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return warnings;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => vi.restoreAllMocks());

describe('warnings as TF.js prints them', () => {
  it('io.fromMemory and fromMemorySync in their deprecated forms (more than one argument, or a bare topology)', async () => {
    const seen: string[][][] = [];
    for (const [, lib] of libs) {
      const model = lib.sequential({ layers: [lib.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'fm' })] });
      let a: tf.io.ModelArtifacts | undefined;
      await model.save(lib.io.withSaveHandler(async (x) => ((a = x), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
      const artifacts = a as tf.io.ModelArtifacts;
      seen.push([
        await warningsOf(() => lib.loadLayersModel(lib.io.fromMemory(artifacts.modelTopology as object, artifacts.weightSpecs, artifacts.weightData))),
        await warningsOf(() => lib.io.fromMemorySync(artifacts.modelTopology as object, artifacts.weightSpecs, artifacts.weightData)),
        await warningsOf(() => lib.loadLayersModel(lib.io.fromMemory(artifacts.modelTopology as object))),
        await warningsOf(() => lib.loadLayersModel(lib.io.fromMemory(artifacts))),
      ]);
    }
    const deprecated = 'Please call tf.io.fromMemory() with only one argument. The argument should be of type ModelArtifacts. '
      + 'The multi-argument signature of tf.io.fromMemory() has been deprecated and will be removed in a future release.';
    expect(seen[0]).toEqual([[deprecated], [deprecated], [deprecated], []]);
    expect(seen[1]).toEqual(seen[0]);
  });

  it('saving a functional model whose recurrent layers got initialState or a mask in apply: the call arguments are left out', async () => {
    const seen: unknown[][] = [];
    for (const [, lib] of libs) {
      const x = lib.input({ shape: [3, 2], name: 'wx' });
      const s = [lib.input({ shape: [2], name: 'ws1' }), lib.input({ shape: [2], name: 'ws2' })];
      const m = lib.input({ shape: [3], name: 'wm' });
      const l2 = lib.layers.lstm({ units: 2, name: 'l2' }).apply(x, { initialState: s }) as tf.SymbolicTensor;
      const bi = lib.layers.bidirectional({ layer: lib.layers.simpleRNN({ units: 2 }), name: 'bi' }).apply(x, { initialState: [s[0], s[1]] }) as tf.SymbolicTensor;
      const masked = lib.layers.gru({ units: 2, name: 'masked' }).apply(x, { mask: m }) as tf.SymbolicTensor;
      const model = lib.model({ inputs: [x, ...s, m], outputs: [l2, bi, masked] });
      let topology: { config: { layers: { name: string; inbound_nodes: unknown[] }[] } } | undefined;
      const warnings = await warningsOf(() => (topology = model.toJSON(null, false) as never));
      const inbound = Object.fromEntries((topology as NonNullable<typeof topology>).config.layers.map((l) => [l.name, l.inbound_nodes]));
      seen.push([warnings, inbound.l2, inbound.bi, inbound.masked]);
    }
    const left = (name: string) => `Layer ${name} was passed non-serializable keyword arguments: [object Object]. They will not be included `
      + 'in the serialized model (and thus will be missing at deserialization time).';
    expect(seen[0][0]).toEqual([left('l2'), left('bi'), left('masked')]);
    expect(seen[1]).toEqual(seen[0]);
  });

  it('saving a model whose user-defined metadata is over 1 MiB serialized, and not at 1 MiB', async () => {
    const seen: string[][][] = [];
    for (const [, lib] of libs) {
      const model = lib.sequential({ name: 'big_meta', layers: [lib.layers.dense({ units: 1, inputShape: [2] })] });
      const save = () => model.save(lib.io.withSaveHandler(async () => ({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
      // {"metadata":"…"} is 15 characters around the string.
      model.setUserDefinedMetadata({ metadata: 'x'.repeat(1024 * 1024 - 15) });
      const atLimit = await warningsOf(save);
      model.setUserDefinedMetadata({ metadata: 'x'.repeat(1024 * 1024) });
      seen.push([atLimit, await warningsOf(save)]);
    }
    expect(seen[0][0]).toEqual([]);
    expect(seen[0][1]).toHaveLength(1);
    expect(seen[1]).toEqual(seen[0]);
  });
});
