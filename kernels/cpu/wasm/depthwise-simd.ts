import type { Conv2dGeometry } from '../../shared/geometry';
import type { FloatArray } from '../../shared/types';
import {
  depthwiseConv2d as forwardJs, depthwiseConv2dBackpropFilter as filterJs, depthwiseConv2dBackpropInput as inputJs,
} from '../depthwise-conv';
import type { CpuKernels } from '../kernel-set';
import { MIN_ELEMENTS, type CallHelpers } from './elementwise-simd';
import type { KernelExport } from './kernel-module';
import type { WasmRuntime } from './runtime';

type Pass = (a: FloatArray, b: FloatArray, g: Conv2dGeometry, out: FloatArray) => void;

/**
 * A depthwise convolution's three passes for channel multiplier 1 on float32 (MobileNet's, and a depthwise layer's
 * default) as the dw_conv kernels: the JS twins' arithmetic, so the same bits, however they are split among the
 * threads. Any other call takes the twin.
 */
export function simdDepthwiseOn(runtime: WasmRuntime, h: CallHelpers): Pick<CpuKernels, 'depthwiseConv2d' | 'depthwiseConv2dBackpropInput' | 'depthwiseConv2dBackpropFilter'> {
  const pass = (name: KernelExport, twin: Pass, zeroed: boolean): Pass => (a, b, g, out) => {
    const outputs = g.batch * g.outH * g.outW * g.outC;
    const fits = g.outC === g.inC && outputs >= MIN_ELEMENTS && a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array;
    const r = fits ? h.operands((o) => [o.input(a, a.length), o.input(b, b.length), o.output(out, out.length)]) : null;
    if (!r) return twin(a, b, g, out);
    const [o, [aAt, bAt, outAt]] = r;
    if (zeroed) runtime.fn('fill_zero')(outAt, out.length * 4);
    const rows = g.batch * g.outH;
    const args = [aAt, bAt, outAt, g.inH, g.inW, g.inC, g.outH, g.outW, g.kh, g.kw, g.strideH, g.strideW, g.padTop, g.padLeft, 0, rows, 0, g.inC];
    const split = outputs * g.kh * g.kw >= h.splitElements;
    // The forward pass shares out rows; the gradients, which add into what several rows share, blocks of 4 channels.
    if (zeroed) runtime.runRange(name, args, 16, g.inC, h.chunkOf(g.inC, 4), split);
    else runtime.runRange(name, args, 14, rows, h.chunkOf(rows), split);
    o.finish();
  };
  return {
    depthwiseConv2d: pass('dw_conv', forwardJs, false),
    depthwiseConv2dBackpropInput: pass('dw_conv_dx', inputJs, true),
    depthwiseConv2dBackpropFilter: pass('dw_conv_dw', filterJs, true),
  };
}
