import { add } from '../../ops/binary';
import { conv2d } from '../../ops/conv';
import type { Tensor } from '../../tensor/tensor';
import { argError, fmtShape } from '../../util/validate';
import { CONV2D_WINDOW_KEYS, readConv2dWindow, type Conv2DWindow, type Conv2DWindowArgs } from '../conv2d-base';
import { convOutputHW, hwcOf, inLayout, viaChannelsLast } from '../conv-layout';
import { dataFormatConfig } from '../data-format';
import { checkConfigKeys, type LayerConfig } from '../layer';
import { LSTM_CELL_KEYS, LSTMCell, type LSTMCellArgs } from './lstm-cell';

export interface ConvLSTM2DCellArgs extends Omit<LSTMCellArgs, 'units'>, Conv2DWindowArgs {}

export const CONV_LSTM2D_CELL_KEYS = [...LSTM_CELL_KEYS.filter((k) => k !== 'units'), ...CONV2D_WINDOW_KEYS];

// The window's fields (filters, kernelSize, strides, padding, dataFormat, dilationRate), assigned from readConv2dWindow.
export interface ConvLSTM2DCell extends Conv2DWindow {}

/**
 * tf.layers.convLstm2dCell: an LSTM cell whose products are 2-D convolutions. A step is an image [rows, cols,
 * channels] (channels first with dataFormat 'channelsFirst'); the states h and c are images of `filters` channels.
 * Kernels are [kh, kw, in, 4·filters] and [kh, kw, filters, 4·filters], gates i, f, c, o side by side, as TF.js's.
 * The input convolution takes strides, padding and dilationRate; the recurrent one is stride 1, 'same', undilated.
 */
export class ConvLSTM2DCell extends LSTMCell {
  constructor(args: ConvLSTM2DCellArgs, op = 'layers.convLstm2dCell', check = true) {
    if (check) checkConfigKeys(op, args, CONV_LSTM2D_CELL_KEYS);
    // Read before the LSTM cell takes filters as its units, so that errors name TF.js's arguments.
    const window = readConv2dWindow(op, args);
    super({ ...args, units: window.filters }, op, false, 'conv_lst_m2d_cell');
    Object.assign(this, window);
  }

  override getClassName(): string {
    return 'ConvLSTM2DCell';
  }

  override get stepDims(): string[] {
    return this.dataFormat === 'channelsLast' ? ['rows', 'cols', 'channels'] : ['channels', 'rows', 'cols'];
  }

  /** h and c: the input convolution's output image, `filters` channels in the layer's layout. */
  override stateShapes(stepShape: readonly number[]): number[][] {
    const [oh, ow] = convOutputHW(this.name, stepShape, hwcOf(stepShape, this.dataFormat), this.kernelSize, this.strides, this.padding, this.dilationRate);
    const s = inLayout([oh, ow, this.filters], this.dataFormat);
    return [s, s.slice()];
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, `shape [batch, ${this.stepDims.join(', ')}]`);
    return this.stateShapes(inputShape)[0];
  }

  protected override get gateAxis(): number {
    return this.dataFormat === 'channelsLast' ? 3 : 1;
  }

  protected override kernelShapes(stepShape: readonly number[]): [number[], number[]] {
    const width = 4 * this.filters;
    const channels = hwcOf(stepShape, this.dataFormat)[2];
    return [[...this.kernelSize, channels, width], [...this.kernelSize, this.filters, width]];
  }

  protected override inputProduct(x: Tensor, kernel: Tensor, bias: Tensor | undefined): Tensor {
    const y = viaChannelsLast(x, this.dataFormat, (nhwc) => conv2d(nhwc, kernel, this.strides, this.padding, 'NHWC', this.dilationRate));
    if (!bias) return y;
    return add(y, this.dataFormat === 'channelsLast' ? bias : bias.reshape([bias.shape[0], 1, 1]));
  }

  protected override recurrentProduct(h: Tensor, kernel: Tensor): Tensor {
    return viaChannelsLast(h, this.dataFormat, (nhwc) => conv2d(nhwc, kernel, 1, 'same'));
  }

  /** As TF.js's: the LSTM cell's settings without units, then the convolution's. */
  protected override layerConfig(): LayerConfig {
    const { units: _units, ...lstm } = super.layerConfig();
    return {
      ...lstm,
      filters: this.filters,
      kernel_size: this.kernelSize.slice(),
      padding: this.padding,
      data_format: dataFormatConfig(this.dataFormat),
      dilation_rate: this.dilationRate.slice(),
      strides: this.strides.slice(),
    };
  }
}
