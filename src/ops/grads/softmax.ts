import { isRecording } from '../../tensor/tape';
import { Tensor, arrayTypeFor } from '../../tensor/tensor';
import { div, mul, sub } from '../binary';
import type { CrossEntropyAttrs } from '../cross-entropy';
import { sum } from '../reduction';
import { softmax } from '../softmax';
import { exp } from '../unary';
import { rule, type GradientTable } from './table';

export const softmaxGrads: GradientTable = {
  softmax: rule((dy, { output: y }) => [mul(y, sub(dy, sum(mul(dy, y), -1, true)))]),
  logSoftmax: rule((dy, { output: y }) => [sub(dy, mul(exp(y), sum(dy, -1, true)))]),
  sparseSoftmaxCrossEntropy: rule<CrossEntropyAttrs>((dy, { inputs: [logits], attrs: { labels, probs, keep } }) => {
    const [rows, classes] = logits.shape;
    const ids = labels.hostValues();
    const oneHot = new (arrayTypeFor(logits.dtype))(logits.size);
    for (let r = 0; r < rows; r++) oneHot[r * classes + ids[r]] = 1;
    // The forward pass's probabilities are not on any tape: under an outer gradient, a recorded softmax replaces them.
    const p = isRecording() ? softmax(logits) : probs;
    // dy is the mean's gradient: every row's loss gets dy / rows (the same bits as dividing, then broadcasting).
    const g = mul(sub(p, new Tensor(logits.shape, logits.dtype, oneHot)), div(dy, rows));
    return [keep ? mul(g, keep) : g];
  }),
};
