import type * as Tessera from '../src/index';

type Tn = typeof Tessera;

/**
 * A small residual CNN for MNIST, built with the functional API: a conv → batchNormalization → relu stem,
 * residual blocks (conv → BN → relu → conv → BN, added to the block's input, then relu), max-pooling between
 * stages, globalAveragePooling2d, dropout, and a softmax head; L2 on every kernel.
 */
export function resnetModel(tn: Tn, seed = 1): Tessera.LayersModel {
  let n = seed;
  const init = () => tn.initializers.heNormal({ seed: n++ });
  const l2 = tn.regularizers.l2({ l2: 1e-4 });
  const convBn = (x: Tessera.SymbolicTensor, filters: number, relu: boolean): Tessera.SymbolicTensor => {
    const c = tn.layers.conv2d({ filters, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: init(), kernelRegularizer: l2 }).apply(x) as Tessera.SymbolicTensor;
    const b = tn.layers.batchNormalization().apply(c) as Tessera.SymbolicTensor;
    return relu ? (tn.layers.activation({ activation: 'relu' }).apply(b) as Tessera.SymbolicTensor) : b;
  };
  const block = (x: Tessera.SymbolicTensor, filters: number): Tessera.SymbolicTensor => {
    const y = convBn(convBn(x, filters, true), filters, false);
    const sum = tn.layers.add().apply([x, y]) as Tessera.SymbolicTensor;
    return tn.layers.activation({ activation: 'relu' }).apply(sum) as Tessera.SymbolicTensor;
  };
  const input = tn.input({ shape: [28, 28, 1], name: 'image' });
  let x = convBn(input, 32, true);
  x = tn.layers.maxPooling2d({ poolSize: 2 }).apply(x) as Tessera.SymbolicTensor;
  x = block(x, 32);
  x = tn.layers.maxPooling2d({ poolSize: 2 }).apply(x) as Tessera.SymbolicTensor;
  x = convBn(x, 64, true);
  x = block(x, 64);
  x = tn.layers.globalAveragePooling2d().apply(x) as Tessera.SymbolicTensor;
  x = tn.layers.dropout({ rate: 0.25, seed: n++ }).apply(x) as Tessera.SymbolicTensor;
  const probs = tn.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tn.initializers.glorotUniform({ seed: n++ }), kernelRegularizer: l2 }).apply(x) as Tessera.SymbolicTensor;
  return tn.model({ inputs: input, outputs: probs, name: 'mnist_resnet' });
}
