import { attr, type GraphBuilder } from './graph-builder';

/** A loop variable's type: a tensor's, or a TensorList handle's (DT_VARIANT). */
export type Type = 'DT_FLOAT' | 'DT_INT32' | 'DT_VARIANT';
const typed = (t: Type) => ({ T: attr.type(t) });

/**
 * A loop as TF1's tf.while_loop writes it (and tfjs-converter lowers a TF2 While to): per loop variable an Enter, a
 * Merge of it and the NextIteration, a Switch on the LoopCond, an Exit and an Identity. `invariants` enter as constants.
 * `cond` gets the Merges and gives the predicate node; `body` gets the Identities and invariants and gives the next
 * values. Returns the Exits.
 */
export function tf1Loop(
  g: GraphBuilder, frame: string, vars: Array<{ name: string; init: string; type: Type }>, invariants: Array<{ name: string; value: string; type: Type }>,
  cond: (merged: Record<string, string>, inv: Record<string, string>) => string,
  body: (current: Record<string, string>, inv: Record<string, string>) => Record<string, string>,
): Record<string, string> {
  const p = (s: string) => `${frame}/${s}`;
  const enterAttrs = (type: Type, constant: boolean) => ({ ...typed(type), frame_name: attr.s(frame), is_constant: attr.b(constant), parallel_iterations: attr.i(10) });
  const inv: Record<string, string> = {};
  for (const v of invariants) inv[v.name] = g.op(p(`Enter_${v.name}`), 'Enter', [v.value], enterAttrs(v.type, true));
  const merged: Record<string, string> = {};
  for (const v of vars) {
    g.op(p(`Enter_${v.name}`), 'Enter', [v.init], enterAttrs(v.type, false));
    merged[v.name] = g.op(p(`Merge_${v.name}`), 'Merge', [p(`Enter_${v.name}`), p(`NextIteration_${v.name}`)], { ...typed(v.type), N: attr.i(2) });
  }
  const loopCond = g.op(p('LoopCond'), 'LoopCond', [cond(merged, inv)], {});
  const current: Record<string, string> = {};
  const exits: Record<string, string> = {};
  for (const v of vars) {
    g.op(p(`Switch_${v.name}`), 'Switch', [merged[v.name], loopCond], typed(v.type));
    exits[v.name] = g.op(p(`Exit_${v.name}`), 'Exit', [`${p(`Switch_${v.name}`)}:0`], typed(v.type));
    current[v.name] = g.op(p(`Identity_${v.name}`), 'Identity', [`${p(`Switch_${v.name}`)}:1`], typed(v.type));
  }
  const next = body(current, inv);
  for (const v of vars) g.op(p(`NextIteration_${v.name}`), 'NextIteration', [next[v.name]], typed(v.type));
  return exits;
}


/**
 * h = tanh(x_t·w + h·u) over the steps of x [steps, batch, inputs], as tfjs-converter writes a Keras SimpleRNN by
 * default: a TF1 loop of frames over TensorLists (FromTensor, Reserve, GetItem, SetItem), then TensorListStack. Its
 * input is 'x'; its outputs 'seq' (every step's h) and 'last'; its weights 'w' [inputs, units] and 'u' [units, units].
 */
export function loweredRnn(g: GraphBuilder, steps: number, batch: number, inputs: number, units: number): void {
  const T = typed('DT_FLOAT');
  const I = typed('DT_INT32');
  const matMul = { ...T, transpose_a: attr.b(false), transpose_b: attr.b(false) };
  const listAttrs = { element_dtype: attr.type('DT_FLOAT'), shape_type: attr.type('DT_INT32') };
  const element = { element_dtype: attr.type('DT_FLOAT') };
  g.placeholder('x', [steps, batch, inputs]);
  g.const('w', [inputs, units]);
  g.const('u', [units, units]);
  g.const('eshape_in', [2], [batch, inputs], 'int32');
  g.const('eshape_out', [2], [batch, units], 'int32');
  g.const('steps', [], [steps], 'int32');
  g.const('i0', [], [0], 'int32');
  g.const('one', [], [1], 'int32');
  g.const('h0', [batch, units], new Array(batch * units).fill(0));
  g.op('xs', 'TensorListFromTensor', ['x', 'eshape_in'], listAttrs);
  g.op('hs', 'TensorListReserve', ['eshape_out', 'steps'], listAttrs);
  const exits = tf1Loop(g, 'rnn/while', [{ name: 'i', init: 'i0', type: 'DT_INT32' }, { name: 'h', init: 'h0', type: 'DT_FLOAT' }, { name: 'hs', init: 'hs', type: 'DT_VARIANT' }],
    [{ name: 'steps', value: 'steps', type: 'DT_INT32' }, { name: 'xs', value: 'xs', type: 'DT_VARIANT' }, { name: 'w', value: 'w', type: 'DT_FLOAT' }, { name: 'u', value: 'u', type: 'DT_FLOAT' },
      { name: 'eshape', value: 'eshape_in', type: 'DT_INT32' }, { name: 'one', value: 'one', type: 'DT_INT32' }],
    (m, inv) => g.op('rnn/while/Less', 'Less', [m.i, inv.steps], I),
    (c, inv) => {
      g.op('rnn/while/item', 'TensorListGetItem', [inv.xs, c.i, inv.eshape], element);
      g.op('rnn/while/xw', 'MatMul', ['rnn/while/item', inv.w], matMul);
      g.op('rnn/while/hu', 'MatMul', [c.h, inv.u], matMul);
      g.op('rnn/while/pre', 'AddV2', ['rnn/while/xw', 'rnn/while/hu'], T);
      g.op('rnn/while/h', 'Tanh', ['rnn/while/pre'], T);
      g.op('rnn/while/set', 'TensorListSetItem', [c.hs, c.i, 'rnn/while/h'], element);
      g.op('rnn/while/i1', 'AddV2', [c.i, inv.one], I);
      return { i: 'rnn/while/i1', h: 'rnn/while/h', hs: 'rnn/while/set' };
    });
  g.op('seq', 'TensorListStack', [exits.hs, 'eshape_out'], { ...element, num_elements: attr.i(steps) });
  g.op('last', 'Identity', [exits.h], T);
}
