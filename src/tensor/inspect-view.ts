// What Node's console.log (util.inspect) and JSON.stringify show of a tensor: the fields of TF.js's Tensor object
// (tessera's own fields hold its values and memory bookkeeping), under TF.js's class name.

/** TF.js's dataId: one per buffer of values, numbered in the order the buffers are made. */
export interface DataId {
  readonly id: number;
}

/** A tensor's fields in the order TF.js's Tensor (then Variable) sets them. */
export interface TensorFields {
  kept: boolean;
  isDisposedInternal: boolean;
  shape: number[];
  dtype: string;
  size: number;
  strides: number[];
  dataId: DataId;
  id: number;
  rankType: string;
  scopeId?: number;
  trainable?: boolean;
  name?: string;
}

/** Node's key for an object's own inspect method; a registered symbol, so no Node module is imported. */
export const inspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom');

const prototypes = new Map<string, object>();
const plainPrototypes = new Map<string, object>();

/** A new prototype that util.inspect names `className`. */
function classPrototype(className: string): object {
  // util.inspect names an object by the function its prototype's constructor is and that it is an instance of.
  return ({ [className]: function () {} } as Record<string, () => void>)[className].prototype as object;
}

/** A prototype that util.inspect names `className`, with TF.js's two getters (shown by console.log('%o', t)). */
function prototypeNamed(className: string): object {
  let proto = prototypes.get(className);
  if (!proto) {
    proto = classPrototype(className);
    Object.defineProperties(proto, {
      rank: { get(this: TensorFields) { return this.shape.length; } },
      isDisposed: { get(this: TensorFields) { return this.isDisposedInternal; } },
    });
    prototypes.set(className, proto);
  }
  return proto;
}

/** An object that util.inspect shows as TF.js shows a tensor: `Tensor { kept: false, ..., rankType: '1' }`. */
export function inspectView(className: string, fields: TensorFields): TensorFields {
  return Object.assign(Object.create(prototypeNamed(className)) as TensorFields, fields);
}

/** An object that util.inspect shows as `className { ...fields }`: TF.js's view of one of tessera's objects. */
export function namedView<T extends object>(className: string, fields: T): T {
  let proto = plainPrototypes.get(className);
  if (!proto) plainPrototypes.set(className, (proto = classPrototype(className)));
  return Object.assign(Object.create(proto) as T, fields);
}
