import { AveragePooling3D, Conv3D, Conv3DTranspose, MaxPooling3D, type Conv3DLayerArgs, type Pooling3DLayerArgs } from './conv3d';
import { InputLayer, type InputLayerArgs } from './input-layer';
import { CenterCrop, RandomWidth, Rescaling, Resizing, type CenterCropArgs, type RandomWidthArgs, type RescalingArgs, type ResizingArgs } from './preprocessing';
import { CategoryEncoding, type CategoryEncodingArgs } from './category-encoding';
import { ConvLSTM2D, ConvLSTM2DCell, type ConvLSTM2DArgs, type ConvLSTM2DCellArgs } from './index';
import {
  Activation, Add, AlphaDropout, Average, AveragePooling1D, AveragePooling2D, BatchNormalization, Bidirectional,
  Concatenate, Conv1D, Conv2D, Conv2DTranspose, Cropping2D, Dense, DepthwiseConv2D, Dot, Dropout, ELU, Embedding,
  Flatten, GRU, GRUCell, GaussianDropout, GaussianNoise, GlobalAveragePooling1D, GlobalAveragePooling2D,
  GlobalMaxPooling1D, GlobalMaxPooling2D, LSTM, LSTMCell, LayerNormalization, LeakyReLU, Masking, MaxPooling1D,
  MaxPooling2D, Maximum, Minimum, Multiply, PReLU, Permute, RNN, ReLU, RepeatVector, Reshape, SeparableConv2D, SimpleRNN,
  SimpleRNNCell, Softmax, SpatialDropout1D, StackedRNNCells, Subtract, ThresholdedReLU, TimeDistributed,
  UpSampling2D, ZeroPadding2D, type ActivationLayerArgs, type AlphaDropoutLayerArgs,
  type BatchNormalizationLayerArgs, type BidirectionalLayerArgs, type ConcatenateLayerArgs, type Conv1DLayerArgs,
  type Conv2DLayerArgs, type Conv2DTransposeLayerArgs, type Cropping2DLayerArgs, type DenseLayerArgs,
  type DepthwiseConv2DLayerArgs, type DotLayerArgs, type DropoutLayerArgs, type ELULayerArgs,
  type EmbeddingLayerArgs, type FlattenLayerArgs, type GRUCellArgs, type GRULayerArgs,
  type GaussianDropoutLayerArgs, type GaussianNoiseLayerArgs, type GlobalPooling2DLayerArgs, type LSTMCellArgs,
  type LSTMLayerArgs, type LayerArgs, type LayerNormalizationLayerArgs, type LeakyReLULayerArgs, type MaskingArgs,
  type MaxPooling2DLayerArgs, type PReLULayerArgs, type PermuteLayerArgs, type Pooling1DLayerArgs,
  type RNNLayerArgs, type ReLULayerArgs, type RepeatVectorLayerArgs, type ReshapeLayerArgs, type SeparableConv2DLayerArgs, type SimpleRNNCellArgs,
  type SimpleRNNLayerArgs, type SoftmaxLayerArgs, type SpatialDropout1DLayerArgs, type StackedRNNCellsArgs,
  type ThresholdedReLULayerArgs, type TimeDistributedLayerArgs, type UpSampling2DLayerArgs,
  type ZeroPadding2DLayerArgs,
} from './index';

// tn.layers, as tf.layers: a namespace of the layer factories, with the Layer, RNN and RNNCell classes (so that
// `class MyLayer extends tn.layers.Layer` and a `tn.layers.Layer` annotation both work) and input().

export { Layer, RNN, RNNCell } from './index';
export { input } from './input-layer';

export const inputLayer = (args: InputLayerArgs): InputLayer => new InputLayer(args);
export const add = (args?: LayerArgs): Add => new Add(args);
export const subtract = (args?: LayerArgs): Subtract => new Subtract(args);
export const multiply = (args?: LayerArgs): Multiply => new Multiply(args);
export const average = (args?: LayerArgs): Average => new Average(args);
export const maximum = (args?: LayerArgs): Maximum => new Maximum(args);
export const minimum = (args?: LayerArgs): Minimum => new Minimum(args);
export const concatenate = (args?: ConcatenateLayerArgs): Concatenate => new Concatenate(args);
export const dot = (args: DotLayerArgs): Dot => new Dot(args);
export const conv2dTranspose = (args: Conv2DTransposeLayerArgs): Conv2DTranspose => new Conv2DTranspose(args);
export const depthwiseConv2d = (args: DepthwiseConv2DLayerArgs): DepthwiseConv2D => new DepthwiseConv2D(args);
export const separableConv2d = (args: SeparableConv2DLayerArgs): SeparableConv2D => new SeparableConv2D(args);
export const conv2d = (args: Conv2DLayerArgs): Conv2D => new Conv2D(args);
export const maxPooling2d = (args?: MaxPooling2DLayerArgs): MaxPooling2D => new MaxPooling2D(args);
export const flatten = (args?: FlattenLayerArgs): Flatten => new Flatten(args);
export const dense = (args: DenseLayerArgs): Dense => new Dense(args);
export const dropout = (args: DropoutLayerArgs): Dropout => new Dropout(args);
export const activation = (args: ActivationLayerArgs): Activation => new Activation(args);
export const reLU = (args?: ReLULayerArgs): ReLU => new ReLU(args);
export const leakyReLU = (args?: LeakyReLULayerArgs): LeakyReLU => new LeakyReLU(args);
export const prelu = (args?: PReLULayerArgs): PReLU => new PReLU(args);
export const elu = (args?: ELULayerArgs): ELU => new ELU(args);
export const thresholdedReLU = (args?: ThresholdedReLULayerArgs): ThresholdedReLU => new ThresholdedReLU(args);
export const softmax = (args?: SoftmaxLayerArgs): Softmax => new Softmax(args);
export const conv1d = (args: Conv1DLayerArgs): Conv1D => new Conv1D(args);
export const maxPooling1d = (args?: Pooling1DLayerArgs): MaxPooling1D => new MaxPooling1D(args);
export const averagePooling1d = (args?: Pooling1DLayerArgs): AveragePooling1D => new AveragePooling1D(args);
export const averagePooling2d = (args?: MaxPooling2DLayerArgs): AveragePooling2D => new AveragePooling2D(args);
export const globalAveragePooling1d = (args?: LayerArgs): GlobalAveragePooling1D => new GlobalAveragePooling1D(args);
export const globalMaxPooling1d = (args?: LayerArgs): GlobalMaxPooling1D => new GlobalMaxPooling1D(args);
export const globalAveragePooling2d = (args?: GlobalPooling2DLayerArgs): GlobalAveragePooling2D => new GlobalAveragePooling2D(args);
export const globalMaxPooling2d = (args?: GlobalPooling2DLayerArgs): GlobalMaxPooling2D => new GlobalMaxPooling2D(args);
export const spatialDropout1d = (args: SpatialDropout1DLayerArgs): SpatialDropout1D => new SpatialDropout1D(args);
export const gaussianNoise = (args: GaussianNoiseLayerArgs): GaussianNoise => new GaussianNoise(args);
export const gaussianDropout = (args: GaussianDropoutLayerArgs): GaussianDropout => new GaussianDropout(args);
export const alphaDropout = (args: AlphaDropoutLayerArgs): AlphaDropout => new AlphaDropout(args);
export const batchNormalization = (args?: BatchNormalizationLayerArgs): BatchNormalization => new BatchNormalization(args);
export const layerNormalization = (args?: LayerNormalizationLayerArgs): LayerNormalization => new LayerNormalization(args);
export const reshape = (args: ReshapeLayerArgs): Reshape => new Reshape(args);
export const upSampling2d = (args?: UpSampling2DLayerArgs): UpSampling2D => new UpSampling2D(args);
export const permute = (args: PermuteLayerArgs): Permute => new Permute(args);
export const zeroPadding2d = (args?: ZeroPadding2DLayerArgs): ZeroPadding2D => new ZeroPadding2D(args);
export const cropping2D = (args: Cropping2DLayerArgs): Cropping2D => new Cropping2D(args);
export const rnn = (args: RNNLayerArgs): RNN => new RNN(args);
export const lstm = (args: LSTMLayerArgs): LSTM => new LSTM(args);
export const gru = (args: GRULayerArgs): GRU => new GRU(args);
export const simpleRNN = (args: SimpleRNNLayerArgs): SimpleRNN => new SimpleRNN(args);
export const lstmCell = (args: LSTMCellArgs): LSTMCell => new LSTMCell(args);
export const gruCell = (args: GRUCellArgs): GRUCell => new GRUCell(args);
export const simpleRNNCell = (args: SimpleRNNCellArgs): SimpleRNNCell => new SimpleRNNCell(args);
export const stackedRNNCells = (args: StackedRNNCellsArgs): StackedRNNCells => new StackedRNNCells(args);
export const convLstm2d = (args: ConvLSTM2DArgs): ConvLSTM2D => new ConvLSTM2D(args);
export const convLstm2dCell = (args: ConvLSTM2DCellArgs): ConvLSTM2DCell => new ConvLSTM2DCell(args);
export const embedding = (args: EmbeddingLayerArgs): Embedding => new Embedding(args);
export const masking = (args?: MaskingArgs): Masking => new Masking(args);
export const bidirectional = (args: BidirectionalLayerArgs): Bidirectional => new Bidirectional(args);
export const repeatVector = (args: RepeatVectorLayerArgs): RepeatVector => new RepeatVector(args);
export const rescaling = (args: RescalingArgs): Rescaling => new Rescaling(args);
export const categoryEncoding = (args: CategoryEncodingArgs): CategoryEncoding => new CategoryEncoding(args);
export const resizing = (args: ResizingArgs): Resizing => new Resizing(args);
export const centerCrop = (args: CenterCropArgs): CenterCrop => new CenterCrop(args);
export const randomWidth = (args: RandomWidthArgs): RandomWidth => new RandomWidth(args);
export const timeDistributed = (args: TimeDistributedLayerArgs): TimeDistributed => new TimeDistributed(args);
export const conv3d = (args: Conv3DLayerArgs): Conv3D => new Conv3D(args);
export const conv3dTranspose = (args: Conv3DLayerArgs): Conv3DTranspose => new Conv3DTranspose(args);
export const maxPooling3d = (args?: Pooling3DLayerArgs): MaxPooling3D => new MaxPooling3D(args);
export const averagePooling3d = (args?: Pooling3DLayerArgs): AveragePooling3D => new AveragePooling3D(args);

// TF.js's shorter names for the pooling layers: the same factories.
export const maxPool1d = maxPooling1d;
export const maxPool2d = maxPooling2d;
export const avgPool1d = averagePooling1d;
export const avgPool2d = averagePooling2d;
export const avgPooling1d = averagePooling1d;
export const avgPooling2d = averagePooling2d;
export const avgPool3d = averagePooling3d;
export const avgPooling3d = averagePooling3d;
export const globalMaxPool1d = globalMaxPooling1d;
export const globalMaxPool2d = globalMaxPooling2d;
