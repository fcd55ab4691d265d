import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('setBackend / ready / getBackend', () => {
  it("switches to cpu at once and resolves to true, as tf.setBackend's promise does", async () => {
    const result = tn.setBackend('cpu');
    expect(result).toBeInstanceOf(Promise);
    // Un-awaited: the very next op already runs on cpu.
    expect(tn.getBackend()).toMatch(/^cpu/);
    expect(await result).toBe(true);
    await expect(tn.ready()).resolves.toBeUndefined();
  });

  it('rejects an unknown name, naming the choices, and keeps the current backend', async () => {
    await tn.setBackend('cpu');
    await expect(tn.setBackend('webgl' as never)).rejects.toThrow(`setBackend: name must be one of 'cpu', 'gpu'; got "webgl"`);
    expect(tn.getBackend()).toMatch(/^cpu/);
    expect(tn.add(tn.scalar(1), tn.scalar(2)).dataSync()[0]).toBe(3);
  });
});
