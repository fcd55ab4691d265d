import { argError, fmtValue } from '../../util/validate';
import type { LayerConfig } from '../layer';
import { CONV_LSTM2D_CELL_KEYS, ConvLSTM2DCell, type ConvLSTM2DCellArgs } from './conv-lstm2d-cell';
import { cellArgs } from './layers';
import { RNN, type RNNBaseArgs } from './rnn';

export interface ConvLSTM2DArgs extends RNNBaseArgs, Omit<ConvLSTM2DCellArgs, 'inputShape'> {}

/**
 * tf.layers.convLstm2d: a ConvLSTM2D cell run over the time axis of [batch, time, rows, cols, channels] (channels
 * first with dataFormat 'channelsFirst') by the RNN's loop (masks, initial states, goBackwards, stateful).
 */
export class ConvLSTM2D extends RNN {
  constructor(args: ConvLSTM2DArgs) {
    const op = 'layers.convLstm2d';
    // As TF.js: unrolling a convolutional RNN is refused, not ignored.
    if (args?.unroll != null && args.unroll !== false) throw argError(op, 'unroll', fmtValue(args.unroll), 'false or absent (convolutional RNNs do not unroll)');
    const stepDims = args?.dataFormat === 'channelsFirst' ? ['channels', 'rows', 'cols'] : ['rows', 'cols', 'channels'];
    super(args as never, {
      op, snakeName: 'conv_lst_m2d', ownKeys: CONV_LSTM2D_CELL_KEYS, stepDims,
      makeCell: () => new ConvLSTM2DCell(cellArgs(args, CONV_LSTM2D_CELL_KEYS), op, false),
    });
  }

  override getClassName(): string {
    return 'ConvLSTM2D';
  }

  protected override layerConfig(): LayerConfig {
    return this.flatConfig();
  }
}
