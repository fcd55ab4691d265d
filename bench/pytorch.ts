// The seed model in PyTorch (CPU) as the bench's peer, doing exactly tessera's work: the same initial weights
// (tessera's, copied in), the same real MNIST images read from the same IDX files and scaled the same way, the
// same batches in the same order with their real labels, batch 32, Adam with Keras's epsilon; inference on
// the 10k test set at batch 256; each round timed at 1..`threads` threads, the faster kept. It runs as one long-lived
// python process, so the bench can alternate rounds between tessera and PyTorch in one run. Measured only where
// /usr/bin/python3 (Debian's python3-torch with libopenblas0-pthread) or a python3 on the PATH imports torch.
import { flatWeights, startPythonPeer } from './python-peer';

const SCRIPT = `
import copy, sys, time, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
weights_path, mnist_dir, threads, train_batch, infer_batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(threads)

def idx_images(name):
    raw = np.fromfile(f"{mnist_dir}/{name}", dtype=np.uint8, offset=16)
    # As tessera's loader: v / 255 in float64, rounded once to float32.
    return torch.from_numpy((raw.astype(np.float64) / 255).astype(np.float32).reshape(-1, 1, 28, 28))
def idx_labels(name):
    return torch.from_numpy(np.fromfile(f"{mnist_dir}/{name}", dtype=np.uint8, offset=8).astype(np.int64))
train_x, train_y = idx_images("train-images-idx3-ubyte"), idx_labels("train-labels-idx1-ubyte")
test_x = idx_images("t10k-images-idx3-ubyte")

model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                      nn.Linear(32 * 13 * 13, 128), nn.ReLU(), nn.Linear(128, 10))
# tessera's weights in its (Keras) layouts: conv [3,3,1,32], dense [in, out]. Flatten differs (NHWC vs NCHW):
# dense1's rows are permuted to match, so both compute the same function with no extra op in either.
w = np.fromfile(weights_path, dtype=np.float32)
def take(n):
    global w
    part, w = w[:n], w[n:]
    return torch.from_numpy(part.copy())
with torch.no_grad():
    model[0].weight.copy_(take(288).reshape(3, 3, 1, 32).permute(3, 2, 0, 1))
    model[0].bias.copy_(take(32))
    model[4].weight.copy_(take(5408 * 128).reshape(13, 13, 32, 128).permute(3, 2, 0, 1).reshape(128, 5408))
    model[4].bias.copy_(take(128))
    model[6].weight.copy_(take(1280).reshape(128, 10).t())
    model[6].bias.copy_(take(10))
assert w.size == 0
def adam(net):
    return torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
opt = adam(model)

def train(first, count, net=model, optim=opt):
    total = 0.0
    t = time.perf_counter()
    for b in range(first, first + count):
        x, y = train_x[b * train_batch:(b + 1) * train_batch], train_y[b * train_batch:(b + 1) * train_batch]
        optim.zero_grad()
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        optim.step()
        total += loss.item()
    return time.perf_counter() - t, total / count

def infer(samples=None, net=model):
    xs = test_x if samples is None else test_x[:samples]
    out = torch.empty(xs.shape[0], 10)
    t = time.perf_counter()
    with torch.no_grad():
        for i in range(0, xs.shape[0], infer_batch):
            out[i:i + infer_batch] = torch.softmax(net(xs[i:i + infer_batch]), 1)
    return time.perf_counter() - t, float(out.argmax(1).to(torch.float64).sum())

# On a shared machine OpenMP's threads can slow each other down badly (two threads running several times
# slower than one), and which count is faster changes by the minute: every round is timed at each thread count
# and the faster kept. A training round runs on copies of the model and optimizer taken from the same state, and
# the faster copy's state goes on, so the model sees each batch once whichever count won.
def train_best(first, count):
    runs = []
    for n in range(threads, 0, -1):
        net = copy.deepcopy(model)
        optim = adam(net)
        optim.load_state_dict(opt.state_dict())
        torch.set_num_threads(n)
        s, loss = train(first, count, net, optim)
        runs.append((s, loss, n, net, optim))
    s, loss, n, net, optim = min(runs, key=lambda r: r[0])
    model.load_state_dict(net.state_dict())
    opt.load_state_dict(optim.state_dict())
    return s, loss, n

def infer_best():
    runs = []
    for n in range(threads, 0, -1):
        torch.set_num_threads(n)
        runs.append((*infer(), n))
    return min(runs)

print(f"ready {torch.__version__} {float(train_x[:1000].to(torch.float64).sum())}", flush=True)
for line in sys.stdin:
    cmd = line.split()
    if cmd[0] == "warm":
        # A throwaway copy trains on the batches, split between the thread counts, so that the rounds find the
        # allocator and thread pools warm and the model itself untouched.
        first, count = int(cmd[1]), int(cmd[2])
        t = time.perf_counter()
        for i, n in enumerate(range(threads, 0, -1)):
            net = copy.deepcopy(model)
            optim = adam(net)
            torch.set_num_threads(n)
            part = count // threads
            train(first + i * part, part if i < threads - 1 else count - i * part, net, optim)
        print(f"{time.perf_counter() - t} 0 {threads}", flush=True)
    elif cmd[0] == "train":
        s, loss, n = train_best(int(cmd[1]), int(cmd[2]))
        print(f"{s} {loss} {n}", flush=True)
    elif cmd[0] == "infer":
        s, check, n = infer_best()
        print(f"{s} {check} {n}", flush=True)
    else:
        break
`;

/** One timed round: seconds, the mean loss (train) or the sum of predicted classes (infer), and the thread count that ran it. */
export interface PeerRound { seconds: number; value: number; threads: number }

/** The PyTorch seed model, alive between rounds. */
export interface PytorchPeer {
  readonly version: string;
  /** Sum of the first 1000 training images' pixels as PyTorch read them (to check both read the same data). */
  readonly pixelSum: number;
  /** Trains on batches first..first+count-1 of the training set, in order: timed at each thread count, the faster kept. */
  train(first: number, count: number): Promise<PeerRound>;
  /** Trains a throwaway copy of the model on batches first..first+count-1 (split between the thread counts); the model is untouched. */
  warm(first: number, count: number): Promise<PeerRound>;
  /** Predicts the whole test set: timed at each thread count, the faster kept. */
  infer(): Promise<PeerRound>;
  close(): void;
}

/**
 * Starts the PyTorch peer from tessera's initial weights (the seed model's, in getWeights() order) and the
 * MNIST files in `mnistDir`; resolves to a reason instead when no python here imports torch or it fails.
 */
export async function startPytorch(
  weights: readonly Float32Array[], mnistDir: string, threads: number, trainBatch: number, inferBatch: number,
): Promise<PytorchPeer | string> {
  const peer = await startPythonPeer(SCRIPT, [flatWeights(weights)], [mnistDir, String(threads), String(trainBatch), String(inferBatch)], threads);
  if (typeof peer === 'string') return peer;
  const [version, pixelSum] = peer.ready;
  const ask = async (command: string): Promise<PeerRound> => {
    const [seconds, value, threads] = await peer.ask(command);
    return { seconds, value, threads };
  };
  return {
    version,
    pixelSum: Number(pixelSum),
    train: (firstBatch, count) => ask(`train ${firstBatch} ${count}`),
    warm: (firstBatch, count) => ask(`warm ${firstBatch} ${count}`),
    infer: () => ask('infer'),
    close: peer.close,
  };
}
