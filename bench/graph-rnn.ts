// A Keras-style RNN converted as a graph model, as tfjs-converter writes one by default (a TF1 loop of frames over
// TensorLists): tessera's GraphModel against TF.js 4.22's, on its cpu and wasm backends, on the same artifacts and
// input, after warm-up, in alternating rounds within one process:
//   npx tsx bench/graph-rnn.ts [--rounds 7] [--steps 100]
// Prints the median ms per executeAsync of each library and tfjs / tessera (above 1: tessera faster).
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tn from '../src/node';
import { intFlag } from '../examples/int-flag';
import { GraphBuilder } from '../test/graph/graph-builder';
import { loweredRnn } from '../test/graph/tf1-loop';
import { median } from './median';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, steps: { type: 'string', default: '100' } } });
const rounds = intFlag('rounds', opts.rounds);
const steps = intFlag('steps', opts.steps);
const [BATCH, INPUTS, UNITS, WARM] = [8, 32, 64, 3];

async function main(): Promise<void> {
  const g = new GraphBuilder(7);
  loweredRnn(g, steps, BATCH, INPUTS, UNITS);
  const values = g.randoms(steps * BATCH * INPUTS);
  const ours = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
  const x = tn.tensor(values, [steps, BATCH, INPUTS]);
  console.log(`SimpleRNN as a TF1 loop over TensorLists: ${steps} steps, batch ${BATCH}, ${INPUTS} inputs, ${UNITS} units; median of ${rounds} alternating rounds`);
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    await tf.ready();
    const peer = await tf.loadGraphModel(tf.io.fromMemory(g.artifacts() as tf.io.ModelArtifacts));
    const tx = tf.tensor(values, [steps, BATCH, INPUTS]);
    const runOurs = async () => (await ours.executeAsync(x, 'seq') as tn.Tensor).dispose();
    const runPeer = async () => (await peer.executeAsync(tx, 'seq') as tf.Tensor).dispose();
    for (let k = 0; k < WARM; k++) { await runOurs(); await runPeer(); }
    const [mine, theirs]: number[][] = [[], []];
    for (let r = 0; r < rounds; r++) {
      for (const [run, into] of [[runOurs, mine], [runPeer, theirs]] as const) {
        const t = performance.now();
        await run();
        into.push(performance.now() - t);
      }
    }
    const [a, b] = [median(mine), median(theirs)];
    console.log(`tessera ${a.toFixed(1)} ms, tfjs ${tf.version.tfjs} ${backend} ${b.toFixed(1)} ms: tfjs / tessera ${(b / a).toFixed(2)}x`);
    tx.dispose();
    peer.dispose();
  }
}

void main();
