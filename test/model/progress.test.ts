import { describe, expect, it } from 'vitest';
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
