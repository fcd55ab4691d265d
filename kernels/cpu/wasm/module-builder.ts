import { CodeWriter, type ValType } from './code-writer';
import { name, uleb } from './leb128';

/** Page-count limits of an imported memory; a shared memory must declare its maximum. */
export interface MemoryLimits { initial: number; maximum?: number; shared?: boolean }

interface FunctionDef { typeIndex: number; locals: ValType[]; body: CodeWriter; exportName?: string }

const SECTION = { type: 1, import: 2, function: 3, export: 7, code: 10 } as const;
const EXPORT_FUNC = 0x00;
const IMPORT_MEMORY = 0x02;

/**
 * Assembles a WebAssembly module from typed functions over one imported memory:
 * just the sections these kernels need (type, import, function, export, code).
 */
export class ModuleBuilder {
  private readonly types: string[] = [];
  private readonly functions: FunctionDef[] = [];
  private memory?: { module: string; field: string; limits: MemoryLimits };

  /** Imports the linear memory as module.field; every load and store addresses it. */
  importMemory(module: string, field: string, limits: MemoryLimits): this {
    if (limits.shared && limits.maximum === undefined) throw new Error('importMemory: a shared memory needs a maximum');
    this.memory = { module, field, limits };
    return this;
  }

  /**
   * Declares a function and returns its index (for `call`). Its parameters are locals 0..params-1,
   * followed by `locals`; write the body with the returned index's CodeWriter before build().
   */
  addFunction(params: ValType[], results: ValType[], locals: ValType[], body: CodeWriter, exportName?: string): number {
    const sig = [0x60, ...uleb(params.length), ...params, ...uleb(results.length), ...results];
    const key = sig.join(',');
    let typeIndex = this.types.indexOf(key);
    if (typeIndex < 0) typeIndex = this.types.push(key) - 1;
    return this.functions.push({ typeIndex, locals, body, exportName }) - 1;
  }

  /** The module's bytes. */
  build(): Uint8Array<ArrayBuffer> {
    const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const section = (id: number, items: number[][]): void => {
      const content = [...uleb(items.length), ...items.flat()];
      out.push(id, ...uleb(content.length), ...content);
    };
    section(SECTION.type, this.types.map((k) => k.split(',').map(Number)));
    if (this.memory) {
      const { module, field, limits } = this.memory;
      const flags = (limits.maximum !== undefined ? 1 : 0) | (limits.shared ? 2 : 0);
      const max = limits.maximum !== undefined ? uleb(limits.maximum) : [];
      section(SECTION.import, [[...name(module), ...name(field), IMPORT_MEMORY, flags, ...uleb(limits.initial), ...max]]);
    }
    section(SECTION.function, this.functions.map((f) => uleb(f.typeIndex)));
    const exports = this.functions.flatMap((f, i) => (f.exportName === undefined ? [] : [[...name(f.exportName), EXPORT_FUNC, ...uleb(i)]]));
    section(SECTION.export, exports);
    section(SECTION.code, this.functions.map((f) => {
      const body = [...localDecls(f.locals), ...f.body.instructions, 0x0b];
      return [...uleb(body.length), ...body];
    }));
    return new Uint8Array(out);
  }
}

/** Run-length encodes the declared locals: (count, type) pairs. */
function localDecls(locals: ValType[]): number[] {
  const runs: number[][] = [];
  for (const t of locals) {
    const last = runs[runs.length - 1];
    if (last && last[1] === t) last[0]++;
    else runs.push([1, t]);
  }
  return [...uleb(runs.length), ...runs.flatMap(([count, t]) => [...uleb(count), t])];
}
