import type { LayerConfig } from '../layer';
import { CELL_KEYS } from './cell';
import { GRU_CELL_KEYS, GRUCell, type GRUCellArgs } from './gru-cell';
import { LSTM_CELL_KEYS, LSTMCell, type LSTMCellArgs } from './lstm-cell';
import { RNN, type RNNBaseArgs } from './rnn';
import { SimpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';

export interface LSTMLayerArgs extends RNNBaseArgs, Omit<LSTMCellArgs, 'inputShape'> {}
export interface GRULayerArgs extends RNNBaseArgs, Omit<GRUCellArgs, 'inputShape'> {}
export interface SimpleRNNLayerArgs extends RNNBaseArgs, Omit<SimpleRNNCellArgs, 'inputShape'> {}

/**
 * The cell's own settings out of a layer's arguments. As TF.js's, the cell takes the name given to the layer, or else
 * its own ('lstm_cell_LSTMCell1'); its weights are named in the layer's scope either way ('lstm_LSTM1/kernel').
 */
export function cellArgs<T extends object>(args: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = { name: (args as { name?: unknown }).name, dtype: (args as { dtype?: unknown }).dtype, trainable: (args as { trainable?: unknown }).trainable };
  for (const k of keys) if ((args as Record<string, unknown>)[k] !== undefined) out[k] = (args as Record<string, unknown>)[k];
  return out as T;
}

/** tf.layers.lstm. */
export class LSTM extends RNN {
  constructor(args: LSTMLayerArgs) {
    super(args as never, { op: 'layers.lstm', snakeName: 'lstm', makeCell: () => new LSTMCell(cellArgs(args, LSTM_CELL_KEYS), 'layers.lstm', false), ownKeys: LSTM_CELL_KEYS });
  }

  override getClassName(): string {
    return 'LSTM';
  }

  protected override layerConfig(): LayerConfig {
    return this.flatConfig();
  }
}

/** tf.layers.gru. */
export class GRU extends RNN {
  constructor(args: GRULayerArgs) {
    super(args as never, { op: 'layers.gru', snakeName: 'gru', makeCell: () => new GRUCell(cellArgs(args, GRU_CELL_KEYS), 'layers.gru', false), ownKeys: GRU_CELL_KEYS });
  }

  override getClassName(): string {
    return 'GRU';
  }

  protected override layerConfig(): LayerConfig {
    return this.flatConfig();
  }
}

/** tf.layers.simpleRNN. */
export class SimpleRNN extends RNN {
  constructor(args: SimpleRNNLayerArgs) {
    super(args as never, { op: 'layers.simpleRNN', snakeName: 'simple_rnn', makeCell: () => new SimpleRNNCell(cellArgs(args, CELL_KEYS), 'layers.simpleRNN', false), ownKeys: CELL_KEYS });
  }

  override getClassName(): string {
    return 'SimpleRNN';
  }

  protected override layerConfig(): LayerConfig {
    return this.flatConfig();
  }
}
