import { Activation, type ActivationLayerArgs } from './activation';
import { ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU } from './activation-layers';
import type { ELULayerArgs, LeakyReLULayerArgs, PReLULayerArgs, ReLULayerArgs, SoftmaxLayerArgs, ThresholdedReLULayerArgs } from './activation-layers';
import { AveragePooling1D, Conv1D, MaxPooling1D, type Conv1DLayerArgs, type Pooling1DLayerArgs } from './conv1d';
import { Conv2D, type Conv2DLayerArgs } from './conv2d';
import { Dense, type DenseLayerArgs } from './dense';
import { Dropout, SpatialDropout1D, type DropoutLayerArgs, type SpatialDropout1DLayerArgs } from './dropout';
import { Flatten, type FlattenLayerArgs } from './flatten';
import { GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, type GlobalPooling2DLayerArgs } from './global-pooling';
import type { LayerArgs } from './layer';
import { AveragePooling2D, MaxPooling2D, type MaxPooling2DLayerArgs } from './max-pooling2d';
import { AlphaDropout, GaussianDropout, GaussianNoise, type AlphaDropoutLayerArgs, type GaussianDropoutLayerArgs, type GaussianNoiseLayerArgs } from './noise';
import { BatchNormalization, LayerNormalization, type BatchNormalizationLayerArgs, type LayerNormalizationLayerArgs } from './normalization';
import { Reshape, type ReshapeLayerArgs } from './reshape-layers';
import { UpSampling2D, type UpSampling2DLayerArgs } from './up-sampling2d';
import { Cropping2D, Permute, ZeroPadding2D, type Cropping2DLayerArgs, type PermuteLayerArgs, type ZeroPadding2DLayerArgs } from './spatial-layers';

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
export type { LayerArgs, CallOptions, LayerConfig, Kwargs } from './layer';
export { InputLayer } from './input-layer';
export { SymbolicTensor } from './symbolic';
export { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract } from './merge';
export type { ConcatenateLayerArgs, DotLayerArgs } from './merge';
export { Conv2DTranspose, DepthwiseConv2D } from './conv-variants';
export type { Conv2DTransposeLayerArgs, DepthwiseConv2DLayerArgs } from './conv-variants';
export { SeparableConv2D } from './separable-conv2d';
export type { SeparableConv2DLayerArgs } from './separable-conv2d';
export { Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, RNN, RNNCell, LSTM, GRU, SimpleRNN, LSTMCell, GRUCell, SimpleRNNCell, StackedRNNCells, Embedding, Masking, Bidirectional, RepeatVector, TimeDistributed };
export type { ActivationLayerArgs, Conv2DLayerArgs, DenseLayerArgs, DropoutLayerArgs, MaxPooling2DLayerArgs };
export type { RNNLayerArgs, LSTMLayerArgs, GRULayerArgs, SimpleRNNLayerArgs, LSTMCellArgs, GRUCellArgs, SimpleRNNCellArgs, StackedRNNCellsArgs, EmbeddingLayerArgs, MaskingArgs, BidirectionalLayerArgs, RepeatVectorLayerArgs, TimeDistributedLayerArgs };
export {
  AveragePooling1D, AveragePooling2D, ReLU, LeakyReLU, PReLU, ELU, ThresholdedReLU, Softmax, Conv1D, MaxPooling1D, SpatialDropout1D,
  GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D,
  GaussianNoise, GaussianDropout, AlphaDropout, BatchNormalization, LayerNormalization, Reshape, UpSampling2D,
  Permute, ZeroPadding2D, Cropping2D,
};
export type {
  FlattenLayerArgs,
  ReLULayerArgs, LeakyReLULayerArgs, PReLULayerArgs, ELULayerArgs, ThresholdedReLULayerArgs, SoftmaxLayerArgs,
  Conv1DLayerArgs, Pooling1DLayerArgs, SpatialDropout1DLayerArgs, GlobalPooling2DLayerArgs,
  GaussianNoiseLayerArgs, GaussianDropoutLayerArgs, AlphaDropoutLayerArgs, BatchNormalizationLayerArgs, LayerNormalizationLayerArgs,
  ReshapeLayerArgs, UpSampling2DLayerArgs, PermuteLayerArgs, ZeroPadding2DLayerArgs, Cropping2DLayerArgs,
};

import { InputLayer, type InputLayerArgs } from './input-layer';
import { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract, type ConcatenateLayerArgs, type DotLayerArgs } from './merge';
import { Conv2DTranspose, DepthwiseConv2D, type Conv2DTransposeLayerArgs, type DepthwiseConv2DLayerArgs } from './conv-variants';
import { SeparableConv2D, type SeparableConv2DLayerArgs } from './separable-conv2d';

/** tn.layers: the layer factories, as tf.layers. */
export const layers = {
  inputLayer: (args: InputLayerArgs): InputLayer => new InputLayer(args),
  add: (args?: LayerArgs): Add => new Add(args),
  subtract: (args?: LayerArgs): Subtract => new Subtract(args),
  multiply: (args?: LayerArgs): Multiply => new Multiply(args),
  average: (args?: LayerArgs): Average => new Average(args),
  maximum: (args?: LayerArgs): Maximum => new Maximum(args),
  minimum: (args?: LayerArgs): Minimum => new Minimum(args),
  concatenate: (args?: ConcatenateLayerArgs): Concatenate => new Concatenate(args),
  dot: (args: DotLayerArgs): Dot => new Dot(args),
  conv2dTranspose: (args: Conv2DTransposeLayerArgs): Conv2DTranspose => new Conv2DTranspose(args),
  depthwiseConv2d: (args: DepthwiseConv2DLayerArgs): DepthwiseConv2D => new DepthwiseConv2D(args),
  separableConv2d: (args: SeparableConv2DLayerArgs): SeparableConv2D => new SeparableConv2D(args),
  conv2d: (args: Conv2DLayerArgs): Conv2D => new Conv2D(args),
  maxPooling2d: (args?: MaxPooling2DLayerArgs): MaxPooling2D => new MaxPooling2D(args),
  flatten: (args?: FlattenLayerArgs): Flatten => new Flatten(args),
  dense: (args: DenseLayerArgs): Dense => new Dense(args),
  dropout: (args: DropoutLayerArgs): Dropout => new Dropout(args),
  activation: (args: ActivationLayerArgs): Activation => new Activation(args),
  reLU: (args?: ReLULayerArgs): ReLU => new ReLU(args),
  leakyReLU: (args?: LeakyReLULayerArgs): LeakyReLU => new LeakyReLU(args),
  prelu: (args?: PReLULayerArgs): PReLU => new PReLU(args),
  elu: (args?: ELULayerArgs): ELU => new ELU(args),
  thresholdedReLU: (args?: ThresholdedReLULayerArgs): ThresholdedReLU => new ThresholdedReLU(args),
  softmax: (args?: SoftmaxLayerArgs): Softmax => new Softmax(args),
  conv1d: (args: Conv1DLayerArgs): Conv1D => new Conv1D(args),
  maxPooling1d: (args?: Pooling1DLayerArgs): MaxPooling1D => new MaxPooling1D(args),
  averagePooling1d: (args?: Pooling1DLayerArgs): AveragePooling1D => new AveragePooling1D(args),
  averagePooling2d: (args?: MaxPooling2DLayerArgs): AveragePooling2D => new AveragePooling2D(args),
  globalAveragePooling1d: (args?: LayerArgs): GlobalAveragePooling1D => new GlobalAveragePooling1D(args),
  globalMaxPooling1d: (args?: LayerArgs): GlobalMaxPooling1D => new GlobalMaxPooling1D(args),
  globalAveragePooling2d: (args?: GlobalPooling2DLayerArgs): GlobalAveragePooling2D => new GlobalAveragePooling2D(args),
  globalMaxPooling2d: (args?: GlobalPooling2DLayerArgs): GlobalMaxPooling2D => new GlobalMaxPooling2D(args),
  spatialDropout1d: (args: SpatialDropout1DLayerArgs): SpatialDropout1D => new SpatialDropout1D(args),
  gaussianNoise: (args: GaussianNoiseLayerArgs): GaussianNoise => new GaussianNoise(args),
  gaussianDropout: (args: GaussianDropoutLayerArgs): GaussianDropout => new GaussianDropout(args),
  alphaDropout: (args: AlphaDropoutLayerArgs): AlphaDropout => new AlphaDropout(args),
  batchNormalization: (args?: BatchNormalizationLayerArgs): BatchNormalization => new BatchNormalization(args),
  layerNormalization: (args?: LayerNormalizationLayerArgs): LayerNormalization => new LayerNormalization(args),
  reshape: (args: ReshapeLayerArgs): Reshape => new Reshape(args),
  upSampling2d: (args?: UpSampling2DLayerArgs): UpSampling2D => new UpSampling2D(args),
  permute: (args: PermuteLayerArgs): Permute => new Permute(args),
  zeroPadding2d: (args?: ZeroPadding2DLayerArgs): ZeroPadding2D => new ZeroPadding2D(args),
  cropping2D: (args: Cropping2DLayerArgs): Cropping2D => new Cropping2D(args),
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
