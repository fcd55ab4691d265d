import { Tensor, arrayTypeFor } from '../../tensor/tensor';
import { mul, sub } from '../binary';
import type { CrossEntropyAttrs } from '../cross-entropy';
import { sum } from '../reduction';
import { exp } from '../unary';
import { rule, type GradientTable } from './table';

export const softmaxGrads: GradientTable = {
  softmax: rule((dy, { output: y }) => [mul(y, sub(dy, sum(mul(dy, y), -1, true)))]),
  logSoftmax: rule((dy, { output: y }) => [sub(dy, mul(exp(y), sum(dy, -1, true)))]),
  sparseSoftmaxCrossEntropy: rule<CrossEntropyAttrs>((dy, { inputs: [logits], attrs: { labels, probs } }) => {
    const [rows, classes] = logits.shape;
    const ids = labels.hostValues();
    const oneHot = new (arrayTypeFor(logits.dtype))(logits.size);
    for (let r = 0; r < rows; r++) oneHot[r * classes + ids[r]] = 1;
    return [mul(sub(probs, new Tensor(logits.shape, logits.dtype, oneHot)), dy.reshape([rows, 1]))];
  }),
};
