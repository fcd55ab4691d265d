import { Activation } from './activation';
import { ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU } from './activation-layers';
import { CategoryEncoding } from './category-encoding';
import { AveragePooling1D, Conv1D, MaxPooling1D } from './conv1d';
import { Conv2D } from './conv2d';
import { AveragePooling3D, Conv3D, Conv3DTranspose, MaxPooling3D } from './conv3d';
import { Conv2DTranspose, DepthwiseConv2D } from './conv-variants';
import { Dense } from './dense';
import { Dropout, SpatialDropout1D } from './dropout';
import { Embedding } from './embedding';
import { Flatten } from './flatten';
import { GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D } from './global-pooling';
import { InputLayer } from './input-layer';
import { Masking } from './masking';
import { AveragePooling2D, MaxPooling2D } from './max-pooling2d';
import { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract } from './merge';
import { AlphaDropout, GaussianDropout, GaussianNoise } from './noise';
import { BatchNormalization, LayerNormalization } from './normalization';
import { CenterCrop, RandomWidth, Rescaling, Resizing } from './preprocessing';
import { Bidirectional } from './recurrent/bidirectional';
import { ConvLSTM2D } from './recurrent/conv-lstm2d';
import { ConvLSTM2DCell } from './recurrent/conv-lstm2d-cell';
import { GRUCell } from './recurrent/gru-cell';
import { GRU, LSTM, SimpleRNN } from './recurrent/layers';
import { LSTMCell } from './recurrent/lstm-cell';
import { RNN } from './recurrent/rnn';
import { SimpleRNNCell } from './recurrent/simple-rnn-cell';
import { StackedRNNCells } from './recurrent/stacked-cells';
import { RepeatVector } from './repeat-vector';
import { Reshape } from './reshape-layers';
import { SeparableConv2D } from './separable-conv2d';
import { registerBuiltinLayers } from './serialization';
import { Cropping2D, Permute, ZeroPadding2D } from './spatial-layers';
import { TimeDistributed } from './time-distributed';
import { UpSampling2D } from './up-sampling2d';

// TF.js registers each built-in layer class in the SerializationMap when it loads (classNameMap['Dense'] is
// [Dense, Dense.fromConfig]), and its deserialize finds a nested {className, config} there: so does tessera's. The
// keys are the classes' getClassName() names. Imported for this effect by layers/index.ts.
registerBuiltinLayers({
  Activation, ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU, CategoryEncoding, AveragePooling1D, Conv1D, MaxPooling1D,
  Conv2D, AveragePooling3D, Conv3D, Conv3DTranspose, MaxPooling3D, Conv2DTranspose, DepthwiseConv2D, Dense, Dropout,
  SpatialDropout1D, Embedding, Flatten, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D,
  InputLayer, Masking, AveragePooling2D, MaxPooling2D, Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract,
  AlphaDropout, GaussianDropout, GaussianNoise, BatchNormalization, LayerNormalization, CenterCrop, RandomWidth, Rescaling, Resizing,
  Bidirectional, ConvLSTM2D, ConvLSTM2DCell, GRUCell, GRU, LSTM, SimpleRNN, LSTMCell, RNN, SimpleRNNCell, StackedRNNCells,
  RepeatVector, Reshape, SeparableConv2D, Cropping2D, Permute, ZeroPadding2D, TimeDistributed, UpSampling2D,
});
