import { assertPositiveInt } from '../util/validate';
import { pairArg, paddingArg } from './config-checks';
import { dilationArg } from './conv-layout';
import { dataFormatArg, type DataFormat } from './data-format';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys } from './layer';

export interface Conv2DLayerArgs extends KernelLayerArgs {
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
  dilationRate?: number | [number, number];
}

/** What tf.layers.conv2d and conv2dTranspose share: their options, checked and read into the window's fields. */
export abstract class Conv2DWindowLayer extends KernelLayer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;
  readonly dilationRate: [number, number];

  protected constructor(op: string, snakeName: string, args: Conv2DLayerArgs) {
    checkConfigKeys(op, args, ['filters', 'kernelSize', 'strides', 'padding', 'dataFormat', 'dilationRate', ...KERNEL_LAYER_KEYS]);
    super(op, snakeName, args);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.dilationRate = dilationArg(op, args.dilationRate);
    this.filters = assertPositiveInt(op, 'filters', args.filters);
    this.kernelSize = pairArg(op, 'kernelSize', args.kernelSize);
    this.strides = pairArg(op, 'strides', args.strides, [1, 1]);
    this.padding = paddingArg(op, args.padding);
  }
}
