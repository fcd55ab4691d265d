import * as tn from '../../ops/index';
import type { DType } from '../../tensor/tensor';
import type { GraphNode } from '../graph-def';
import type { HashTable } from '../hash-tables';
import type { NodeArgs, OpSpec, OpTable } from '../op-spec';

/** The dtype attr a HashTable node must have, checked at load. */
function dtypeAttr(node: GraphNode, name: string): DType {
  const dtype = node.attrs.dtype(name);
  if (dtype === undefined) throw new Error(`${node.where}: attr '${name}' must name a dtype, got none`);
  return dtype;
}

const tableAt = (n: NodeArgs): HashTable => n.run.tables.get(n.tensor(0), `${n.node.where}, input 0`);

// Every table op reads or fills a table whose values are read back: executeAsync only, as TF.js.
const open: OpSpec = {
  arity: 0, async: true,
  check: (node) => { dtypeAttr(node, 'key_dtype'); dtypeAttr(node, 'value_dtype'); },
  run: async (n) => [n.run.tables.open(n.node.where, n.attrs.exactString('shared_name', '') || n.node.name, dtypeAttr(n.node, 'key_dtype'), dtypeAttr(n.node, 'value_dtype'))],
};

/** Fills the table; gives its handle on (TF's op gives nothing; TF.js's the handle, which the initializer fetches). */
const fill: OpSpec = {
  arity: 3, async: true,
  run: async (n) => {
    tableAt(n).import(n.node.where, n.tensor(1), n.tensor(2));
    return [tn.clone(n.tensor(0))];
  },
};

const find: OpSpec = { arity: 3, dtypeAttr: 'Tout', async: true, run: async (n) => [tableAt(n).find(n.node.where, n.tensor(1), n.tensor(2))] };

const size: OpSpec = { arity: 1, async: true, run: async (n) => [tn.scalar(tableAt(n).size, 'int32')] };

/** TF's static hash tables, which a model's initializer graph fills (a vocabulary's lookup). */
export const hashTableOps: OpTable = {
  HashTable: open, HashTableV2: open,
  LookupTableImport: fill, LookupTableImportV2: fill, InitializeTable: fill, InitializeTableV2: fill,
  LookupTableFind: find, LookupTableFindV2: find,
  LookupTableSize: size, LookupTableSizeV2: size,
};
