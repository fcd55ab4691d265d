// `npm run bench:addition`: training samples/s of the addition seq2seq model (examples/addition-model.ts: LSTM
// encoder, repeatVector, LSTM decoder, timeDistributed dense softmax; Adam(0.006), batch 256, as the example)
// in tessera, TensorFlow.js (cpu and wasm backends) and PyTorch (CPU), all from tessera's initial weights, on
// the same batches of the same questions in the same order; a warm-up batch first (and for tessera, a throwaway
// copy's ENGINE_WARM batches before it, as PyTorch's thread choice trains a throwaway copy), then timed rounds
// alternating between the four, in one run. Prints each library's median samples/s, tessera's ratio to each (median of the per-round ratios),
// and each round's mean loss as the check that all do the same work.
//
//   npm run bench:addition -- [--rounds 3] [--batches 2]
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tn from '../src/node';
import { ANSWER, CHARS, QUESTION, additionData, additionModel } from '../examples/addition-model';
import { flatWeights, settle, startPythonPeer } from './python-peer';

const { values: flags } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, batches: { type: 'string', default: '2' } } });
const ROUNDS = Number(flags.rounds);
const BATCHES = Number(flags.batches);
const WARM = 1;
// A fresh process runs tessera's first batches slower while V8 compiles its per-step JavaScript (2,200 samples/s
// over the first 8 batches here, ~4,000 – 4,400 after): a throwaway copy trains this many batches first. PyTorch's
// choice of thread count trains its throwaway copy 8 batches; TF.js's time is its kernels'.
const ENGINE_WARM = 16;
const BATCH = 256;
const UNITS = 128;
const LR = 0.006;
const TORCH_THREADS = 2;

interface Round { seconds: number; loss: number }
/** Trains on batches first..first+count-1, in order; resolves to the time and the mean loss. */
type Trainer = (first: number, count: number) => Promise<Round>;
/** A library under test: its trainer (or why it cannot train) and the loss of batch 0 before any training. */
interface Runner { label: string; train: Trainer | string; initialLoss?: number; close?: () => void }

async function timed(run: () => Promise<number>): Promise<Round> {
  const t = performance.now();
  const loss = await run();
  return { seconds: (performance.now() - t) / 1000, loss };
}

const data = additionData((WARM + ROUNDS * BATCHES) * BATCH, 0, 1234).train;
const X_ROW = QUESTION * CHARS.length;
const Y_ROW = ANSWER * CHARS.length;
const rows = (v: Float32Array, row: number, first: number, count: number) => v.subarray(first * BATCH * row, (first + count) * BATCH * row);

function tesseraRunner(): Runner & { train: Trainer; weights: Float32Array[]; dispose: () => void } {
  tn.setRandomSeed(1);
  const model = additionModel(tn, UNITS);
  model.compile({ optimizer: tn.train.adam(LR), loss: 'categoricalCrossentropy' });
  const batches = (first: number, count: number) => [
    tn.tensor(rows(data.x, X_ROW, first, count), [count * BATCH, QUESTION, CHARS.length]),
    tn.tensor(rows(data.y, Y_ROW, first, count), [count * BATCH, ANSWER, CHARS.length]),
  ] as const;
  const train: Trainer = async (first, count) => {
    const [xs, ys] = batches(first, count);
    const round = await timed(async () => (await model.fit(xs, ys, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 })).history.loss[0] as number);
    tn.dispose([xs, ys]);
    return round;
  };
  const [x0, y0] = batches(0, 1);
  const initialLoss = (model.evaluate(x0, y0) as tn.Tensor).dataSync()[0];
  tn.dispose([x0, y0]);
  return { label: `tessera ${tn.getBackend()}`, train, initialLoss, weights: model.getWeights().map((w) => w.dataSync() as Float32Array), dispose: () => model.dispose() };
}

/** The same model in TF.js on `backend`, from the given weights; a reason instead when that backend cannot train it. */
async function tfjsRunner(backend: 'cpu' | 'wasm', weights: Float32Array[]): Promise<Runner> {
  await tf.setBackend(backend);
  // tessera's weights replace the initial ones: zeros spare TF.js's orthogonal initializer (a slow host-side QR).
  const zeros = () => tf.initializers.zeros();
  const model = additionModel({ ...tf, initializers: { glorotNormal: zeros, glorotUniform: zeros, orthogonal: zeros } }, UNITS);
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(weights[i], w.shape)));
  model.compile({ optimizer: tf.train.adam(LR), loss: 'categoricalCrossentropy' });
  const batches = (first: number, count: number) => [
    tf.tensor3d(rows(data.x, X_ROW, first, count), [count * BATCH, QUESTION, CHARS.length]),
    tf.tensor3d(rows(data.y, Y_ROW, first, count), [count * BATCH, ANSWER, CHARS.length]),
  ] as const;
  const [x0, y0] = batches(0, 1);
  const initialLoss = (model.evaluate(x0, y0) as tf.Scalar).dataSync()[0];
  const label = `tfjs ${tf.version.tfjs} ${backend}`;
  const train: Trainer = async (first, count) => {
    await tf.setBackend(backend);
    const [xs, ys] = batches(first, count);
    const round = await timed(async () => (await model.fit(xs, ys, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 })).history.loss[0] as number);
    tf.dispose([xs, ys]);
    return round;
  };
  try {
    await train(0, WARM);
    return { label, train, initialLoss };
  } catch (e) {
    return { label, train: `n/a (${String(e).split('\n')[0]})`, initialLoss };
  }
}

// PyTorch's nn.LSTM keeps the gates in the same order (i, f, g, o = Keras's i, f, c, o) but as [4·units, in]
// matrices, with two biases: the kernels go in transposed, the bias as bias_ih, bias_hh zero.
const SCRIPT = `
import copy, sys, time, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
wpath, xpath, ypath, units, batch, threads, lr = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
x_all = torch.from_numpy(np.fromfile(xpath, dtype=np.float32).reshape(-1, ${QUESTION}, ${CHARS.length}))
y_all = torch.from_numpy(np.fromfile(ypath, dtype=np.float32).reshape(-1, ${ANSWER}, ${CHARS.length})).argmax(-1)
w = np.fromfile(wpath, dtype=np.float32)
def take(shape):
    global w
    n = int(np.prod(shape)); part, w = w[:n], w[n:]
    return torch.from_numpy(part.copy().reshape(shape))
def lstm(inputs):
    m = nn.LSTM(inputs, units, batch_first=True)
    with torch.no_grad():
        m.weight_ih_l0.copy_(take((inputs, 4 * units)).t()); m.weight_hh_l0.copy_(take((units, 4 * units)).t())
        m.bias_ih_l0.copy_(take((4 * units,))); m.bias_hh_l0.zero_()
    return m
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc, self.dec, self.out = lstm(${CHARS.length}), lstm(units), nn.Linear(units, ${CHARS.length})
        with torch.no_grad(): self.out.weight.copy_(take((units, ${CHARS.length})).t()); self.out.bias.copy_(take((${CHARS.length},)))
    def forward(self, x):
        _, (h, _) = self.enc(x)
        y, _ = self.dec(h[-1].unsqueeze(1).expand(-1, ${ANSWER}, -1))
        return self.out(y)
net = Net()
assert w.size == 0
opt = torch.optim.Adam(net.parameters(), lr=lr, eps=1e-7)
def train(first, count, model=net, optim=opt):
    total = 0.0
    t = time.perf_counter()
    for b in range(first, first + count):
        x, y = x_all[b * batch:(b + 1) * batch], y_all[b * batch:(b + 1) * batch]
        optim.zero_grad()
        loss = F.cross_entropy(model(x).reshape(-1, ${CHARS.length}), y.reshape(-1))
        loss.backward(); optim.step()
        total += loss.item()
    return time.perf_counter() - t, total / count
# On a shared machine two threads can be slower than one: time each count on a throwaway copy, keep the faster.
spare = copy.deepcopy(net); spare_opt = torch.optim.Adam(spare.parameters(), lr=lr, eps=1e-7)
rates = {}
for n in range(threads, 0, -1):
    torch.set_num_threads(n); train(0, 1, spare, spare_opt); rates[n] = train(0, 3, spare, spare_opt)[0]
torch.set_num_threads(min(rates, key=rates.get))
with torch.no_grad(): initial = F.cross_entropy(net(x_all[:batch]).reshape(-1, ${CHARS.length}), y_all[:batch].reshape(-1)).item()
print(f"ready {torch.__version__} {torch.get_num_threads()} {initial}", flush=True)
for line in sys.stdin:
    cmd = line.split()
    if cmd[0] != "train": break
    s, loss = train(int(cmd[1]), int(cmd[2]))
    print(f"{s} {loss}", flush=True)
`;
import { median } from './median';

/** PyTorch as a long-lived process (so rounds alternate with the others); a reason instead where it cannot run. */
async function torchRunner(weights: Float32Array[]): Promise<Runner> {
  const label = 'PyTorch cpu';
  const peer = await startPythonPeer(SCRIPT, [flatWeights(weights), data.x, data.y], [String(UNITS), String(BATCH), String(TORCH_THREADS), String(LR)], TORCH_THREADS);
  if (typeof peer === 'string') return { label, train: peer };
  const [version, threads, initial] = peer.ready;
  const train: Trainer = async (firstBatch, count) => {
    const [seconds, loss] = await peer.ask(`train ${firstBatch} ${count}`);
    return { seconds, loss };
  };
  await train(0, WARM);
  return { train, initialLoss: Number(initial), close: peer.close, label: `PyTorch ${version} cpu (${threads} thread${threads === '1' ? '' : 's'}, the faster of 1..${TORCH_THREADS})` };
}

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || !Number.isInteger(BATCHES) || BATCHES < 1) throw new Error('bench:addition: --rounds and --batches must be positive integers');
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores; Node ${process.version}; load average ${load()}`);
  await tn.setBackend('cpu');
  const ours = tesseraRunner();
  const peers = [await tfjsRunner('cpu', ours.weights), await tfjsRunner('wasm', ours.weights), await torchRunner(ours.weights)];
  const throwaway = tesseraRunner();
  for (let b = 0; b < ENGINE_WARM; b++) await throwaway.train(b % (WARM + ROUNDS * BATCHES), 1);
  throwaway.dispose();
  await ours.train(0, WARM);
  const runners: Runner[] = [ours, ...peers];

  const rounds: Round[][] = runners.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, runner] of runners.entries()) {
      if (typeof runner.train === 'string') continue;
      await settle();
      rounds[i].push(await runner.train(WARM + r * BATCHES, BATCHES));
    }
  }
  peers[2].close?.();

  const rate = (x: Round) => (BATCHES * BATCH) / x.seconds;
  const rates = rounds.map((rs) => rs.map(rate));
  const table = [['library', 'samples/s: median (min–max)', 'tessera / it, per-round median', 'batch 0 loss at start; mean loss per round']];
  runners.forEach((runner, i) => {
    const start = runner.initialLoss === undefined ? '' : `${runner.initialLoss.toFixed(6)};`;
    if (typeof runner.train === 'string') {
      table.push([runner.label, runner.train, '', start]);
      return;
    }
    const ratio = i === 0 ? '' : `${median(rates[0].map((x, k) => x / rates[i][k])).toFixed(2)}x`;
    const spread = `${median(rates[i]).toFixed(0)} (${Math.min(...rates[i]).toFixed(0)}–${Math.max(...rates[i]).toFixed(0)})`;
    table.push([runner.label, spread, ratio, `${start} ${rounds[i].map((x) => x.loss.toFixed(4)).join(' ')}`]);
  });
  console.log(`Addition seq2seq (LSTM ${UNITS}, batch ${BATCH}, Adam(${LR})) from tessera's initial weights: ${ROUNDS} alternating rounds of ${BATCHES} training batches after ${WARM} warm-up batch${WARM === 1 ? '' : 'es'} (tessera's and PyTorch's throwaway copies trained ${ENGINE_WARM} and 8 before)`);
  const widths = table[0].map((_, j) => Math.max(...table.map((row) => row[j].length)));
  for (const row of table) console.log(row.map((x, j) => (j === 0 ? x.padEnd(widths[j]) : x.padStart(widths[j]))).join('  '));
  console.log(`load average now ${load()}`);
}

await main();
