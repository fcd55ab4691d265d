import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('engine().startScope / endScope', () => {
  it('dispose what was made since startScope, except the result and kept tensors', () => {
    const before = tn.memory().numTensors;
    tn.engine().startScope();
    const a = tn.tensor([1, 2]);
    const b = a.mul(2);
    const kept = tn.keep(b.add(1));
    const out = b.sum();
    tn.engine().endScope(out);
    expect(a.isDisposed).toBe(true);
    expect(b.isDisposed).toBe(true);
    expect(out.dataSync()[0]).toBe(6);
    expect(kept.isDisposed).toBe(false);
    expect(tn.memory().numTensors - before).toBe(2);
    tn.dispose([out, kept]);
  });

  it('nest with tidy both ways; a scope left open inside a tidy is tidied with it', () => {
    tn.engine().startScope();
    const inner = tn.tidy(() => tn.scalar(3).mul(2));
    tn.engine().endScope(inner);
    expect(inner.dataSync()[0]).toBe(6);

    let leaked: tn.Tensor | undefined;
    const r = tn.tidy(() => {
      tn.engine().startScope();
      leaked = tn.scalar(1);
      return tn.scalar(2);
    });
    expect(leaked?.isDisposed).toBe(true);
    expect(r.isDisposed).toBe(false);
    // The tidy's scope is gone too: a tensor made now belongs to no scope.
    const after = tn.scalar(4);
    tn.engine().startScope();
    tn.engine().endScope();
    expect(after.isDisposed).toBe(false);
  });

  it('refuses an endScope with no matching startScope, disposing nothing', () => {
    const t = tn.scalar(1);
    expect(() => tn.engine().endScope()).toThrow('engine().endScope: no scope was opened by engine().startScope()');
    tn.engine().startScope();
    expect(() => tn.tidy(() => { tn.engine().endScope(); return tn.scalar(0); })).toThrow('engine().endScope: a tidy opened after startScope() is still running');
    tn.engine().endScope();
    expect(t.isDisposed).toBe(false);
    expect(tn.engine().memory().numTensors).toBe(tn.memory().numTensors);
  });
});
