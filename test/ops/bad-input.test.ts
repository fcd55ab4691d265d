import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('bad input gets an Error naming the op, the argument, what came and what was expected', () => {
  const a23 = tn.zeros([2, 3]);
  const cases: [string, () => unknown, RegExp][] = [
    ['matMul inner dims', () => tn.matMul(a23, tn.zeros([2, 3])), /matMul: the inner dimensions .*\[2, 3\].*\[2, 3\].*got 3 and 2/],
    ['matMul rank', () => tn.matMul(tn.zeros([2]), a23), /matMul: a must be rank 2, got shape \[2\]/],
    ['matMul non-tensor', () => tn.matMul('x' as unknown as tn.Tensor, a23), /matMul: a must be a Tensor or TensorLike values .*, got string "x"/],
    ['broadcast', () => tn.add(a23, tn.zeros([2])), /add: a and b must have broadcastable shapes .*got \[2, 3\] and \[2\]/],
    ['conv channels', () => tn.conv2d(tn.zeros([1, 5, 5, 2]), tn.zeros([3, 3, 1, 4]), 1, 'valid'), /conv2d: filter's input channels .*got 1 and 2/],
    ['conv rank', () => tn.conv2d(tn.zeros([5, 2]), tn.zeros([3, 3, 2, 4]), 1, 'valid'), /conv2d: x must be rank 4 \[batch, height, width, channels\], or rank 3 for one image, got shape \[5, 2\]/],
    ['conv strides', () => tn.conv2d(tn.zeros([1, 5, 5, 1]), tn.zeros([3, 3, 1, 1]), 0, 'valid'), /conv2d: strides must be a positive integer or a pair/],
    ['conv pad', () => tn.conv2d(tn.zeros([1, 5, 5, 1]), tn.zeros([3, 3, 1, 1]), 1, 'full' as 'same'), /conv2d: pad must be 'valid', 'same', a non-negative integer, or .* of them, got string "full"/],
    ['conv filter too big', () => tn.conv2d(tn.zeros([1, 2, 2, 1]), tn.zeros([4, 4, 1, 1]), 1, 'valid'), /conv2d: with 'valid' padding the filter \[4, 4, 1, 1\] must come within a stride of fitting/],
    ['maxPool filterSize', () => tn.maxPool(tn.zeros([1, 4, 4, 1]), 1.5, 1, 'valid'), /maxPool: filterSize must be a positive integer/],
    ['reshape size', () => tn.reshape(a23, [4, 2]), /reshape: shape must have the same number of elements \(6\); got \[4, 2\] for a tensor of shape \[2, 3\]/],
    ['reshape two -1', () => tn.reshape(a23, [-1, -1]), /reshape: shape must hold non-negative integers and at most one -1/],
    ['tensor fill', () => tn.tensor([1, 2, 3], [2, 2]), /tensor: values must be 4 values to fill shape \[2, 2\], got 3 values/],
    ['tensor ragged', () => tn.tensor([[1, 2], [3]]), /tensor: values\[1\] must be shape \[2\]/],
    ['tensor negative dim', () => tn.zeros([2, -1]), /zeros|fill: shape must be an array of non-negative integers/],
    ['tensor fractional dim', () => tn.tensor([1, 2], [1.5]), /tensor: shape must be an array of non-negative integers/],
    ['NaN dim, shown as NaN', () => tn.zeros([NaN]), /zeros: shape must be an array of non-negative integers, got an array of length 1 \[NaN\]/],
    ['keep a number', () => tn.keep(5 as unknown as tn.Tensor), /keep: result must be a Tensor, got number 5/],
    ['unknown dtype', () => tn.tensor([1], [1], 'complex64' as 'float32'), /tensor: dtype must be 'float32', 'int32', 'bool' or 'float64', got string "complex64"/],
    ['axis', () => tn.sum(a23, 2), /sum: axis must be integers in \[-2, 2\)/],
    ['axis list, shown', () => tn.squeeze(a23, [5]), /^squeeze: axis must be integers in \[-2, 2\) for a rank-2 tensor, got an array of length 1 \[5\]$/],
    // TF.js 4.22 sums [[1, 2, 3], [4, 5, 6]] over [0, 0] to 21; TensorFlow refuses a repeated axis.
    ['axis named twice', () => tn.sum(a23, [0, 0]), /^sum: axis must be distinct axes of a rank-2 tensor \(axis 0 is named twice\), got an array of length 2 \[0,0\]$/],
    ['axis named twice from the end', () => tn.max(a23, [1, -1]), /^max: axis must be distinct axes .*\(axis 1 is named twice\)/],
    ['moments axis named twice', () => tn.moments(a23, [-2, 0]), /^moments: axis must be distinct axes .*\(axis 0 is named twice\)/],
    ['tidy with a second argument after a function', () => tn.tidy(() => tn.ones([1]), 5 as never), /^tidy: nameOrFn must be a string when fn is given \(tidy\(name, fn\)\), got a function before number$/],
    // Each names the op that was called and its own argument (they named conv2d's pad, add's a and b, sum, ...).
    ['conv1d pad', () => tn.conv1d(tn.zeros([1, 5, 2]) as tn.Tensor3D, tn.zeros([3, 2, 4]) as tn.Tensor3D, 1, 'foo' as never), /^conv1d: pad must be 'valid', 'same', 0 or explicit .*got string "foo"$/],
    ['conv1d causal', () => tn.conv1d(tn.zeros([1, 5, 2]) as tn.Tensor3D, tn.zeros([3, 2, 4]) as tn.Tensor3D, 1, 'causal' as never), /^conv1d: pad .*\('causal' is the padding of layers.conv1d, not of the op\), got string "causal"$/],
    ['conv1d stride and dilation', () => tn.conv1d(tn.zeros([1, 5, 2]) as tn.Tensor3D, tn.zeros([3, 2, 4]) as tn.Tensor3D, 2, 'same', 'NWC', 2), /^conv1d: dilation must be 1 where stride is not 1 \(stride 2\).*got 2$/],
    ['prelu alpha', () => tn.prelu(a23, tn.zeros([5])), /^prelu: x and alpha must have broadcastable shapes .*got \[2, 3\] and \[5\]$/],
    ['fused.matMul bias', () => tn.fused.matMul({ a: a23, b: tn.zeros([3, 2]), bias: tn.zeros([5]) }), /^fused.matMul: bias must be a shape that broadcasts over the output, whose last dim is the 2 output channels, got shape \[5\]$/],
    ['fused.conv2d bias', () => tn.fused.conv2d({ x: tn.zeros([1, 3, 3, 1]) as tn.Tensor4D, filter: tn.zeros([2, 2, 1, 2]) as tn.Tensor4D, strides: 1, pad: 'valid', bias: tn.zeros([5]) }), /^fused.conv2d: bias must be .*got shape \[5\]$/],
    ['less of numbers and a string', () => tn.less(a23, 'a' as never), /^less: a must be strings, as b is \(strings compare only with strings\), got a tensor of shape \[2, 3\]/],
    ['grads dy a list', () => tn.grads((t: tn.Tensor) => t.sum())([tn.ones([3])], [tn.ones([3])] as never), /^grads: dy\[0\] must be a number/],
    ['mean keepDims', () => tn.mean(a23, 0, 'yes' as never), /^mean: keepDims must be a boolean, got string "yes"$/],
    ['pool pad', () => tn.pool(tn.zeros([1, 4, 4, 1]) as tn.Tensor4D, [2, 2], 'max', 'foo' as never), /^pool: pad must be 'valid', 'same'/],
    ['valueAndGrad dy', () => tn.valueAndGrad((t: tn.Tensor) => t.sum())(tn.ones([3]), 'dy' as never), /^valueAndGrad: dy must be a Tensor, got string "dy"$/],
    ['assign null', () => tn.variable(tn.zeros([2])).assign(null as never), /^Variable.assign: value must be a Tensor, got null$/],
    ['variable trainable', () => tn.variable(tn.zeros([2]), 'yes' as never), /^variable: trainable must be a boolean, got string "yes"$/],
    ['variableGrads varList entry', () => tn.variableGrads(() => tn.scalar(1), [tn.zeros([1]) as never]), /^variableGrads: varList\[0\] must be a Variable \(made by tf.variable\), got a tensor of shape \[1\]/],
    ['glorotUniform seed, under its own name', () => tn.initializers.glorotUniform({ seed: 'a' as never }), /^initializers.glorotUniform: seed must be a finite number, got "a"$/],
    ['randomUniform seed, under its own name', () => tn.initializers.randomUniform({ seed: NaN }), /^initializers.randomUniform: seed must be a finite number, got NaN$/],
    ['buffer set out of range', () => tn.buffer([2, 3]).set(1, 0, 4), /^TensorBuffer.set: locs \[0, 4\] are out of range for shape \[2, 3\]$/],
    ['labels', () => tn.sparseSoftmaxCrossEntropy(tn.tensor([0, 3]), a23), /sparseSoftmaxCrossEntropy: labels\[1\] must be an integer class id in \[0, 3\), got 3/],
    ['labels shape', () => tn.sparseSoftmaxCrossEntropy(tn.tensor([0]), a23), /labels must be shape \[2\]/],
    ['slice', () => tn.slice(a23, 3), /slice: begin must be an integer in \[0, 2\]/],
    ['dilation2d filter depth', () => tn.dilation2d(tn.zeros([1, 4, 4, 2]), tn.zeros([2, 2, 3]), 1, 'valid'), /dilation2d: filter must be depth \(dim 2\) equal to x's depth 2, got shape \[2, 2, 3\]/],
    ['dilation2d rank', () => tn.dilation2d(tn.zeros([4, 4]), tn.zeros([2, 2, 1]), 1, 'valid'), /dilation2d: x must be rank 4 .*got shape \[4, 4\]/],
    ['conv3dTranspose outputShape', () => tn.conv3dTranspose(tn.zeros([1, 2, 2, 2, 1]), tn.zeros([1, 1, 1, 1, 1]), [1, 2, 2, 2], 1, 'valid'), /conv3dTranspose: outputShape must be a shape of x's rank 5/],
    ['maxPoolWithArgmax rank', () => tn.maxPoolWithArgmax(tn.zeros([4, 4, 1]) as tn.Tensor4D, 2, 2, 'valid'), /maxPoolWithArgmax: x must be rank 4 .*got shape \[4, 4, 1\]/],
    ['maxPoolWithArgmax includeBatchInIndex', () => tn.maxPoolWithArgmax(tn.zeros([1, 4, 4, 1]) as tn.Tensor4D, 2, 2, 'valid', 1 as unknown as boolean), /maxPoolWithArgmax: includeBatchInIndex must be a boolean, got number 1/],
    ['fused activation', () => tn.fused.matMul({ a: a23, b: tn.zeros([3, 2]), activation: 'gelu' as 'relu' }), /fused.matMul: activation must be 'linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'prelu', 'sigmoid', got "gelu"/],
    ['fused misspelled key', () => tn.fused.matMul({ a: a23, b: tn.zeros([3, 2]), activaton: 'relu' } as never), /^fused.matMul: config.activaton must be one of a, b, transposeA, transposeB, bias, activation, preluActivationWeights, leakyreluAlpha, got an unknown option$/],
    ['fused conv misspelled key', () => tn.fused.conv2d({ x: tn.zeros([1, 3, 3, 1]), filter: tn.zeros([2, 2, 1, 1]), strides: 1, pad: 'valid', bais: tn.zeros([1]) } as never), /^fused.conv2d: config.bais must be one of x, filter, .*got an unknown option$/],
    ['fused depthwise misspelled key', () => tn.fused.depthwiseConv2d({ x: tn.zeros([1, 3, 3, 1]), filter: tn.zeros([2, 2, 1, 1]), strides: 1, pad: 'valid', dilation: 2 } as never), /^fused.depthwiseConv2d: config.dilation must be one of x, filter, .*got an unknown option$/],
    ['disposed', () => { const t = tn.zeros([1]); t.dispose(); return tn.relu(t); }, /^Tensor is disposed\.$/],
    ['grad of unused arg', () => tn.grads((x) => tn.sum(x))([tn.ones([1]), tn.ones([1])]), /does not depend on it/],
  ];
  for (const [name, f, message] of cases) {
    it(name, () => {
      let error: unknown;
      try {
        f();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(message);
    });
  }
});
