import { outputLength } from '../backend/shapes';
import { backend } from './engine';
import { isRecording, recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { checkConv2d, type ConvAttrs } from './conv';
import { conv2d, type EpilogueAttrs, type FusedConv2dConfig } from './fused';
import { maxPool } from './pool';

/**
 * @internal Not public: maxPool(fused.conv2d(config), 2, 2, 'valid') in one backend call where the backend has a
 * kernel for it, keeping no pre-pool activation. While a gradient is being taken it is one recorded op
 * ('conv2dMaxPool') whose backward pass is fused too, where the backend has that as well. For anything else (no
 * such kernel, a bias or activation that does not fit, an output smaller than one window) it runs the public
 * ops, so results and errors stay theirs.
 */
export function conv2dMaxPool(config: FusedConv2dConfig): Tensor {
  const { x, filter, bias, activation } = config;
  const be = backend();
  const composed = (): Tensor => maxPool(conv2d(config), 2, 2, 'valid');
  const training = isRecording();
  if (!be.conv2dBiasActivationMaxPool || (training && !be.conv2dBiasActivationMaxPoolBackprop) || !(x instanceof Tensor) || x.rank !== 4 || !(filter instanceof Tensor) || filter.rank !== 4
    || !(bias instanceof Tensor) || bias.rank !== 1 || bias.shape[0] !== filter.shape[3] || bias.dtype !== x.dtype
    || (activation !== 'relu' && activation !== 'linear')) return composed();
  const [s, p] = checkConv2d('conv2d', x, filter, config.strides, config.pad);
  if (outputLength(x.shape[1], filter.shape[0], s[0], p) < 2 || outputLength(x.shape[2], filter.shape[1], s[1], p) < 2) return composed();
  const y = be.conv2dBiasActivationMaxPool(x, filter, bias, s, p, activation, training);
  if (!y) return composed();
  recordOp<ConvAttrs & EpilogueAttrs>('conv2dMaxPool', [x, filter, bias], y, { strides: s, pad: p, activation });
  return y;
}
