import type { Optimizer } from '../optimizers/optimizer';
import { getOptimizer } from '../optimizers/index';
import { argError, checkKnownKeys } from '../util/validate';
import { getLoss, type Loss } from './losses';
import { getMetric, type Metric } from './metrics';

export interface ModelCompileArgs {
  optimizer: string | Optimizer;
  loss: string;
  metrics?: string | string[];
}

/** What compile settles: the optimizer, the loss and the metrics, resolved from names. */
export interface Compiled {
  optimizer: Optimizer;
  loss: Loss;
  metrics: Metric[];
}

/** Checks compile's arguments and resolves every name, as model.compile(args). */
export function compileArgs(args: ModelCompileArgs): Compiled {
  if (args === null || typeof args !== 'object') throw argError('compile', 'args', typeof args, 'an object {optimizer, loss, metrics?}');
  checkKnownKeys('compile', 'args', args, ['optimizer', 'loss', 'metrics']);
  const loss = getLoss('compile', args.loss);
  const names = args.metrics === undefined ? [] : Array.isArray(args.metrics) ? args.metrics : [args.metrics];
  const metrics = names.map((m) => getMetric('compile', m, loss.name));
  const optimizer = getOptimizer('compile', args.optimizer);
  return { optimizer, loss, metrics };
}
