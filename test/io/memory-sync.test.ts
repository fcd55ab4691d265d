import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.io.fromMemorySync and withSaveHandlerSync', () => {
  it('answer at once: the artifacts given back, the save result passed through', () => {
    const artifacts: tn.io.ModelArtifacts = { modelTopology: { class_name: 'Sequential' }, weightSpecs: [], weightData: new ArrayBuffer(0) };
    expect(tn.io.fromMemorySync(artifacts).load?.()).toEqual(artifacts);
    const info = { dateSaved: new Date(0), modelTopologyType: 'JSON' as const };
    expect(tn.io.withSaveHandlerSync(() => ({ modelArtifactsInfo: info })).save?.(artifacts)).toEqual({ modelArtifactsInfo: info });
  });

  it('bad arguments name the function, the argument and what it expects', () => {
    expect(() => tn.io.fromMemorySync(3 as unknown as object)).toThrow(/io\.fromMemorySync: model must be ModelArtifacts/);
    expect(() => tn.io.withSaveHandlerSync(3 as unknown as () => tn.io.SaveResult)).toThrow(/io\.withSaveHandlerSync: saveHandler must be a function/);
  });
});
