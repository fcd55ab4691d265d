import { conv2dGeometry } from '../../kernels/cpu/conv-geometry';
import { backend } from '../backend/registry';
import { isRecording } from '../backprop';
import { Tensor } from '../tensor';
import { checkConv2d } from './conv';
import { conv2d, type FusedConv2dConfig } from './fused';
import { maxPool } from './pool';

/**
 * @internal For inference (not public): maxPool(fused.conv2d(config), 2, 2, 'valid') in one backend call where
 * the backend has one, keeping no tape and no pre-pool activation. While a gradient is being taken, or for
 * anything else (no such backend call, a bias or activation that does not fit, an output smaller than one
 * window), it runs the public ops, so results and errors stay theirs.
 */
export function conv2dMaxPool(config: FusedConv2dConfig): Tensor {
  const { x, filter, bias, activation } = config;
  const fused = backend().conv2dBiasActivationMaxPool?.bind(backend());
  const fits = !isRecording() && fused && x instanceof Tensor && x.rank === 4 && filter instanceof Tensor
    && filter.rank === 4 && bias instanceof Tensor && bias.rank === 1 && bias.shape[0] === filter.shape[3] && bias.dtype === x.dtype
    && (activation === 'relu' || activation === 'linear');
  if (!fits || !fused) return maxPool(conv2d(config), 2, 2, 'valid');
  const [s, p] = checkConv2d('conv2d', x, filter, config.strides, config.pad);
  const g = conv2dGeometry(x.shape, filter.shape, s, p);
  if (g.outH < 2 || g.outW < 2) return maxPool(conv2d(config), 2, 2, 'valid');
  return fused(x, filter, bias, s, p, activation);
}
