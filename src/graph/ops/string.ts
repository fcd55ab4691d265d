import * as tn from '../../ops/index';
import type { GraphNode } from '../graph-def';
import type { OpTable } from '../op-spec';

/** Attrs TF's op requires (it has no defaults for them), checked at load. */
const requires = (...names: string[]) => (node: GraphNode): void => {
  for (const name of names) if (!node.attrs.has(name)) throw new Error(`${node.where}: attr '${name}' is required, got none`);
};

/** The pattern as a JavaScript regular expression (TF.js's reading of it; RE2's own syntax beyond that is refused). */
function regex(node: GraphNode): RegExp {
  const pattern = node.attrs.exactString('pattern', '');
  try {
    return new RegExp(pattern, node.attrs.bool('replace_global', true) ? 'g' : '');
  } catch (e) {
    throw new Error(`${node.where}: attr 'pattern' must be a regular expression in JavaScript's syntax (as TF.js reads it), got ${JSON.stringify(pattern)}: ${(e as Error).message}`);
  }
}

/**
 * An RE2 rewrite (\0 the match, \1 … \9 its groups, \\ a backslash) as JavaScript's replace reads one ($&, $1, $$):
 * TF rewrites so; TF.js passes TF's rewrite to JavaScript as it is. A group the pattern has not is refused.
 */
function jsRewrite(node: GraphNode): string {
  const groups = (new RegExp(`${regex(node).source}|`).exec('') as RegExpExecArray).length - 1;
  return node.attrs.exactString('rewrite', '').replace(/\\(.)|\$/g, (all, escaped: string | undefined) => {
    if (all === '$') return '$$';
    if (escaped === '\\') return '\\';
    if (escaped !== undefined && /\d/.test(escaped)) {
      if (Number(escaped) > groups) throw new Error(`${node.where}: attr 'rewrite' has '${all}', but the pattern has ${groups} groups`);
      return escaped === '0' ? '$&' : `$${escaped}`;
    }
    throw new Error(`${node.where}: attr 'rewrite' has '${all}', which RE2 does not read (\\0 to \\9 and \\\\ are its escapes)`);
  });
}

/** TF's string ops, their attrs read as written (TF.js lower-cases a regex, its rewrite and the n-gram pads). */
export const stringOps: OpTable = {
  StringSplit: {
    arity: 2,
    run: (n) => {
      const { indices, values, shape } = tn.string.stringSplit(n.tensor(0), n.tensor(1), n.attrs.bool('skip_empty', true));
      return [indices, values, shape];
    },
  },
  StringNGrams: {
    arity: 2, check: requires('separator', 'ngram_widths', 'left_pad', 'right_pad', 'pad_width', 'preserve_short_sequences'),
    run: (n) => {
      const a = n.attrs;
      const { nGrams, nGramsSplits } = tn.string.stringNGrams(
        n.tensor(0), n.tensor(1), a.exactString('separator', ''), a.numbers('ngram_widths', []), a.exactString('left_pad', ''),
        a.exactString('right_pad', ''), a.number('pad_width', -1), a.bool('preserve_short_sequences', false),
      );
      return [nGrams, nGramsSplits];
    },
  },
  StringToHashBucketFast: {
    arity: 1, check: requires('num_buckets'),
    run: (n) => [tn.string.stringToHashBucketFast(n.tensor(0), n.attrs.number('num_buckets', 1))],
  },
  StaticRegexReplace: {
    arity: 1,
    check: (node) => {
      requires('pattern', 'rewrite')(node);
      jsRewrite(node);
    },
    run: (n) => [tn.string.staticRegexReplace(n.tensor(0), n.attrs.exactString('pattern', ''), jsRewrite(n.node), n.attrs.bool('replace_global', true))],
  },
};
