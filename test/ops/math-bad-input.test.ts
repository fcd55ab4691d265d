import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('math ops: bad input gets an Error naming the op, the argument, what came and what was expected', () => {
  const a23 = tn.zeros([2, 3]);
  const cases: [string, () => unknown, RegExp][] = [
    ['unary non-tensor', () => tn.sin('x' as unknown as tn.Tensor), /sin: x must be a Tensor or TensorLike values .*, got string "x"/],
    ['unary disposed', () => { const t = tn.zeros([1]); t.dispose(); return tn.erf(t); }, /^Tensor is disposed\.$/],
    ['binary shapes', () => tn.atan2(a23, tn.zeros([2])), /atan2: a and b must have broadcastable shapes .*got \[2, 3\] and \[2\]/],
    ['comparison shapes', () => tn.notEqual(a23, tn.zeros([4])), /notEqual: a and b must have broadcastable shapes/],
    ['squaredDifference shapes', () => tn.squaredDifference(a23, tn.zeros([2])), /squaredDifference: a and b must have broadcastable shapes/],
    ['clipByValue order', () => tn.clipByValue(a23, 3, 1), /clipByValue: clipValueMin must be at most clipValueMax, got 3 with clipValueMax 1/],
    ['clipByValue type', () => tn.clipByValue(a23, '0' as unknown as number, 1), /clipByValue: clipValueMin must be a number, got string "0"/],
    ['clipByValue NaN', () => tn.clipByValue(a23, 0, NaN), /clipByValue: clipValueMax must be a number, got number NaN/],
    ['leakyRelu alpha', () => tn.leakyRelu(a23, 'x' as unknown as number), /leakyRelu: alpha must be a number, got string "x"/],
    ['prelu alpha', () => tn.prelu(a23, 'x' as unknown as tn.Tensor), /prelu: alpha must be a Tensor or TensorLike values .*, got string "x"/],
    ['prelu shapes', () => tn.prelu(a23, tn.zeros([2])), /prelu: x and alpha must have broadcastable shapes/],
    ['step alpha', () => tn.step(a23, '1' as unknown as number), /step: alpha must be a number, got string "1"/],
    ['addN empty', () => tn.addN([]), /addN: tensors must be a non-empty array of Tensors, got an array of length 0/],
    ['addN element', () => tn.addN([a23, 'x' as unknown as tn.Tensor]), /addN: tensors\[1\] must be a Tensor or TensorLike values .*, got string/],
    ['addN shapes', () => tn.addN([a23, tn.zeros([3])]), /addN: tensors\[1\] must be the shape \[2, 3\] of tensors\[0\] \(addN does not broadcast\), got shape \[3\]/],
    ['addN dtypes', () => tn.addN([a23, tn.zeros([2, 3], 'int32')]), /addN: tensors\[0\] and tensors\[1\] must have the same dtype, got float32 and int32/],
    ['prod axis', () => tn.prod(a23, 2), /prod: axis must be integers in \[-2, 2\) for a rank-2 tensor, got number 2/],
    ['any axis', () => tn.any(a23.greater(0), 0.5), /any: axis must be integers in \[-2, 2\)/],
    ['all keepDims', () => tn.all(a23.greater(0), 0, 1 as unknown as boolean), /all: keepDims must be a boolean, got number 1/],
    ['any of a float tensor', () => tn.any(a23), /any: x must be a bool tensor, got a float32 tensor/],
    ['logSumExp axis', () => tn.logSumExp(a23, [0, 5]), /logSumExp: axis must be integers in \[-2, 2\)/],
    ['cumsum axis', () => tn.cumsum(a23, 2), /cumsum: axis must be an integer in \[-2, 2\) for a rank-2 tensor, got number 2/],
    ['cumsum fractional axis', () => tn.cumsum(a23, 0.5), /cumsum: axis must be an integer in \[-2, 2\)/],
    ['cumsum scalar', () => tn.cumsum(tn.scalar(1)), /cumsum: axis must be a tensor of rank >= 1 \(x is a scalar\), got number 0/],
    ['cumsum exclusive', () => tn.cumsum(a23, 0, 'yes' as unknown as boolean), /cumsum: exclusive must be a boolean, got string "yes"/],
    ['moments axis', () => tn.moments(a23, -3), /moments: axis must be integers in \[-2, 2\)/],
    ['norm ord', () => tn.norm(a23, 3), /norm: ord must be 'euclidean', 1, 2, Infinity or -Infinity for a vector norm, got number 3/],
    ['norm fro on one axis', () => tn.norm(a23, 'fro', 1), /norm: ord must be 'euclidean', 1, 2, Infinity or -Infinity for a vector norm, got string "fro"/],
    ['norm fro with no axis', () => tn.norm(a23, 'fro'), /norm: ord must be 'euclidean', 1, 2, Infinity or -Infinity for a vector norm, got string "fro"/],
    ['norm 2 on a matrix', () => tn.norm(a23, 2, [0, 1]), /norm: ord must be 'euclidean', 'fro', 1, Infinity or -Infinity for a matrix norm, got number 2/],
    ['norm three axes', () => tn.norm(tn.zeros([2, 2, 2]), 'euclidean', [0, 1, 2]), /norm: axis must be null, one axis or two axes \(or \[\] for a vector or a scalar\), got an array of length 3 \[0,1,2\]/],
    ['norm same axis twice', () => tn.norm(a23, 'fro', [1, -1]), /norm: axis must be two distinct axes, got \[1,-1\]/],
    ['norm axis range', () => tn.norm(a23, 1, 2), /norm: axis must be integers in \[-2, 2\)/],
  ];

  it.each(cases)('%s', (_name, f, message) => {
    expect(f).toThrow(message);
  });
});
