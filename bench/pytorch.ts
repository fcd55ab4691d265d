// The seed model in PyTorch (CPU), as an optional peer: measured only where `python3 -c "import torch"` works.
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import time, torch, torch.nn as nn
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
train(128); infer(128)
t = time.perf_counter(); train(640); tr = 640 / (time.perf_counter() - t)
t = time.perf_counter(); infer(1024); inf = 1024 / (time.perf_counter() - t)
print(f"{tr} {inf} {torch.__version__} {torch.get_num_threads()}")
`;

export interface TorchResult { train: number; infer: number; version: string; threads: number }

/** Train and inference samples/s of the seed model in PyTorch, or a reason it was not measured. */
export function measurePytorch(): TorchResult | string {
  const probe = spawnSync('python3', ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'not measured (python3 cannot import torch here)';
  const run = spawnSync('python3', ['-c', SCRIPT], { encoding: 'utf8', timeout: 120_000 });
  const [train, infer, version, threads] = (run.stdout ?? '').trim().split(' ');
  if (run.status !== 0 || !Number(train)) return `not measured (the PyTorch run failed: ${(run.stderr ?? '').trim().split('\n').pop()})`;
  return { train: Number(train), infer: Number(infer), version, threads: Number(threads) };
}
