// The seed model in PyTorch (CPU), as an optional peer: measured only where a python3 imports torch (Debian's
// python3-torch installs it for /usr/bin/python3, which a pyenv python3 earlier on the PATH can hide).
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import os, time, torch, torch.nn as nn
torch.set_num_threads(os.cpu_count() or 1)
torch.manual_seed(1)
model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                      nn.Linear(32 * 13 * 13, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
loss_fn = nn.CrossEntropyLoss()
x = torch.rand(1024, 1, 28, 28)
y = torch.randint(0, 10, (1024,))
def train(n):
    for i in range(0, n, 32):
        opt.zero_grad()
        loss_fn(model(x[i:i + 32]), y[i:i + 32]).backward()
        opt.step()
def infer(n):
    with torch.no_grad():
        for i in range(0, n, 32):
            torch.softmax(model(x[i:i + 32]), 1)
train(256); infer(256)
def rate(run, n):
    t = time.perf_counter(); run(n); return n / (time.perf_counter() - t)
# Medians of 5 rounds, as for tessera, so one slow round on a shared machine does not decide.
tr = sorted(rate(train, 640) for _ in range(5))[2]
inf = sorted(rate(infer, 1024) for _ in range(5))[2]
print(f"{tr} {inf} {torch.__version__} {torch.get_num_threads()}")
`;

export interface TorchResult { train: number; infer: number; version: string; threads: number }

/** Train and inference samples/s of the seed model in PyTorch, or a reason it was not measured. */
export function measurePytorch(): TorchResult | string {
  const python = ['python3', '/usr/bin/python3'].find((p) => {
    const probe = spawnSync(p, ['-c', 'import torch'], { encoding: 'utf8' });
    return !probe.error && probe.status === 0;
  });
  if (!python) return 'not measured (python3 cannot import torch here)';
  const run = spawnSync(python, ['-c', SCRIPT], { encoding: 'utf8', timeout: 120_000 });
  const [train, infer, version, threads] = (run.stdout ?? '').trim().split(' ');
  if (run.status !== 0 || !Number(train)) return `not measured (the PyTorch run failed: ${(run.stderr ?? '').trim().split('\n').pop()})`;
  return { train: Number(train), infer: Number(infer), version, threads: Number(threads) };
}
