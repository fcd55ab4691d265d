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

import { InputLayer, type InputLayerArgs } from './input-layer';
import { ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU, type PReLULayerArgs } from './activation-layers';
import { Cropping2D, Permute, Reshape, UpSampling2D, ZeroPadding2D } from './reshaping';
import { AlphaDropout, GaussianDropout, GaussianNoise, SpatialDropout1D } from './noise';
import { Conv1D, Conv2DTranspose, DepthwiseConv2D, type Conv1DLayerArgs, type Conv2DTransposeLayerArgs, type DepthwiseConv2DLayerArgs } from './conv-variants';
import { AveragePooling1D, AveragePooling2D, MaxPooling1D, type MaxPooling1DLayerArgs } from './max-pooling2d';
import { GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, type GlobalPoolingArgs } from './global-pooling';
import { BatchNormalization, LayerNormalization, type BatchNormalizationLayerArgs, type LayerNormalizationLayerArgs } from './normalization';
import { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract, type ConcatenateLayerArgs, type DotLayerArgs } from './merge';

export { Layer } from './layer';
export type { LayerArgs, CallOptions, LayerConfig, Kwargs } from './layer';
export { InputLayer } from './input-layer';
export { ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU } from './activation-layers';
export { Cropping2D, Permute, Reshape, UpSampling2D, ZeroPadding2D } from './reshaping';
export { AlphaDropout, GaussianDropout, GaussianNoise, SpatialDropout1D } from './noise';
export { Conv1D, Conv2DTranspose, DepthwiseConv2D } from './conv-variants';
export type { Conv1DLayerArgs, Conv2DTransposeLayerArgs, DepthwiseConv2DLayerArgs } from './conv-variants';
export { AveragePooling1D, AveragePooling2D, MaxPooling1D } from './max-pooling2d';
export { GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D } from './global-pooling';
export type { GlobalPoolingArgs } from './global-pooling';
export { BatchNormalization, LayerNormalization } from './normalization';
export type { BatchNormalizationLayerArgs, LayerNormalizationLayerArgs } from './normalization';
export { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract } from './merge';
export type { ConcatenateLayerArgs, DotLayerArgs } from './merge';
export { SymbolicTensor } from './symbolic';
export { regularizers } from './regularizers';
export type { Regularizer } from './regularizers';
export { constraints } from './constraints';
export type { Constraint } from './constraints';
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
  inputLayer: (args: InputLayerArgs): InputLayer => new InputLayer(args),
  add: (args?: LayerArgs): Add => new Add(args),
  subtract: (args?: LayerArgs): Subtract => new Subtract(args),
  multiply: (args?: LayerArgs): Multiply => new Multiply(args),
  average: (args?: LayerArgs): Average => new Average(args),
  maximum: (args?: LayerArgs): Maximum => new Maximum(args),
  minimum: (args?: LayerArgs): Minimum => new Minimum(args),
  concatenate: (args?: ConcatenateLayerArgs): Concatenate => new Concatenate(args),
  dot: (args: DotLayerArgs): Dot => new Dot(args),
  batchNormalization: (args?: BatchNormalizationLayerArgs): BatchNormalization => new BatchNormalization(args),
  layerNormalization: (args?: LayerNormalizationLayerArgs): LayerNormalization => new LayerNormalization(args),
  globalAveragePooling2d: (args?: GlobalPoolingArgs): GlobalAveragePooling2D => new GlobalAveragePooling2D(args),
  globalMaxPooling2d: (args?: GlobalPoolingArgs): GlobalMaxPooling2D => new GlobalMaxPooling2D(args),
  globalAveragePooling1d: (args?: GlobalPoolingArgs): GlobalAveragePooling1D => new GlobalAveragePooling1D(args),
  globalMaxPooling1d: (args?: GlobalPoolingArgs): GlobalMaxPooling1D => new GlobalMaxPooling1D(args),
  maxPooling1d: (args?: MaxPooling1DLayerArgs): MaxPooling1D => new MaxPooling1D(args),
  conv1d: (args: Conv1DLayerArgs): Conv1D => new Conv1D(args),
  conv2dTranspose: (args: Conv2DTransposeLayerArgs): Conv2DTranspose => new Conv2DTranspose(args),
  depthwiseConv2d: (args: DepthwiseConv2DLayerArgs): DepthwiseConv2D => new DepthwiseConv2D(args),
  averagePooling1d: (args?: MaxPooling1DLayerArgs): AveragePooling1D => new AveragePooling1D(args),
  averagePooling2d: (args?: MaxPooling2DLayerArgs): AveragePooling2D => new AveragePooling2D(args),
  reLU: (args?: ConstructorParameters<typeof ReLU>[0]): ReLU => new ReLU(args),
  leakyReLU: (args?: ConstructorParameters<typeof LeakyReLU>[0]): LeakyReLU => new LeakyReLU(args),
  prelu: (args?: PReLULayerArgs): PReLU => new PReLU(args),
  elu: (args?: ConstructorParameters<typeof ELU>[0]): ELU => new ELU(args),
  thresholdedReLU: (args?: ConstructorParameters<typeof ThresholdedReLU>[0]): ThresholdedReLU => new ThresholdedReLU(args),
  softmax: (args?: ConstructorParameters<typeof Softmax>[0]): Softmax => new Softmax(args),
  reshape: (args: ConstructorParameters<typeof Reshape>[0]): Reshape => new Reshape(args),
  permute: (args: ConstructorParameters<typeof Permute>[0]): Permute => new Permute(args),
  zeroPadding2d: (args?: ConstructorParameters<typeof ZeroPadding2D>[0]): ZeroPadding2D => new ZeroPadding2D(args),
  cropping2D: (args: ConstructorParameters<typeof Cropping2D>[0]): Cropping2D => new Cropping2D(args),
  upSampling2d: (args?: ConstructorParameters<typeof UpSampling2D>[0]): UpSampling2D => new UpSampling2D(args),
  gaussianNoise: (args: ConstructorParameters<typeof GaussianNoise>[0]): GaussianNoise => new GaussianNoise(args),
  gaussianDropout: (args: ConstructorParameters<typeof GaussianDropout>[0]): GaussianDropout => new GaussianDropout(args),
  alphaDropout: (args: ConstructorParameters<typeof AlphaDropout>[0]): AlphaDropout => new AlphaDropout(args),
  spatialDropout1d: (args: ConstructorParameters<typeof SpatialDropout1D>[0]): SpatialDropout1D => new SpatialDropout1D(args),
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
