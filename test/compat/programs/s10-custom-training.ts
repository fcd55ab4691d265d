import type { Scalar } from '../../../src/index';
import type { Program } from '../harness';

// Custom training loops as the TF.js guides and core examples write them: tf.variable weights trained by an
// optimizer's minimize or by applyGradients over variableGrads, every tf.train optimizer's state (getWeights,
// setWeights, iterations, getConfig), and what tf.memory() counts while they train.

export const s10CustomTraining: Program[] = [
  {
    name: 'applyGradients takes the [{name, tensor}] list as well as the {name: gradient} map, for every optimizer',
    run: (tf) => {
      const opts = [tf.train.sgd(0.1), tf.train.momentum(0.1, 0.9), tf.train.rmsprop(0.1), tf.train.adagrad(0.1), tf.train.adadelta(1), tf.train.adam(0.1), tf.train.adamax(0.1)];
      return opts.map((opt) => {
        const w = tf.variable(tf.tensor1d([1, 2, 3]), true, 's10ListW');
        const b = tf.variable(tf.scalar(0.5), true, 's10ListB');
        const loss = () => w.square().sum().add(b.mul(3)) as Scalar;
        for (let i = 0; i < 3; i++) {
          const { value, grads } = tf.variableGrads(loss);
          if (i === 1) opt.applyGradients(grads);
          else opt.applyGradients([{ name: 's10ListW', tensor: grads['s10ListW'] }, { name: 's10ListB', tensor: grads['s10ListB'] }]);
          tf.dispose([value, grads['s10ListW'], grads['s10ListB']]);
        }
        const out = [w.arraySync(), b.arraySync(), opt.iterations];
        tf.dispose([w, b]);
        return out;
      });
    },
  },
];
