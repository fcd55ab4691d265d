/**
 * Numbers `count` items by key in order of first appearance: ids[i] is the number of item i's key, firsts[id] the
 * index of that key's first item (tf.unique's indices and the items it keeps).
 */
export function firstSeenIds<K>(count: number, keyOf: (i: number) => K): { ids: Int32Array; firsts: number[] } {
  const idOf = new Map<K, number>();
  const firsts: number[] = [];
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    let id = idOf.get(key);
    if (id === undefined) {
      id = firsts.length;
      idOf.set(key, id);
      firsts.push(i);
    }
    ids[i] = id;
  }
  return { ids, firsts };
}
