import { Activation, type ActivationLayerArgs } from './activation';
import { Conv2D, type Conv2DLayerArgs } from './conv2d';
import { Dense, type DenseLayerArgs } from './dense';
import { Dropout, type DropoutLayerArgs } from './dropout';
import { Flatten } from './flatten';
import type { LayerArgs } from './layer';
import { MaxPooling2D, type MaxPooling2DLayerArgs } from './max-pooling2d';
import { Embedding, type EmbeddingLayerArgs } from './embedding';
import { Masking, type MaskingArgs } from './masking';
import { Bidirectional, type BidirectionalLayerArgs } from './recurrent/bidirectional';
import { RNNCell } from './recurrent/cell';
import { RepeatVector, type RepeatVectorLayerArgs } from './repeat-vector';
import { TimeDistributed, type TimeDistributedLayerArgs } from './time-distributed';
import { GRUCell, type GRUCellArgs } from './recurrent/gru-cell';
import { GRU, LSTM, SimpleRNN, type GRULayerArgs, type LSTMLayerArgs, type SimpleRNNLayerArgs } from './recurrent/layers';
import { LSTMCell, type LSTMCellArgs } from './recurrent/lstm-cell';
import { RNN, type RNNLayerArgs } from './recurrent/rnn';
import { SimpleRNNCell, type SimpleRNNCellArgs } from './recurrent/simple-rnn-cell';
import { StackedRNNCells, type StackedRNNCellsArgs } from './recurrent/stacked-cells';

export { Layer } from './layer';
export type { LayerArgs, CallOptions, LayerConfig } from './layer';
export { Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, RNN, RNNCell, LSTM, GRU, SimpleRNN, LSTMCell, GRUCell, SimpleRNNCell, StackedRNNCells, Embedding, Masking, Bidirectional, RepeatVector, TimeDistributed };
export type { ActivationLayerArgs, Conv2DLayerArgs, DenseLayerArgs, DropoutLayerArgs, MaxPooling2DLayerArgs };
export type { RNNLayerArgs, LSTMLayerArgs, GRULayerArgs, SimpleRNNLayerArgs, LSTMCellArgs, GRUCellArgs, SimpleRNNCellArgs, StackedRNNCellsArgs, EmbeddingLayerArgs, MaskingArgs, BidirectionalLayerArgs, RepeatVectorLayerArgs, TimeDistributedLayerArgs };

/** tn.layers: the layer factories, as tf.layers. */
export const layers = {
  conv2d: (args: Conv2DLayerArgs): Conv2D => new Conv2D(args),
  maxPooling2d: (args?: MaxPooling2DLayerArgs): MaxPooling2D => new MaxPooling2D(args),
  flatten: (args?: LayerArgs): Flatten => new Flatten(args),
  dense: (args: DenseLayerArgs): Dense => new Dense(args),
  dropout: (args: DropoutLayerArgs): Dropout => new Dropout(args),
  activation: (args: ActivationLayerArgs): Activation => new Activation(args),
  rnn: (args: RNNLayerArgs): RNN => new RNN(args),
  lstm: (args: LSTMLayerArgs): LSTM => new LSTM(args),
  gru: (args: GRULayerArgs): GRU => new GRU(args),
  simpleRNN: (args: SimpleRNNLayerArgs): SimpleRNN => new SimpleRNN(args),
  lstmCell: (args: LSTMCellArgs): LSTMCell => new LSTMCell(args),
  gruCell: (args: GRUCellArgs): GRUCell => new GRUCell(args),
  simpleRNNCell: (args: SimpleRNNCellArgs): SimpleRNNCell => new SimpleRNNCell(args),
  stackedRNNCells: (args: StackedRNNCellsArgs): StackedRNNCells => new StackedRNNCells(args),
  embedding: (args: EmbeddingLayerArgs): Embedding => new Embedding(args),
  masking: (args?: MaskingArgs): Masking => new Masking(args),
  bidirectional: (args: BidirectionalLayerArgs): Bidirectional => new Bidirectional(args),
  repeatVector: (args: RepeatVectorLayerArgs): RepeatVector => new RepeatVector(args),
  timeDistributed: (args: TimeDistributedLayerArgs): TimeDistributed => new TimeDistributed(args),
};
