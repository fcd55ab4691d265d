import { argError, describeValue } from '../util/validate';
import { memory } from './memory';
import { watchOps } from './tape';
import type { TensorContainer } from './tfjs-types';

/** One op run inside tf.profile, as TF.js's KernelInfo. */
export interface KernelInfo {
  name: string;
  bytesAdded: number;
  totalBytesSnapshot: number;
  tensorsAdded: number;
  totalTensorsSnapshot: number;
  inputShapes: number[][];
  outputShapes: number[][];
  kernelTimeMs: number;
  extraInfo: string;
}

/** What tf.profile reports, as TF.js's ProfileInfo. */
export interface ProfileInfo {
  newBytes: number;
  newTensors: number;
  peakBytes: number;
  kernels: KernelInfo[];
  result: TensorContainer;
  kernelNames: string[];
}

// TF.js's kernel names where they are not tessera's op names with a capital letter.
const KERNEL_NAMES: Record<string, string> = {
  mul: 'Multiply', div: 'RealDiv', matMul: 'BatchMatMul', batchMatMul: 'BatchMatMul', sumToShape: 'Sum', where: 'Select',
  fusedMatMul: '_FusedMatMul', conv2d: 'Conv2D', fusedConv2d: 'FusedConv2D', conv2dBackpropInput: 'Conv2DBackpropInput',
  conv2dBackpropFilter: 'Conv2DBackpropFilter', depthwiseConv2d: 'DepthwiseConv2dNative',
  depthwiseConv2dBackpropInput: 'DepthwiseConv2dNativeBackpropInput', depthwiseConv2dBackpropFilter: 'DepthwiseConv2dNativeBackpropFilter',
  maxPoolBackprop: 'MaxPoolGrad', avgPoolBackprop: 'AvgPoolGrad', isNaN: 'IsNan', gather: 'GatherV2', gatherND: 'GatherNd',
  scatterND: 'ScatterNd', split: 'SplitV',
};

const kernelName = (op: string) => KERNEL_NAMES[op] ?? op.charAt(0).toUpperCase() + op.slice(1);

/**
 * Runs f and reports what it left in memory and each op it ran, as tf.profile(f): newBytes and newTensors are the
 * change in tf.memory(), peakBytes the most bytes in use after any op. The ops are tessera's, named as TF.js's
 * kernels; an op that TF.js runs as one kernel may be several here.
 */
export async function profile(f: () => TensorContainer | Promise<TensorContainer>): Promise<ProfileInfo> {
  if (typeof f !== 'function') throw argError('profile', 'f', describeValue(f), 'a function to profile');
  const before = memory();
  const kernels: KernelInfo[] = [];
  const previous = watchOps((name, inputs, outputs) => {
    const now = memory();
    kernels.push({
      name: kernelName(name),
      // Every output's bytes, also one sharing its input's buffer (a reshape), as numBytes counts them.
      bytesAdded: outputs.reduce((n, t) => n + t.storage.byteLength, 0),
      totalBytesSnapshot: now.numBytes,
      tensorsAdded: outputs.length,
      totalTensorsSnapshot: now.numTensors,
      inputShapes: inputs.map((t) => [...t.shape]),
      outputShapes: outputs.map((t) => [...t.shape]),
      kernelTimeMs: 0,
      extraInfo: '',
    });
  });
  let result: TensorContainer;
  try {
    result = await f();
  } finally {
    watchOps(previous);
  }
  const after = memory();
  return {
    newBytes: after.numBytes - before.numBytes,
    newTensors: after.numTensors - before.numTensors,
    peakBytes: Math.max(...kernels.map((k) => k.totalBytesSnapshot)),
    kernels,
    result,
    // A getter, as TF.js's (console.log(info) shows `kernelNames: [Getter]` there too).
    get kernelNames(): string[] {
      return [...new Set(kernels.map((k) => k.name))];
    },
  };
}
