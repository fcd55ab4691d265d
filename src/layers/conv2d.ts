import type { Tensor } from '../tensor/tensor';
import * as fused from '../ops/fused';
import { conv2dMaxPool } from '../ops/conv-max-pool';
import { Conv2DWindowLayer, type Conv2DLayerArgs } from './conv2d-base';
import type { CallOptions, Layer, LayerConfig } from './layer';
import { MaxPooling2D } from './max-pooling2d';
import { conv2dInput, convOutputHW, hwcOf, inLayout, isUnitDilation, viaChannelsLast } from './conv-layout';
import type { Variable } from '../tensor/variable';
import { builtInNameOf } from './activations';

/** 2-D convolution over NHWC input with a [kh, kw, inC, filters] kernel, as tf.layers.conv2d. */
export class Conv2D extends Conv2DWindowLayer {
  constructor(args: Conv2DLayerArgs) {
    super('layers.conv2d', 'conv2d', args);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Conv2D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const hwc = conv2dInput(this.name, inputShape, this.dataFormat);
    return inLayout([...convOutputHW(this.name, inputShape, hwc, this.kernelSize, this.strides, this.padding, this.dilationRate), this.filters], this.dataFormat);
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildKernel([...this.kernelSize, hwcOf(inputShape, this.dataFormat)[2], this.filters]);
  }

  /**
   * A following 2×2 stride-2 'valid' max-pool runs fused into the convolution (and while training, its backward
   * pass too). Not while training with an activity regularizer, which needs the convolution's own output, nor for a
   * dilated kernel, which the fused kernel does not compute.
   */
  override applyWithNext(x: Tensor, next: Layer, training: boolean): Tensor | null {
    // In place of both layers' apply, which refuse a disposed layer.
    this.assertNotDisposed();
    next.assertNotDisposed();
    const act = builtInNameOf(this.activation);
    if ((training && this.activityRegularizer) || !isUnitDilation(this.dilationRate) || !(next instanceof MaxPooling2D) || this.dataFormat !== 'channelsLast' || next.dataFormat !== 'channelsLast' || !this.bias || (act !== 'relu' && act !== 'linear') || next.padding !== 'valid'
      || [...next.poolSize, ...next.strides].some((d) => d !== 2)) return null;
    this.prepareInput(x);
    const [outH, outW] = this.outputShapeNoBatch(x.shape.slice(1));
    if (outH < 2 || outW < 2) return null;
    const pooledInput = [outH, outW, this.filters];
    // A pool built for other input is left to its own apply, which reports the mismatch.
    if (next.built && next.inputShapeNoBatch?.some((d, i) => d !== pooledInput[i])) return null;
    if (!next.built) next.buildNoBatch(pooledInput);
    return conv2dMaxPool({ x, filter: this.kernel as Variable, strides: this.strides, pad: this.padding, bias: this.bias, activation: act });
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    // The kernels run NHWC: channels-first input is viewed that way and the output back.
    return this.withEpilogue(options, (filter, bias, activation) => viaChannelsLast(x, this.dataFormat, (nhwc) => fused.conv2d({ x: nhwc, filter, strides: this.strides, pad: this.padding, dilations: this.dilationRate, bias, activation })));
  }

  protected override layerConfig(): LayerConfig {
    return this.convConfig(this.filters, {
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat === 'channelsLast' ? 'channels_last' : 'channels_first',
      dilation_rate: this.dilationRate,
    });
  }
}
