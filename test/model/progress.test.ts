import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { ProgressLogger } from '../../src/model/progress';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, sink: { isTTY, write: (t: string) => void out.push(t) } };
}

describe('the Keras-style progress line', () => {
  it('prints one line per epoch when output is not a TTY, naming the backend', () => {
    const { out, sink: s } = sink(false);
    const p = new ProgressLogger(5, 1875, 'cpu (wasm-simd, 2 threads)', true, s);
    p.epochBegin(0);
    p.batchEnd(1, { loss: 0.5 });
    p.epochEnd({ loss: 0.14321, accuracy: 0.95712 });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^Epoch 1\/5 1875\/1875 \[={30}\] \d+m?s \d+ms\/step - loss: 0\.1432 - accuracy: 0\.9571 - backend: cpu \(wasm-simd, 2 threads\)\n$/);
  });

  it('updates one line in place on a TTY, then ends it', () => {
    const { out, sink: s } = sink(true);
    const p = new ProgressLogger(2, 4, 'cpu (js)', true, s);
    p.epochBegin(1);
    p.batchEnd(4, { loss: 1 });
    p.epochEnd({ loss: 1 });
    expect(out[0]).toMatch(/^\rEpoch 2\/2 4\/4 \[={30}\]/);
    expect(out[out.length - 1]).toMatch(/^\rEpoch 2\/2 4\/4 .* - loss: 1\.0000 - backend: cpu \(js\)\x1b\[K\n$/);
  });

  it('verbose 2 draws no bar even on a TTY', () => {
    const { out, sink: s } = sink(true);
    const p = new ProgressLogger(1, 3, 'cpu (js)', false, s);
    p.epochBegin(0);
    p.batchEnd(3, { loss: 1 });
    p.epochEnd({ loss: 1 });
    expect(out).toHaveLength(1);
    expect(out[0].startsWith('Epoch 1/1 3/3')).toBe(true);
  });
});

describe('the progress line without a known count of steps', () => {
  it('reads n/Unknown while the epoch runs, and counts the batches it ran at its end', () => {
    const { out, sink: s } = sink(true);
    const p = new ProgressLogger(1, null, 'cpu (js)', true, s);
    p.epochBegin(0);
    p.batchEnd(1, { loss: 2 });
    p.epochEnd({ loss: 1.5 }, 3);
    expect(out[0]).toMatch(/^\rEpoch 1\/1 1\/Unknown \d+m?s \d+ms\/step - loss: 2\.0000\x1b\[K$/);
    expect(out[out.length - 1]).toMatch(/^\rEpoch 1\/1 3\/3 \[={30}\] .* - loss: 1\.5000 - backend: cpu \(js\)\x1b\[K\n$/);
  });
});

describe('fit and fitDataset print the same progress line at the same verbose levels', () => {
  const run = async (verbose: 0 | 1 | 2 | undefined): Promise<{ fit: string[]; fitDataset: string[] }> => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
    model.compile({ optimizer: tn.train.sgd(0.001), loss: 'meanSquaredError' });
    const rows = [[1, 2], [3, 4], [5, 6], [7, 8]];
    const lines: string[] = [];
    // Not a TTY here: one line per epoch.
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((t) => { lines.push(String(t)); return true; });
    try {
      await model.fit(tn.tensor2d(rows), tn.tensor2d([[1], [2], [3], [4]]), { epochs: 2, batchSize: 2, shuffle: false, verbose });
      const fitLines = lines.splice(0);
      const ds = tn.data.zip({ xs: tn.data.array(rows), ys: tn.data.array([[1], [2], [3], [4]]) }).batch(2);
      await model.fitDataset(ds, { epochs: 2, verbose });
      return { fit: fitLines, fitDataset: lines.splice(0) };
    } finally {
      write.mockRestore();
    }
  };
  const shape = (line: string) => line.replace(/\d+m?s \d+ms\/step/, 'T').replace(/loss: [\d.]+/, 'loss: L');

  it('one line per epoch at verbose 1 (the default) and 2, naming the backend; nothing at 0', async () => {
    for (const verbose of [undefined, 1, 2] as const) {
      const { fit, fitDataset } = await run(verbose);
      expect(fitDataset).toHaveLength(2);
      expect(fitDataset.map(shape)).toEqual(fit.map(shape));
      expect(fitDataset[1]).toMatch(new RegExp(`^Epoch 2/2 2/2 \\[={30}\\] .* - loss: \\d+\\.\\d{4} - backend: ${tn.getBackend().replace(/[()]/g, '\\$&')}\\n$`));
    }
    expect(await run(0)).toEqual({ fit: [], fitDataset: [] });
  });
});
