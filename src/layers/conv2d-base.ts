import { assertPositiveInt } from '../util/validate';
import { pairArg, paddingArg } from './config-checks';
import { dilationArg } from './conv-layout';
import { dataFormatArg, type DataFormat } from './data-format';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys } from './layer';

/** A 2-D convolution's window as TF.js's layers take it (conv2d, convLstm2dCell). */
export interface Conv2DWindowArgs {
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
  dilationRate?: number | [number, number];
}

export interface Conv2DLayerArgs extends KernelLayerArgs, Conv2DWindowArgs {}

/** A 2-D convolution's window, checked: the fields conv2d, conv2dTranspose and convLstm2dCell keep, as TF.js names them. */
export interface Conv2DWindow {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;
  readonly dilationRate: [number, number];
}

export const CONV2D_WINDOW_KEYS = ['filters', 'kernelSize', 'strides', 'padding', 'dataFormat', 'dilationRate'];

/** Checks a 2-D convolution's window options (TF.js's defaults: strides 1, 'valid', channelsLast, no dilation). */
export function readConv2dWindow(op: string, args: Conv2DWindowArgs): Conv2DWindow {
  return {
    dataFormat: dataFormatArg(op, args.dataFormat),
    dilationRate: dilationArg(op, args.dilationRate),
    filters: assertPositiveInt(op, 'filters', args.filters),
    kernelSize: pairArg(op, 'kernelSize', args.kernelSize),
    strides: pairArg(op, 'strides', args.strides, [1, 1]),
    padding: paddingArg(op, args.padding),
  };
}

// The window's fields, which the constructor assigns from readConv2dWindow.
export interface Conv2DWindowLayer extends Conv2DWindow {}

/** What tf.layers.conv2d and conv2dTranspose share: their options, checked and read into the window's fields. */
export abstract class Conv2DWindowLayer extends KernelLayer {
  protected constructor(op: string, snakeName: string, args: Conv2DLayerArgs) {
    checkConfigKeys(op, args, [...CONV2D_WINDOW_KEYS, ...KERNEL_LAYER_KEYS]);
    super(op, snakeName, args);
    Object.assign(this, readConv2dWindow(op, args));
  }
}
