import { Activation, type ActivationLayerArgs } from './activation';
import { ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU } from './activation-layers';
import type { ELULayerArgs, LeakyReLULayerArgs, PReLULayerArgs, ReLULayerArgs, SoftmaxLayerArgs, ThresholdedReLULayerArgs } from './activation-layers';
import { AveragePooling1D, Conv1D, MaxPooling1D, type Conv1DLayerArgs, type Pooling1DLayerArgs } from './conv1d';
import { Conv2D } from './conv2d';
import type { Conv2DLayerArgs } from './conv2d-base';
import { Dense, type DenseLayerArgs } from './dense';
import { Dropout, SpatialDropout1D, type DropoutLayerArgs, type SpatialDropout1DLayerArgs } from './dropout';
import { Flatten, type FlattenLayerArgs } from './flatten';
import { GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, type GlobalPooling2DLayerArgs } from './global-pooling';
import { AveragePooling2D, MaxPooling2D, type MaxPooling2DLayerArgs } from './max-pooling2d';
import { AlphaDropout, GaussianDropout, GaussianNoise, type AlphaDropoutLayerArgs, type GaussianDropoutLayerArgs, type GaussianNoiseLayerArgs } from './noise';
import { BatchNormalization, LayerNormalization, type BatchNormalizationLayerArgs, type LayerNormalizationLayerArgs } from './normalization';
import { Reshape, type ReshapeLayerArgs } from './reshape-layers';
import { UpSampling2D, type UpSampling2DLayerArgs } from './up-sampling2d';
import { Cropping2D, Permute, ZeroPadding2D, type Cropping2DLayerArgs, type PermuteLayerArgs, type ZeroPadding2DLayerArgs } from './spatial-layers';

export { CenterCrop, RandomWidth, Rescaling, Resizing } from './preprocessing';
export { CategoryEncoding } from './category-encoding';
export type { CategoryEncodingArgs } from './category-encoding';
export type { CenterCropArgs, RandomWidthArgs, RescalingArgs, ResizingArgs } from './preprocessing';
import { Embedding, type EmbeddingLayerArgs } from './embedding';
import { Masking, type MaskingArgs } from './masking';
import { Bidirectional, type BidirectionalLayerArgs } from './recurrent/bidirectional';
import { RNNCell } from './recurrent/rnn-cell';
import { RepeatVector, type RepeatVectorLayerArgs } from './repeat-vector';
import { TimeDistributed, type TimeDistributedLayerArgs } from './time-distributed';
import { GRUCell, type GRUCellArgs } from './recurrent/gru-cell';
import { GRU, LSTM, SimpleRNN, type GRULayerArgs, type LSTMLayerArgs, type SimpleRNNLayerArgs } from './recurrent/layers';
import { LSTMCell, type LSTMCellArgs } from './recurrent/lstm-cell';
import { ConvLSTM2DCell, type ConvLSTM2DCellArgs } from './recurrent/conv-lstm2d-cell';
import { ConvLSTM2D, type ConvLSTM2DArgs } from './recurrent/conv-lstm2d';
import { RNN, type RNNLayerArgs } from './recurrent/rnn';
import { SimpleRNNCell, type SimpleRNNCellArgs } from './recurrent/simple-rnn-cell';
import { StackedRNNCells, type StackedRNNCellsArgs } from './recurrent/stacked-cells';
// The built-in layer classes go into tf.serialization's SerializationMap when the layers load, as TF.js's do.
import './builtin-layers';


export { Layer } from './layer';
export type { LayerArgs, CallOptions, LayerConfig, Kwargs, DisposeResult } from './layer';
export { InputLayer } from './input-layer';
export { SymbolicTensor } from './symbolic';
export { InputSpec, type InputSpecArgs } from './input-spec';
export { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract } from './merge';
export type { ConcatenateLayerArgs, DotLayerArgs } from './merge';
export { Conv2DTranspose, DepthwiseConv2D } from './conv-variants';
export type { Conv2DTransposeLayerArgs, DepthwiseConv2DLayerArgs } from './conv-variants';
export { SeparableConv2D } from './separable-conv2d';
export { Conv3D, Conv3DTranspose, MaxPooling3D, AveragePooling3D } from './conv3d';
export type { Conv3DLayerArgs, Pooling3DLayerArgs } from './conv3d';
export type { SeparableConv2DLayerArgs } from './separable-conv2d';
export { Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, RNN, RNNCell, LSTM, GRU, SimpleRNN, LSTMCell, GRUCell, SimpleRNNCell, StackedRNNCells, Embedding, Masking, Bidirectional, RepeatVector, TimeDistributed };
export type { ActivationLayerArgs, Conv2DLayerArgs, DenseLayerArgs, DropoutLayerArgs, MaxPooling2DLayerArgs };
export { ConvLSTM2D, ConvLSTM2DCell };
export type { ConvLSTM2DArgs, ConvLSTM2DCellArgs };
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
