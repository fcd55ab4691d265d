"""Writes models.json: PyTorch float64 autograd values for whole models that torch-models.test.ts builds in tessera.

Each model is written here with TF.js 4.22's layer semantics (NHWC, TF 'same' padding, tfjs-layers's cross-entropy on
probabilities, LSTM/GRU gate order and hardSigmoid defaults, batch statistics in training) and seeded weights, which the
test sets on the tessera model with setWeights. For inputs x (and labels y) it stores the model's output, the loss and
its gradient in the trainable weights, a gradient penalty (WGAN-GP style: P = ||d(Σ wo·out)/dx||, and dP/d weights,
so the model's backward pass is differentiated again in the weights), and the Hessian-vector product of the loss in
the trainable weights along seeded directions.

Run: /usr/bin/python3 test/ops/torch-reference/make_models.py (torch 1.13); CI needs only the JSON.
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_reference import conv_tf, depthwise_tf, pool_tf  # noqa: E402

torch.set_default_dtype(torch.float64)
EPS = 1e-7


def dense(x, k, b, act=None):
    y = x @ k + b
    return ACT[act](y) if act else y


ACT = {
    'relu': torch.relu, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid, 'elu': F.elu, 'softmax': lambda y: torch.softmax(y, -1),
    'hardSigmoid': lambda y: torch.clamp(0.2 * y + 0.5, 0, 1), 'linear': lambda y: y,
}


def sparse_ce(y, p):
    """tfjs-layers's sparseCategoricalCrossentropy on probabilities, averaged over the batch."""
    p = torch.clamp(p, EPS, 1 - EPS)
    q = torch.clamp(p / p.sum(-1, keepdim=True), EPS, 1 - EPS)
    return -(F.one_hot(y, p.shape[-1]) * torch.log(q)).sum(-1).mean()


def mse(t, p):
    return ((p - t) ** 2).mean()


def rnn(x, step, state):
    outs = []
    for t in range(x.shape[1]):
        out, state = step(x[:, t], state)
        outs.append(out)
    return torch.stack(outs, 1)


def lstm(x, k, rk, b, units, rec='hardSigmoid', seq=False):
    def step(xt, s):
        h, c = s
        zi, zf, zc, zo = torch.split(xt @ k + h @ rk + b, units, 1)
        c = ACT[rec](zf) * c + ACT[rec](zi) * torch.tanh(zc)
        h = ACT[rec](zo) * torch.tanh(c)
        return h, (h, c)
    zero = torch.zeros(x.shape[0], units)
    y = rnn(x, step, (zero, zero))
    return y if seq else y[:, -1]


def gru(x, k, rk, b, units, rec='hardSigmoid', seq=False):
    def step(xt, h):
        xz, xr, xh = torch.split(xt @ k + b, units, 1)
        z = ACT[rec](xz + h @ rk[:, :units])
        r = ACT[rec](xr + h @ rk[:, units:2 * units])
        hh = torch.tanh(xh + (r * h) @ rk[:, 2 * units:])
        h = z * h + (1 - z) * hh
        return h, h
    y = rnn(x, step, torch.zeros(x.shape[0], units))
    return y if seq else y[:, -1]


def simple_rnn(x, k, rk, b, units):
    def step(xt, h):
        h = torch.tanh(xt @ k + h @ rk + b)
        return h, h
    return rnn(x, step, torch.zeros(x.shape[0], units))[:, -1]


def norm(x, gamma, beta, dims):
    mean = x.mean(dims, keepdim=True)
    var = ((x - mean) ** 2).mean(dims, keepdim=True)
    return (x - mean) / torch.sqrt(var + 1e-3) * gamma + beta


# name: input (kind, shape), label (kind, shape), weight shapes in getWeights order (a model's trainable weights, then
# the others, as TF.js orders them; 'fixed' marks non-trainable ones), forward(x, *weights), loss(label, out).
MODELS = {}


def model(name, x, label, weights, forward, loss):
    MODELS[name] = (x, label, weights, forward, loss)


model('cnn', ('u', [2, 6, 6, 1]), ('int:4', [2]), [[3, 3, 1, 3], [3], [12, 5], [5], [5, 4], [4]],
      lambda x, k1, b1, k2, b2, k3, b3: dense(dense(pool_tf(torch.relu(conv_tf(x, k1, [1, 1], 'valid') + b1), [2, 2], [2, 2], 'valid', 'max')
                                                       .reshape(x.shape[0], -1), k2, b2, 'relu'), k3, b3, 'softmax'), sparse_ce)
model('mlp', ('u', [3, 4]), ('u', [3, 2]), [[4, 5], [5], [5, 4], [4], [4, 3], [3], [3, 2], [2]],
      lambda x, k1, b1, k2, b2, k3, b3, k4, b4: dense(dense(dense(dense(x, k1, b1, 'tanh'), k2, b2, 'sigmoid'), k3, b3, 'elu'), k4, b4), mse)
model('lstm_sequences', ('u', [2, 3, 2]), ('u', [2, 3, 2]), [[2, 12], [3, 12], [12], [3, 2], [2]],
      lambda x, k, rk, b, k2, b2: dense(lstm(x, k, rk, b, 3, seq=True), k2, b2), mse)
model('lstm_last_sigmoid', ('u', [2, 3, 2]), ('int:2', [2]), [[2, 12], [3, 12], [12], [3, 2], [2]],
      lambda x, k, rk, b, k2, b2: dense(lstm(x, k, rk, b, 3, 'sigmoid'), k2, b2, 'softmax'), sparse_ce)
model('gru_sequences_sigmoid', ('u', [2, 3, 2]), ('u', [2, 3, 2]), [[2, 9], [3, 9], [9], [3, 2], [2]],
      lambda x, k, rk, b, k2, b2: dense(gru(x, k, rk, b, 3, 'sigmoid', seq=True), k2, b2), mse)
model('gru_last', ('u', [2, 3, 2]), ('int:2', [2]), [[2, 9], [3, 9], [9], [3, 2], [2]],
      lambda x, k, rk, b, k2, b2: dense(gru(x, k, rk, b, 3), k2, b2, 'softmax'), sparse_ce)
model('simple_rnn', ('u', [2, 4, 2]), ('u', [2, 2]), [[2, 3], [3, 3], [3], [3, 2], [2]],
      lambda x, k, rk, b, k2, b2: dense(simple_rnn(x, k, rk, b, 3), k2, b2), mse)
model('batch_norm_training', ('u', [4, 3]), ('int:3', [4]), [[3, 4], [4], [4], [4], [4, 3], [3], 'fixed:[4]', 'fixedp:[4]'],
      lambda x, k, b, g, be, k2, b2, _m, _v: dense(torch.tanh(norm(dense(x, k, b), g, be, 0)), k2, b2, 'softmax'), sparse_ce)
model('conv1d', ('u', [2, 5, 2]), ('u', [2, 2]), [[3, 2, 3], [3], [15, 2], [2]],
      lambda x, k, b, k2, b2: dense(torch.tanh(conv_tf(x, k, [1], 'same') + b).reshape(x.shape[0], -1), k2, b2, 'sigmoid'), mse)
model('depthwise_separable', ('u', [2, 5, 5, 2]), ('int:3', [2]), [[2, 2, 2, 2], [4], [2, 2, 4, 1], [1, 1, 4, 3], [3], [48, 3], [3]],
      lambda x, dk, db, sd, sp, sb, k, b: dense(torch.relu(conv_tf(depthwise_tf(torch.relu(depthwise_tf(x, dk, [1, 1], 'valid') + db), sd, [1, 1], 'same'), sp, [1, 1], 'valid') + sb)
                                                .reshape(x.shape[0], -1), k, b, 'softmax'), sparse_ce)
model('layer_norm', ('u', [3, 4]), ('u', [3, 2]), [[4, 5], [5], [5], [5], [5, 2], [2]],
      lambda x, k, b, g, be, k2, b2: dense(norm(dense(x, k, b, 'elu'), g, be, -1), k2, b2, 'tanh'), mse)
model('embedding_gap1d', ('int:6', [3, 4]), ('u', [3, 2]), [[6, 3], [3, 2], [2]],
      lambda ids, e, k, b: dense(e[ids].mean(1), k, b, 'sigmoid'), mse)


def make(kind, shape, rng):
    if kind.startswith('int:'):
        return rng.integers(0, int(kind[4:]), size=shape).astype(np.int64)
    return rng.uniform(-1, 1, shape)


def run(index, name, spec):
    (xk, xs), (yk, ys), wshapes, forward, loss_fn = spec
    rng = np.random.default_rng(2000 + index)
    x_np, y_np = make(xk, xs, rng), make(yk, ys, rng)
    w_np = []
    for s in wshapes:
        if isinstance(s, str):
            shape = json.loads(s.split(':')[1])
            w_np.append(rng.uniform(0.5, 1.5, shape) if s.startswith('fixedp') else rng.uniform(-0.5, 0.5, shape))
        else:
            w_np.append(rng.uniform(-0.7, 0.7, s))
    trainable = [i for i, s in enumerate(wshapes) if not isinstance(s, str)]
    ws = [torch.tensor(w, requires_grad=i in trainable) for i, w in enumerate(w_np)]
    tw = [ws[i] for i in trainable]
    x = torch.tensor(x_np, requires_grad=xk.startswith('u'))
    y = torch.tensor(y_np)

    out = forward(x, *ws)
    loss = loss_fn(y, out)
    grad = torch.autograd.grad(loss, tw, create_graph=True)
    dirs = [torch.tensor(rng.uniform(-1, 1, w.shape)) for w in tw]
    hvp = torch.autograd.grad(sum((g * v).sum() for g, v in zip(grad, dirs)), tw)
    wo = torch.tensor(rng.uniform(0.5, 1.5, out.shape))
    entry = {
        'x': {'shape': list(xs), 'dtype': 'int32' if xk.startswith('int') else 'float64', 'values': x_np.reshape(-1).tolist()},
        'y': {'shape': list(ys), 'dtype': 'int32' if yk.startswith('int') else 'float64', 'values': y_np.reshape(-1).tolist()},
        'weights': [w.reshape(-1).tolist() for w in w_np],
        'trainable': trainable,
        'output': out.detach().reshape(-1).tolist(), 'outputShape': list(out.shape),
        'loss': loss.item(),
        'grad': [g.detach().reshape(-1).tolist() for g in grad],
        'directions': [v.reshape(-1).tolist() for v in dirs],
        'hvp': [h.reshape(-1).tolist() for h in hvp],
        'outputWeights': wo.reshape(-1).tolist(),
    }
    if x.requires_grad:
        (gx,) = torch.autograd.grad((wo * forward(x, *ws)).sum(), x, create_graph=True)
        penalty = torch.sqrt((gx * gx).sum())
        entry['penalty'] = penalty.item()
        grads = torch.autograd.grad(penalty, tw, allow_unused=True)
        entry['penaltyGrad'] = [(g if g is not None else torch.zeros_like(w)).reshape(-1).tolist() for g, w in zip(grads, tw)]
    return entry


if __name__ == '__main__':
    out = {name: run(i, name, spec) for i, (name, spec) in enumerate(MODELS.items())}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'models.json')
    with open(path, 'w') as fh:
        json.dump({'torch': torch.__version__, 'models': out}, fh, separators=(',', ':'))
        fh.write('\n')
    print(f'{len(out)} models -> {path} ({os.path.getsize(path)} bytes)')
