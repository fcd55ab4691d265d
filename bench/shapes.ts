// Shape ops on large tensors: tessera's cpu backend against TensorFlow.js's cpu and wasm backends, the same
// op on the same values in one run, as seconds per call and the ratio (peer / tessera: above 1, tessera is faster).
// Run alone: npx tsx bench/shapes.ts
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tn from '../src/index';
import { interleavedMedianSeconds, randomFloat32 } from './gemm-timing';

interface Case {
  name: string;
  shapes: number[][];
  ours: (xs: tn.Tensor[]) => tn.Tensor;
  theirs: (xs: tf.Tensor[]) => tf.Tensor;
}

const cases: Case[] = [
  { name: 'transpose [1024, 1024]', shapes: [[1024, 1024]], ours: ([x]) => tn.transpose(x), theirs: ([x]) => tf.transpose(x) },
  { name: 'transpose [32, 64, 64, 16] to NCHW', shapes: [[32, 64, 64, 16]], ours: ([x]) => tn.transpose(x, [0, 3, 1, 2]), theirs: ([x]) => tf.transpose(x, [0, 3, 1, 2]) },
  { name: 'concat 2 x [512, 1024] on axis 1', shapes: [[512, 1024], [512, 1024]], ours: (xs) => tn.concat(xs, 1), theirs: (xs) => tf.concat(xs, 1) },
  { name: 'slice [1024, 1024] -> [512, 512]', shapes: [[1024, 1024]], ours: ([x]) => tn.slice(x, [100, 200], [512, 512]), theirs: ([x]) => tf.slice(x, [100, 200], [512, 512]) },
  { name: 'pad [32, 28, 28, 16] by 2', shapes: [[32, 28, 28, 16]], ours: ([x]) => tn.pad(x, [[0, 0], [2, 2], [2, 2], [0, 0]]), theirs: ([x]) => tf.pad(x, [[0, 0], [2, 2], [2, 2], [0, 0]]) },
  { name: 'tile [256, 256] by [2, 4]', shapes: [[256, 256]], ours: ([x]) => tn.tile(x, [2, 4]), theirs: ([x]) => tf.tile(x, [2, 4]) },
  { name: 'reverse [1024, 1024] axis 1', shapes: [[1024, 1024]], ours: ([x]) => tn.reverse(x, 1), theirs: ([x]) => tf.reverse(x, 1) },
];

async function main(): Promise<void> {
  tn.setBackend('cpu');
  console.log(`tessera ${tn.getBackend()} against TF.js ${tf.version.tfjs} cpu and wasm; seconds per call (median), ratio = peer / tessera`);
  for (const c of cases) {
    const values = c.shapes.map((s, i) => randomFloat32(s.reduce((a, b) => a * b, 1), i + 1));
    const ours = c.shapes.map((s, i) => tn.tensor(values[i], s));
    const runs = [() => tn.tidy(() => { c.ours(ours).dataSync(); })];
    const peers: string[] = [];
    for (const name of ['cpu', 'wasm']) {
      await tf.setBackend(name);
      const theirs = c.shapes.map((s, i) => tf.tensor(values[i], s));
      const backendName = name;
      runs.push(() => {
        if (tf.getBackend() !== backendName) throw new Error('backend switched mid-run');
        tf.tidy(() => { c.theirs(theirs).dataSync(); });
      });
      peers.push(name);
    }
    // Each peer is timed while its backend is active, interleaved with tessera.
    const cells: string[] = [];
    for (let p = 0; p < peers.length; p++) {
      await tf.setBackend(peers[p]);
      const [t0, t1] = interleavedMedianSeconds([runs[0], runs[p + 1]], 7);
      cells.push(`tessera ${(t0 * 1e3).toFixed(2)} ms vs tf-${peers[p]} ${(t1 * 1e3).toFixed(2)} ms (${(t1 / t0).toFixed(2)}x)`);
    }
    console.log(`${c.name.padEnd(38)} ${cells.join(' | ')}`);
  }
}

void main();
