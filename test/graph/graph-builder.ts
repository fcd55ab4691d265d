/**
 * Graph-model artifacts built by hand, as tfjs-converter writes them: a GraphDef in JSON (attrs in TF's AttrValue
 * form) and its Const nodes' values as weights named by node, drawn from a seed so that every run builds the same.
 */

export type AttrValue = Record<string, unknown>;

export const attr = {
  i: (n: number): AttrValue => ({ i: String(n) }),
  f: (x: number): AttrValue => ({ f: x }),
  b: (x: boolean): AttrValue => ({ b: x }),
  s: (text: string): AttrValue => ({ s: btoa(text) }),
  type: (t: 'DT_FLOAT' | 'DT_INT32' | 'DT_BOOL' | 'DT_INT64' | 'DT_VARIANT' | 'DT_STRING' | 'DT_RESOURCE'): AttrValue => ({ type: t }),
  ints: (list: number[]): AttrValue => ({ list: { i: list.map(String) } }),
  strs: (list: string[]): AttrValue => ({ list: { s: list.map((x) => btoa(x)) } }),
  shape: (dims: number[]): AttrValue => ({ shape: { dim: dims.map((d) => ({ size: String(d) })) } }),
  func: (name: string): AttrValue => ({ func: { name } }),
  types: (list: string[]): AttrValue => ({ list: { type: list } }),
};

type NodeDef = { name: string; op: string; input?: string[]; attr?: Record<string, AttrValue> };

/** A FunctionDef of the library, as TF writes one: its nodes name outputs 'node:arg:index'. */
interface FunctionDef {
  signature: { name: string; inputArg: Array<{ name: string; type: string }>; outputArg: Array<{ name: string; type: string }> };
  nodeDef: NodeDef[];
  ret: Record<string, string>;
}

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'string';
  quantization?: { dtype: 'uint8'; scale: number; min: number };
}

export class GraphBuilder {
  readonly nodes: NodeDef[] = [];
  private readonly functions: FunctionDef[] = [];
  /** modelInitializer's nodes, once `initializer` has added some. */
  private readonly initNodes: NodeDef[] = [];
  /** Where const and op add nodes: the graph's, or a function's while one is being built. */
  private target: NodeDef[] = this.nodes;
  private readonly specs: WeightSpec[] = [];
  private readonly parts: Uint8Array[] = [];
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: uniform in [-1, 1). */
  random(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }

  randoms(n: number, scale = 1): number[] {
    return Array.from({ length: n }, () => this.random() * scale);
  }

  placeholder(name: string, shape: number[], dtype: 'DT_FLOAT' | 'DT_INT32' | 'DT_BOOL' | 'DT_STRING' | 'DT_RESOURCE' = 'DT_FLOAT'): string {
    this.nodes.push({ name, op: 'Placeholder', attr: { dtype: attr.type(dtype), shape: attr.shape(shape) } });
    return name;
  }

  /** A Const whose values are a weight; random in [-scale, scale) unless given. */
  const(name: string, shape: number[], values?: number[], dtype: 'float32' | 'int32' = 'float32', scale = 0.5): string {
    const size = shape.reduce((a, b) => a * b, 1);
    const v = values ?? this.randoms(size, scale);
    this.target.push({ name, op: 'Const', attr: { dtype: attr.type(dtype === 'float32' ? 'DT_FLOAT' : 'DT_INT32'), value: { tensor: {} } } });
    this.specs.push({ name, shape, dtype });
    this.parts.push(new Uint8Array((dtype === 'float32' ? new Float32Array(v) : new Int32Array(v)).buffer));
    return name;
  }

  /** A string Const, its weight in TF.js's encoding (each string's byte length as a little-endian uint32, then its UTF-8 bytes). */
  stringConst(name: string, shape: number[], values: string[]): string {
    this.target.push({ name, op: 'Const', attr: { dtype: { type: 'DT_STRING' }, value: { tensor: {} } } });
    this.specs.push({ name, shape, dtype: 'string' });
    for (const v of values) {
      const bytes = new TextEncoder().encode(v);
      this.parts.push(new Uint8Array(new Uint32Array([bytes.length]).buffer), bytes);
    }
    return name;
  }

  /** modelInitializer: `body` adds its nodes (with const and op), their Consts' values among the model's weights. */
  initializer(body: () => void): void {
    this.target = this.initNodes;
    body();
    this.target = this.nodes;
  }

  /** A Const stored as uint8 codes q for q·scale + min, as tfjs-converter's quantization writes it. */
  quantizedConst(name: string, shape: number[], codes: number[], scale: number, min: number): string {
    this.target.push({ name, op: 'Const', attr: { dtype: attr.type('DT_FLOAT') } });
    this.specs.push({ name, shape, dtype: 'float32', quantization: { dtype: 'uint8', scale, min } });
    this.parts.push(new Uint8Array(codes));
    return name;
  }

  op(name: string, op: string, input: string[], attrs: Record<string, AttrValue> = {}): string {
    this.target.push({ name, op, input, attr: attrs });
    return name;
  }

  /**
   * A library function: `body` adds its nodes (with const and op; its Consts' values are weights, as the converter
   * writes them), then gives what each output arg returns.
   */
  fn(name: string, inputs: Array<[string, string]>, outputs: Array<[string, string]>, body: () => string[]): string {
    const nodeDef: NodeDef[] = [];
    this.target = nodeDef;
    const returned = body();
    this.target = this.nodes;
    this.functions.push({
      signature: { name, inputArg: inputs.map(([n, type]) => ({ name: n, type })), outputArg: outputs.map(([n, type]) => ({ name: n, type })) },
      nodeDef,
      ret: Object.fromEntries(outputs.map(([n], i) => [n, returned[i]])),
    });
    return name;
  }

  /** ModelArtifacts as both libraries' fromMemory take them. */
  artifacts(extra: Record<string, unknown> = {}) {
    const bytes = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return {
      modelTopology: { node: structuredClone(this.nodes), library: { function: structuredClone(this.functions) }, versions: { producer: 1482, minConsumer: 12 } },
      format: 'graph-model',
      generatedBy: '2.15.0',
      convertedBy: 'TensorFlow.js Converter v4.22.0',
      ...(this.initNodes.length > 0 ? { modelInitializer: { node: structuredClone(this.initNodes), versions: { producer: 1482, minConsumer: 12 } } } : {}),
      weightSpecs: structuredClone(this.specs),
      weightData: bytes.buffer,
      ...extra,
    };
  }
}
