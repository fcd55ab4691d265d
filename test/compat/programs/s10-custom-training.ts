import type { Scalar, Tensor } from '../../../src/index';
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
  {
    name: 'gradients and optimizer slots come in the order TF.js registers variables, not the order f uses them',
    run: async (tf) => {
      const named = tf.variable(tf.tensor2d([[1, -2], [3, 0.5]]), true, 's10OrderW');
      const b = tf.variable(tf.tensor1d([0.1, 0.2]), true, 's10OrderB');
      const unnamed = tf.variable(tf.scalar(0.7));
      const label = (name: string) => (name.startsWith(named.name) ? 'w' : name.startsWith(b.name) ? 'b' : name.startsWith(unnamed.name) ? 'u' : name);
      // b is used first (an argument is evaluated before the call), the unnamed variable last.
      const loss = () => named.matMul(b.reshape([2, 1])).square().sum().mul(unnamed) as Scalar;
      const { value, grads } = tf.variableGrads(loss);
      const keys = Object.keys(grads).map(label);
      tf.dispose([value, ...Object.values(grads)]);
      const out: unknown[] = [keys];
      for (const opt of [tf.train.momentum(0.1, 0.9), tf.train.rmsprop(0.05, 0.8, 0.5, 1e-6, true), tf.train.adagrad(0.1), tf.train.adadelta(1), tf.train.adam(0.05)]) {
        named.assign(tf.tensor2d([[1, -2], [3, 0.5]]));
        b.assign(tf.tensor1d([0.1, 0.2]));
        unnamed.assign(tf.scalar(0.7));
        for (let i = 0; i < 3; i++) opt.minimize(loss);
        const weights = await opt.getWeights();
        out.push(opt.getClassName(), weights.map((nt) => [label(nt.name), nt.tensor]), named.arraySync(), b.arraySync(), unnamed.arraySync());
      }
      tf.dispose([named, b, unnamed]);
      return out;
    },
  },
  {
    name: 'minimize refuses a loss that reaches no trainable variable, a var list of none trainable and a loss of shape [1]',
    run: (tf) => {
      const a = tf.variable(tf.scalar(1));
      const frozen = tf.variable(tf.scalar(3), false);
      const opt = tf.train.sgd(0.1);
      const attempts: [string, () => unknown][] = [
        ['constant loss', () => opt.minimize(() => tf.scalar(2).mul(3) as Scalar)],
        ['frozen only', () => opt.minimize(() => frozen.mul(2) as Scalar)],
        ['frozen var list', () => opt.minimize(() => frozen.mul(a) as Scalar, false, [frozen])],
        ['shape [1] loss', () => opt.minimize(() => a.mul(tf.tensor1d([2])) as unknown as Scalar)],
        ['variableGrads of a constant', () => tf.variableGrads(() => tf.scalar(1))],
      ];
      const out = attempts.map(([what, attempt]) => {
        try {
          attempt();
          return `${what}: ran`;
        } catch {
          return `${what}: refused`;
        }
      });
      // A frozen variable in the list is left out; the trainable one still trains.
      opt.minimize(() => frozen.mul(a) as Scalar, false, [a, frozen]);
      out.push(`a ${a.dataSync()[0]}, frozen ${frozen.dataSync()[0]}, iterations ${opt.iterations}`);
      tf.dispose([a, frozen]);
      return out;
    },
  },
  {
    name: 'tf.memory() while each optimizer is made, trains in tf.tidy, saves and restores its state, and is disposed',
    run: async (tf) => {
      const start = tf.memory().numTensors;
      const seen: string[] = [];
      const trained: Record<string, number[]> = {};
      const note = (what: string) => {
        // Tensors only: earlier string tensors of the same process can leave TF.js's numBytes NaN.
        seen.push(`${what}: ${tf.memory().numTensors - start} tensors`);
      };
      const w = tf.variable(tf.tensor2d([[0.5, -0.3], [0.2, 0.8]]));
      const x = tf.tensor2d([[1, 2], [3, -1], [0.5, 0.5]]);
      const y = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
      note('data');
      const makers: [string, () => ReturnType<typeof tf.train.sgd> | ReturnType<typeof tf.train.adam> | ReturnType<typeof tf.train.momentum> | ReturnType<typeof tf.train.rmsprop> | ReturnType<typeof tf.train.adagrad> | ReturnType<typeof tf.train.adadelta> | ReturnType<typeof tf.train.adamax>][] = [
        ['sgd', () => tf.train.sgd(0.1)], ['rmsprop', () => tf.train.rmsprop(0.01)],
        ['centered rmsprop', () => tf.train.rmsprop(0.01, 0.9, 0.2, 1e-7, true)], ['adagrad', () => tf.train.adagrad(0.1)],
        ['adadelta', () => tf.train.adadelta(1)], ['adam', () => tf.train.adam(0.01)], ['adamax', () => tf.train.adamax(0.01)],
        ['momentum', () => tf.train.momentum(0.1, 0.9)],
      ];
      for (const [name, make] of makers) {
        const opt = make();
        note(`${name} made`);
        for (let i = 0; i < 3; i++) tf.tidy(() => { opt.minimize(() => tf.losses.meanSquaredError(y, x.matMul(w)) as Scalar); });
        note(`${name} after 3 steps`);
        trained[name] = Array.from(w.dataSync());
        // Each starts from the same point (Adam's ε enters where Keras puts it: near a minimum it parts from TF.js's).
        tf.tidy(() => w.assign(tf.tensor2d([[0.5, -0.3], [0.2, 0.8]])));
        // TF.js's Momentum.dispose leaves its rate scalar alive (a leak tessera does not copy), so it stays.
        if (name === 'momentum') continue;
        opt.dispose();
        note(`${name} disposed`);
      }
      const sgd = tf.train.sgd(0.1);
      sgd.setLearningRate(0.05);
      note('sgd with a new rate');
      const adam = tf.train.adam(0.01);
      const cost = adam.minimize(() => tf.losses.meanSquaredError(y, x.matMul(w)) as Scalar, true);
      note('adam cost kept');
      const state = await adam.getWeights();
      note('adam getWeights');
      const copy = tf.train.adam(0.01);
      await copy.setWeights(state);
      note('second adam setWeights');
      tf.dispose([cost!, state[0].tensor]);
      note('cost and iter disposed');
      return { seen, trained, w };
    },
  },
  {
    name: "sgd and momentum step with the rate setLearningRate set, as TF.js's (assigning learningRate only changes getConfig)",
    run: (tf) => {
      const out: unknown[] = [];
      for (const opt of [tf.train.sgd(0.1), tf.train.momentum(0.1, 0.9), tf.train.momentum(0.1, 0.5, true)]) {
        const w = tf.variable(tf.tensor1d([1, -2]));
        const loss = () => w.square().sum() as Scalar;
        opt.minimize(loss);
        opt.learningRate = 0.5;
        opt.minimize(loss);
        const assigned = w.arraySync();
        opt.setLearningRate(0.01);
        opt.minimize(loss);
        out.push(opt.getClassName(), assigned, w.arraySync(), opt.getConfig(), opt.iterations);
        w.dispose();
      }
      return out;
    },
  },
  {
    name: 'the optimizer classes, their static className (what tf.serialization registers) and instanceof',
    run: (tf) => {
      const classes = [tf.SGDOptimizer, tf.MomentumOptimizer, tf.RMSPropOptimizer, tf.AdagradOptimizer, tf.AdadeltaOptimizer, tf.AdamOptimizer, tf.AdamaxOptimizer];
      const made = [tf.train.sgd(0.1), tf.train.momentum(0.1, 0.9), tf.train.rmsprop(0.1), tf.train.adagrad(0.1), tf.train.adadelta(), tf.train.adam(), tf.train.adamax()];
      const direct = new tf.MomentumOptimizer(0.05, 0.5, true);
      return {
        classNames: classes.map((c) => c.className),
        made: made.map((o, i) => [o.getClassName(), o instanceof classes[i], o instanceof tf.Optimizer, (o.constructor as unknown as { className: string }).className]),
        momentumIsSgd: made[1] instanceof tf.SGDOptimizer,
        direct: [direct.getClassName(), direct.getConfig()],
      };
    },
  },
  {
    name: 'variableGrads over a var list with a frozen variable names it with a null gradient, which applyGradients skips',
    run: (tf) => {
      const a = tf.variable(tf.scalar(2), true, 's10FrozenA');
      const c = tf.variable(tf.scalar(3), false, 's10FrozenC');
      const { value, grads } = tf.variableGrads(() => a.mul(c).square() as Scalar, [a, c]);
      const seen: unknown[] = [value, Object.keys(grads), grads['s10FrozenA'], grads['s10FrozenC'] === null];
      const opt = tf.train.adagrad(0.5);
      opt.applyGradients(grads);
      seen.push(a.arraySync(), c.arraySync(), opt.iterations);
      tf.dispose([a, c]);
      return seen;
    },
  },
  {
    name: 'tf.memory() across compile by optimizer name, fit and dispose, and the names of the optimizer state fit made',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const name of ['sgd', 'adam', 'rmsprop', 'adagrad', 'adadelta']) {
        const start = tf.memory().numTensors;
        const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })] });
        const built = tf.memory().numTensors - start;
        model.compile({ optimizer: name, loss: 'meanSquaredError' });
        const compiled = tf.memory().numTensors - start;
        const x = tf.tensor2d([[1, 2, 3], [0, 1, 0]]);
        const y = tf.tensor2d([[1, 0], [0, 1]]);
        const history = await model.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
        const trained = tf.memory().numTensors - start;
        const state = await model.optimizer!.getWeights();
        // Layer names count up across the process: their numbers are left out.
        out.push(name, built, compiled, trained, history.history.loss, state.map((w) => w.name.replace(/\d+/g, '')), model.getWeights()[0].arraySync());
        tf.dispose([x, y, state[0].tensor]);
        model.dispose();
        out.push(tf.memory().numTensors - start);
      }
      return out;
    },
  },
  {
    name: 'polynomial regression as the core example writes it: scalar variables, pow by an int32 scalar, sgd.minimize returning the cost',
    run: (tf) => {
      const start = tf.memory().numTensors;
      const [a, b, c, d] = [0.3, -0.2, 0.1, 0.4].map((v) => tf.variable(tf.scalar(v)));
      const xs = tf.tensor1d(Array.from({ length: 20 }, (_, i) => Math.sin(i + 1)));
      const ys = tf.tidy(() => xs.pow(tf.scalar(3, 'int32')).mul(-0.8).add(xs.square().mul(0.2)).add(xs.mul(0.9)).add(0.5));
      const predict = (x: Tensor) => tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32'))).add(b.mul(x.square())).add(c.mul(x)).add(d));
      const optimizer = tf.train.sgd(0.5);
      const costs: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < 30; i++) {
        const cost = optimizer.minimize(() => predict(xs).sub(ys).square().mean() as Scalar, true);
        costs.push(cost!.dataSync()[0]);
        cost!.dispose();
        counts.push(tf.memory().numTensors - start);
      }
      return { costs, counts, coeffs: [a, b, c, d].map((v) => v.dataSync()[0]), iterations: optimizer.iterations };
    },
  },
  {
    name: 'a conv net of tf.variable weights (conv2d, relu, maxPool, matMul) trained by centered rmsprop with momentum',
    run: (tf) => {
      const images = tf.tensor4d(Array.from({ length: 2 * 6 * 6 }, (_, i) => Math.cos(i * 0.7)), [2, 6, 6, 1]);
      const filter = tf.variable(tf.tensor4d(Array.from({ length: 9 * 2 }, (_, i) => Math.sin(i + 1) * 0.3), [3, 3, 1, 2]));
      const dense = tf.variable(tf.tensor2d(Array.from({ length: 8 * 3 }, (_, i) => Math.cos(i * 1.3) * 0.2), [8, 3]));
      const labels = tf.tensor2d([[1, 0, 0], [0, 0, 1]]);
      const optimizer = tf.train.rmsprop(0.01, 0.9, 0.5, undefined, true);
      const logits = () => tf.maxPool(tf.relu(tf.conv2d(images, filter, 1, 'same')), 2, 2, 'valid').reshape([2, 8]).matMul(dense);
      const costs: number[] = [];
      for (let i = 0; i < 4; i++) {
        const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, logits()) as Scalar, true);
        costs.push(cost!.dataSync()[0]);
        cost!.dispose();
      }
      const accuracy = tf.tidy(() => tf.metrics.categoricalAccuracy(labels, logits()).mean());
      return { costs, filter, dense, accuracy };
    },
  },
  {
    name: "adamax's state saved with getWeights and restored into another with setWeights",
    deviation: "TF.js 4.22's Adamax throws 'getWeights() is not implemented for Adamax yet'; tessera saves and restores its moments as for the other optimizers (so a model compiled with adamax saves with includeOptimizer)",
    run: async (tf) => {
      const w = tf.variable(tf.tensor1d([1, -2, 0.5]));
      const loss = () => w.sub(tf.tensor1d([0.5, 0.5, 0.5])).square().sum() as Scalar;
      const first = tf.train.adamax(0.1);
      for (let i = 0; i < 3; i++) first.minimize(loss);
      const second = tf.train.adamax(0.1);
      await second.setWeights(await first.getWeights());
      second.minimize(loss);
      const out = [w.arraySync(), second.iterations];
      w.dispose();
      return out;
    },
  },
];
