import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { attr, GraphBuilder } from './graph-builder';
import { expectSame, loadBoth } from './helpers';

const lookupAttrs = { Tin: attr.type('DT_STRING'), Tout: attr.type('DT_INT64') };
const tableAttrs = { key_dtype: attr.type('DT_STRING'), value_dtype: attr.type('DT_INT64'), shared_name: attr.s('vocab'), use_node_name_sharing: attr.b(false) };

/** A vocabulary's table: the initializer fills it, the model's node of the same name looks words up in it. */
function vocabulary(g: GraphBuilder, words: string[]): void {
  g.initializer(() => {
    g.op('table', 'HashTableV2', [], tableAttrs);
    g.stringConst('init/keys', [words.length], words);
    g.const('init/ids', [words.length], words.map((_, i) => i), 'int32');
    g.op('fill', 'LookupTableImportV2', ['table', 'init/keys', 'init/ids'], lookupAttrs);
  });
}

describe('graph models with hash tables and strings run as TF.js 4.22 runs them', () => {
  it('a vocabulary lookup: a string table filled by the initializer graph before the first run, its size, a default for unknown words', async () => {
    const g = new GraphBuilder(51);
    vocabulary(g, ['cat', 'dog', 'Bird', 'fish']);
    g.placeholder('words', [-1], 'DT_STRING');
    g.op('table', 'HashTableV2', [], tableAttrs);
    g.const('unknown', [], [-1], 'int32');
    g.op('ids', 'LookupTableFindV2', ['table', 'words', 'unknown'], lookupAttrs);
    g.op('size', 'LookupTableSizeV2', ['table'], {});
    g.nodes.push({ name: 'grid', op: 'Placeholder', attr: { dtype: attr.type('DT_STRING'), shape: { shape: { unknownRank: true } } } });
    g.op('gridIds', 'LookupTableFindV2', ['table', 'grid', 'unknown'], lookupAttrs);
    const { peer, ours } = await loadBoth(g);
    const words = ['dog', 'bird', 'Bird', 'cat', 'zebra'];
    const input = tn.tensor(words);
    const before = tn.memory().numTensors;
    const [ids, size] = await ours.executeAsync({ words: input }, ['ids', 'size']) as tn.Tensor[];
    expect(tn.memory().numTensors).toBe(before + 2);
    expectSame([ids, size], await peer.executeAsync({ words: tf.tensor(words) }, ['ids', 'size']) as tf.Tensor[]);
    expect(Array.from(ids.dataSync())).toEqual([1, -1, 2, 0, -1]);
    // Keys of rank 2 give values of their shape, as TF gives them (TF.js flattens them).
    const grid = await ours.executeAsync({ grid: tn.tensor([['cat', 'x'], ['fish', 'dog']]) }, 'gridIds') as tn.Tensor;
    expect(grid.arraySync()).toEqual([[0, -1], [3, 1]]);
    // As TF.js: tables need executeAsync.
    expect(() => ours.execute({ words: input }, 'ids')).toThrow(/use executeAsync/);
    ours.dispose();
  });

  it('a TF2 model: the table reaches the model as an input of resourceId, fed from the initializer\'s signature output', async () => {
    const g = new GraphBuilder(52);
    vocabulary(g, ['a', 'b', 'c']);
    // As TF writes an initializer: its output is the table, after (a control input) the import that fills it.
    g.initializer(() => g.op('Identity', 'Identity', ['table', '^fill'], { T: attr.type('DT_RESOURCE') }));
    g.placeholder('words', [-1], 'DT_STRING');
    g.placeholder('table_handle', [], 'DT_RESOURCE');
    g.const('unknown', [], [9], 'int32');
    g.op('ids', 'LookupTableFindV2', ['table_handle', 'words', 'unknown'], lookupAttrs);
    const extra = {
      signature: { inputs: { words: { name: 'words:0', dtype: 'DT_STRING' }, table_handle: { name: 'table_handle:0', dtype: 'DT_RESOURCE', resourceId: 7 } }, outputs: { ids: { name: 'ids:0', dtype: 'DT_INT64' } } },
      initializerSignature: { outputs: { 'Identity:0': { name: 'Identity:0', dtype: 'DT_RESOURCE', resourceId: 7 } } },
    };
    const { peer, ours } = await loadBoth(g, extra);
    const words = ['c', 'a', 'z'];
    expectSame(await ours.predictAsync(tn.tensor(words)) as tn.Tensor, await peer.predictAsync(tf.tensor(words)) as tf.Tensor);
    expect(Array.from((await ours.predictAsync(tn.tensor(words)) as tn.Tensor).dataSync())).toEqual([2, 0, 9]);
    await expect(ours.executeAsync({ words: tn.tensor(words), table_handle: tn.scalar(0, 'int32') })).rejects.toThrow(/inputs\['table_handle'\] must be no tensor: this input takes resource 7/);
  });

  it('modelInitializer and initializerSignature go with the model through model.json, file:// and memory, and save', async () => {
    const g = new GraphBuilder(58);
    vocabulary(g, ['x', 'y']);
    g.initializer(() => g.op('Identity', 'Identity', ['table', '^fill'], { T: attr.type('DT_RESOURCE') }));
    g.placeholder('words', [-1], 'DT_STRING');
    g.placeholder('table_handle', [], 'DT_RESOURCE');
    g.const('unknown', [], [-1], 'int32');
    g.op('ids', 'LookupTableFindV2', ['table_handle', 'words', 'unknown'], lookupAttrs);
    const extra = {
      signature: { inputs: { words: { name: 'words:0' }, table_handle: { name: 'table_handle:0', resourceId: 3 } }, outputs: { ids: { name: 'ids:0' } } },
      initializerSignature: { outputs: { 'Identity:0': { name: 'Identity:0', resourceId: 3 } } },
    };
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts(extra)));
    const dir = mkdtempSync(join(tmpdir(), 'tessera-tables-'));
    await model.save(`file://${dir}`);
    const reloaded = await tn.loadGraphModel(`file://${join(dir, 'model.json')}`);
    for (const m of [model, reloaded]) {
      expect(Array.from((await m.predictAsync(tn.tensor(['y', 'q', 'x'])) as tn.Tensor).dataSync())).toEqual([1, -1, 0]);
    }
    let saved: tn.io.ModelArtifacts | undefined;
    await reloaded.save(tn.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
    expect(saved?.initializerSignature).toEqual(extra.initializerSignature);
    expect((saved?.modelInitializer as { node: unknown[] }).node).toHaveLength(5);
  });

  it('as TF: a table is filled once (other data refused), not read before it is filled, and shared by shared_name; a first run begun three times at once runs the initializer once', async () => {
    const g = new GraphBuilder(59);
    g.initializer(() => {
      g.op('init_table', 'HashTableV2', [], { ...tableAttrs, shared_name: attr.s('words') });
      g.stringConst('init/keys', [2], ['p', 'q']);
      g.const('init/ids', [2], [5, 6], 'int32');
      g.op('fill', 'LookupTableImportV2', ['init_table', 'init/keys', 'init/ids'], lookupAttrs);
      g.op('Identity', 'Identity', ['init_table', '^fill'], { T: attr.type('DT_RESOURCE') });
    });
    g.placeholder('words', [-1], 'DT_STRING');
    g.op('table', 'HashTableV2', [], { ...tableAttrs, shared_name: attr.s('words') });
    g.const('unknown', [], [-1], 'int32');
    g.op('ids', 'LookupTableFindV2', ['table', 'words', 'unknown'], lookupAttrs);
    g.op('fresh', 'HashTableV2', [], { ...tableAttrs, shared_name: attr.s('other') });
    g.op('never', 'LookupTableFindV2', ['fresh', 'words', 'unknown'], lookupAttrs);
    g.stringConst('again/keys', [1], ['p']);
    g.const('again/ids', [1], [9], 'int32');
    g.op('refill', 'LookupTableImportV2', ['table', 'again/keys', 'again/ids'], lookupAttrs);
    const extra = { initializerSignature: { outputs: { 'Identity:0': { name: 'Identity:0', resourceId: 1 } } } };
    const before = tn.memory().numTensors;
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts(extra)));
    const words = tn.tensor(['q', 'p', 'r']);
    const runs = await Promise.all([0, 1, 2].map(() => model.executeAsync({ words }, 'ids') as Promise<tn.Tensor>));
    for (const r of runs) expect(Array.from(r.dataSync())).toEqual([6, 5, -1]);
    await expect(model.executeAsync({ words }, 'never')).rejects.toThrow(/node 'never' \(LookupTableFindV2\): table 'other' has not been filled/);
    await expect(model.executeAsync({ words }, 'refill')).rejects.toThrow(/node 'refill' \(LookupTableImportV2\): table 'words' was already filled with other data/);
    tn.dispose([...runs, words]);
    model.dispose();
    expect(tn.memory().numTensors).toBe(before);
  });

  it('a table given a key twice with two values, or keys of the wrong dtype, is refused naming the node', async () => {
    const g = new GraphBuilder(53);
    g.initializer(() => {
      g.op('table', 'HashTableV2', [], tableAttrs);
      g.stringConst('keys', [3], ['a', 'b', 'a']);
      g.const('ids', [3], [0, 1, 2], 'int32');
      g.op('fill', 'LookupTableImportV2', ['table', 'keys', 'ids'], lookupAttrs);
    });
    g.placeholder('words', [-1], 'DT_STRING');
    g.op('table', 'HashTableV2', [], tableAttrs);
    g.op('size', 'LookupTableSizeV2', ['table'], {});
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
    await expect(model.executeAsync(tn.tensor(['a']), 'size')).rejects.toThrow(/initializer node 'fill' \(LookupTableImportV2\): table 'vocab' is given key "a" twice, with two values/);
    const h = new GraphBuilder(54);
    vocabulary(h, ['a']);
    h.placeholder('n', [-1], 'DT_INT32');
    h.op('table', 'HashTableV2', [], tableAttrs);
    h.const('unknown', [], [-1], 'int32');
    h.op('ids', 'LookupTableFindV2', ['table', 'n', 'unknown'], lookupAttrs);
    const numeric = await tn.loadGraphModel(tn.io.fromMemory(h.artifacts()));
    await expect(numeric.executeAsync(tn.tensor([1], undefined, 'int32'), 'ids')).rejects.toThrow(/node 'ids' \(LookupTableFindV2\): keys must be string \(table 'vocab''s key dtype\), got int32/);
  });

  it('StringSplit, StringToHashBucketFast and StringNGrams as TF.js; StaticRegexReplace keeps its pattern\'s case and reads \\1 as TF does', async () => {
    const g = new GraphBuilder(55);
    g.placeholder('text', [-1], 'DT_STRING');
    g.stringConst('space', [], [' ']);
    g.op('split', 'StringSplit', ['text', 'space'], { skip_empty: attr.b(true) });
    g.op('buckets', 'StringToHashBucketFast', ['split:1'], { num_buckets: attr.i(50) });
    g.stringConst('words', [5], ['a', 'b', 'c', 'd', 'e']);
    g.const('splits', [3], [0, 2, 5], 'int32');
    g.op('grams', 'StringNGrams', ['words', 'splits'], {
      separator: attr.s('+'), ngram_widths: attr.ints([2]), left_pad: attr.s('<'), right_pad: attr.s('>'), pad_width: attr.i(1),
      preserve_short_sequences: attr.b(false), Tsplits: attr.type('DT_INT32'),
    });
    g.op('swapped', 'StaticRegexReplace', ['text'], { pattern: attr.s('(\\w+) (World)'), rewrite: attr.s('\\2, \\1 $'), replace_global: attr.b(true) });
    const { peer, ours } = await loadBoth(g);
    const text = ['Hello World', 'a  b c'];
    const names = ['split', 'split:1', 'split:2', 'buckets', 'grams', 'grams:1'];
    const mine = await ours.executeAsync(tn.tensor(text), names) as tn.Tensor[];
    const theirs = await peer.executeAsync(tf.tensor(text), names) as tf.Tensor[];
    mine.forEach((t, i) => {
      expect(t.shape, names[i]).toEqual(theirs[i].shape);
      expect(t.arraySync(), names[i]).toEqual(theirs[i].arraySync());
    });
    expect(mine[4].arraySync()).toEqual(['<+a', 'a+b', 'b+>', '<+c', 'c+d', 'd+e', 'e+>']);
    expect((ours.execute(tn.tensor(text), 'swapped') as tn.Tensor).arraySync()).toEqual(['World, Hello $', 'a  b c']);
  });

  it('StaticRegexReplace with an escape RE2 does not read, and StringNGrams without its attrs, are refused when the model loads', async () => {
    const g = new GraphBuilder(56);
    g.placeholder('text', [-1], 'DT_STRING');
    g.op('bad', 'StaticRegexReplace', ['text'], { pattern: attr.s('a'), rewrite: attr.s('\\n') });
    await expect(tn.loadGraphModel(tn.io.fromMemory(g.artifacts()))).rejects.toThrow(/node 'bad' \(StaticRegexReplace\): attr 'rewrite' has '\\n', which RE2 does not read/);
    const missing = new GraphBuilder(56);
    missing.placeholder('text', [-1], 'DT_STRING');
    missing.op('bad', 'StaticRegexReplace', ['text'], { pattern: attr.s('(a)'), rewrite: attr.s('\\2') });
    await expect(tn.loadGraphModel(tn.io.fromMemory(missing.artifacts()))).rejects.toThrow(/node 'bad' \(StaticRegexReplace\): attr 'rewrite' has '\\2', but the pattern has 1 groups/);
    const re2 = new GraphBuilder(56);
    re2.placeholder('text', [-1], 'DT_STRING');
    re2.op('bad', 'StaticRegexReplace', ['text'], { pattern: attr.s('(?P<w>o)'), rewrite: attr.s('x') });
    await expect(tn.loadGraphModel(tn.io.fromMemory(re2.artifacts()))).rejects.toThrow(/node 'bad' \(StaticRegexReplace\): attr 'pattern' must be a regular expression in JavaScript's syntax/);
    const h = new GraphBuilder(57);
    h.placeholder('text', [-1], 'DT_STRING');
    h.const('splits', [2], [0, 1], 'int32');
    h.op('grams', 'StringNGrams', ['text', 'splits'], { separator: attr.s(' ') });
    await expect(tn.loadGraphModel(tn.io.fromMemory(h.artifacts()))).rejects.toThrow(/node 'grams' \(StringNGrams\): attr 'ngram_widths' is required, got none/);
  });
});
