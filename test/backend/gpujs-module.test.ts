import { afterEach, describe, expect, it } from 'vitest';
import { asModule } from '../../src/backend/gpu/gpujs';

// What `import('gpu.js')` gives differs by bundler: the module's exports, a default export holding them, or (gpu.js's
// browser file is a UMD script, which Rollup without its commonjs plugin keeps a plain script) nothing, the script
// having set the global GPU to its exports.

class FakeGpu {}
const exportsOf = { GPU: FakeGpu, Texture: class {} };
const globals = globalThis as { GPU?: unknown };
// gpu.js's browser file exports the GPU class itself, the other exports (GPU.GPU among them) set on it.
class BrowserGpu {
  static GPU = BrowserGpu;
  static Texture = class {};
}

describe('finding gpu.js\'s exports', () => {
  afterEach(() => {
    delete globals.GPU;
  });

  it('takes the exports, or a default export holding them, as an object (Node) or as the GPU class (a browser)', () => {
    expect(asModule(exportsOf).GPU).toBe(FakeGpu);
    expect(asModule({ default: exportsOf }).GPU).toBe(FakeGpu);
    expect(asModule({ default: BrowserGpu }).GPU).toBe(BrowserGpu);
    expect(asModule(BrowserGpu).Texture).toBe(BrowserGpu.Texture);
  });

  it('takes the global a UMD script set when the import gave nothing usable', () => {
    globals.GPU = BrowserGpu;
    expect(asModule({}).GPU).toBe(BrowserGpu);
    expect(asModule({ default: {} }).GPU).toBe(BrowserGpu);
    globals.GPU = exportsOf;
    expect(asModule({}).GPU).toBe(FakeGpu);
  });

  it('refuses a module with no GPU class, and a global that is not gpu.js\'s exports', () => {
    expect(() => asModule({ version: '2' })).toThrow('the module loaded as gpu.js has no GPU class');
    globals.GPU = FakeGpu;
    expect(() => asModule({ default: { GPU: 1 } })).toThrow('the module loaded as gpu.js has no GPU class');
  });

  it('says gpu.js is not in the build where the bundler gave an empty module for it (webpack\'s alias to false)', () => {
    for (const empty of [{}, { default: {} }]) expect(() => asModule(empty)).toThrow('gpu.js is not in this build: the bundler gave an empty module in its place');
  });
});
