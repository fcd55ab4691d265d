"""Writes reference.json: PyTorch float64 autograd values for the cases that torch-reference.test.ts checks.

Each case is an op written with TF.js 4.22's semantics in torch (NHWC layouts, TF 'same' padding, TF's loss
reductions). For seeded inputs x, output weights w and directions v it stores the forward value f(x), the gradient of
L1 = sum(w * f), and two Hessian-vector products: of L1 (the op's own second derivative, upstream gradient fixed) and
of L2 = sum(w * f^2) (the upstream gradient now depends on x, so the backward rule is differentiated in it too), and
the third derivative of L2 along v twice (every backward rule's backward rule differentiated once more).
Input kinds: 'u' (-2, 2), 'p' (0.5, 2), 'nz' |x| in (0.2, 2), 'unit' (-0.9, 0.9), 'gt1' (1.2, 3), 'prob' (0.05, 0.95),
'big' (-40, 40), 'huge' (300, 700), 'zero1' as 'nz' with an exact 0 at flat index 1, 'dist' distinct values on a 0.1
grid (no ties), 'dist2' the same grid moved by 0.025 (no ties with 'dist'); 'int:N' int32 in [0, N) and the
'c'-prefixed kinds are constants (not differentiated): 'c01' {0, 1} labels, 'cmask' as 'c01' with a leading 1,
'cprob' rows of probabilities summing to 1 along the last axis, 'cu' as 'u', 'const:JSON' the values written
(and 'vals:JSON' the same, differentiated).

Run: /usr/bin/python3 test/ops/torch-reference/make_reference.py (torch 1.13); CI needs only the JSON.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
T = torch.tensor


def make_input(kind, shape, rng):
    n = int(np.prod(shape)) if shape else 1
    if kind.startswith('int:'):
        return rng.integers(0, int(kind[4:]), size=shape).astype(np.int64)
    if kind.startswith('const:') or kind.startswith('vals:'):
        return np.array(json.loads(kind.split(':', 1)[1])).reshape(shape)
    if kind == 'u' or kind == 'cu':
        a = rng.uniform(-2, 2, n)
    elif kind == 'p':
        a = rng.uniform(0.5, 2, n)
    elif kind == 'nz':
        a = rng.uniform(0.2, 2, n) * rng.choice([-1, 1], n)
    elif kind == 'unit':
        a = rng.uniform(-0.9, 0.9, n)
    elif kind == 'gt1':
        a = rng.uniform(1.2, 3, n)
    elif kind == 'prob':
        a = rng.uniform(0.05, 0.95, n)
    elif kind in ('dist', 'dist2'):
        a = (rng.permutation(n) - n / 2 + (0.25 if kind == 'dist' else 0.5)) * 0.1
    elif kind == 'c01':
        a = rng.integers(0, 2, n).astype(np.float64)
    elif kind == 'big':
        a = rng.uniform(-40, 40, n)
    elif kind == 'huge':
        a = rng.uniform(300, 700, n)
    elif kind == 'zero1':
        a = rng.uniform(0.2, 2, n) * rng.choice([-1, 1], n)
        a[1] = 0.0
    elif kind == 'cmask':
        a = rng.integers(0, 2, n).astype(np.float64)
        a[0] = 1.0
    elif kind == 'cprob':
        a = rng.uniform(0.1, 1, n).reshape(shape)
        return a / a.sum(-1, keepdims=True)
    else:
        raise ValueError(kind)
    return a.reshape(shape)


# --- TF semantics in torch ---------------------------------------------------------------------------------------

def same_pads(sizes, ks, strides, dils):
    pads = []
    for n, k, s, d in zip(sizes, ks, strides, dils):
        ek = (k - 1) * d + 1
        out = -(-n // s)
        total = max((out - 1) * s + ek - n, 0)
        pads.append((total // 2, total - total // 2))
    return pads


def pad_spatial(x_cf, pads, value=0.0):
    flat = []
    for b, a in reversed(pads):
        flat += [b, a]
    return F.pad(x_cf, flat, value=value)


def to_cf(x):  # NH..C -> NC H..
    return x.permute(0, x.dim() - 1, *range(1, x.dim() - 1))


def to_cl(x):
    return x.permute(0, *range(2, x.dim()), 1)


CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}


def conv_tf(x, f, strides, pad, dils=None, groups=1):
    """TF conv over NH..C x with an [k.., in/groups, out] filter (groups as depthwise: out = in * multiplier)."""
    nd = x.dim() - 2
    dils = dils or [1] * nd
    ks = list(f.shape[:nd])
    xc = to_cf(x)
    if pad == 'same':
        xc = pad_spatial(xc, same_pads(list(x.shape[1:-1]), ks, strides, dils))
    w = f.permute(nd + 1, nd, *range(nd))
    return to_cl(CONV[nd](xc, w, stride=strides, dilation=dils, groups=groups))


def depthwise_tf(x, f, strides, pad, dils=None):
    kh, kw, c, m = f.shape
    w = f.permute(2, 3, 0, 1).reshape(c * m, 1, kh, kw).permute(2, 3, 1, 0)
    return conv_tf(x, w, strides, pad, dils, groups=c)


def conv_transpose_tf(x, f, out_shape, strides, pad):
    """The transpose of conv_tf: its vector-Jacobian product in its input, at an upstream gradient of x."""
    z = torch.zeros(out_shape, requires_grad=True)
    y = conv_tf(z, f, strides, pad)
    (g,) = torch.autograd.grad(y, z, grad_outputs=x, create_graph=True)
    return g


MAXP = {2: F.max_pool2d, 3: F.max_pool3d}
AVGP = {2: F.avg_pool2d, 3: F.avg_pool3d}


def pool_tf(x, k, s, pad, mode):
    nd = x.dim() - 2
    xc = to_cf(x)
    if pad == 'same':
        pads = same_pads(list(x.shape[1:-1]), k, s, [1] * nd)
        if mode == 'max':
            return to_cl(MAXP[nd](pad_spatial(xc, pads, -math.inf), k, s))
        total = AVGP[nd](pad_spatial(xc, pads), k, s, divisor_override=1)
        count = AVGP[nd](pad_spatial(torch.ones_like(xc), pads), k, s, divisor_override=1)
        return to_cl(total / count)
    return to_cl((MAXP if mode == 'max' else AVGP)[nd](xc, k, s))


def reduce_loss(loss, weights=None, reduction='sum_by_nonzero'):
    if weights is not None:
        loss = loss * weights
    if reduction == 'none':
        return loss
    if reduction == 'sum':
        return loss.sum()
    if reduction == 'mean':
        if weights is None:
            return loss.sum() / loss.numel()
        # TF.js divides by Σ weights and again by how many times the weights were broadcast.
        return loss.sum() / weights.sum() / (loss.numel() // weights.numel())
    if weights is None:
        return loss.sum() / loss.numel()
    nonzero = (torch.broadcast_to(weights, loss.shape) != 0).sum()
    return loss.sum() / nonzero


def selu(x):
    return 1.0507009873554804934193349852946 * torch.where(x > 0, x, 1.6732632423543772848170429916717 * (torch.exp(x) - 1))


def lrn(x, r, bias, alpha, beta):
    c = x.shape[-1]
    sq = x * x
    acc = torch.stack([sq[..., max(0, i - r): i + r + 1].sum(-1) for i in range(c)], -1)
    return x / (bias + alpha * acc) ** beta


def cum(x, axis, exclusive, reverse, op):
    if reverse:
        x = x.flip(axis)
    if exclusive:
        first = torch.full_like(x.narrow(axis, 0, 1), 0.0 if op == 'sum' else 1.0)
        x = torch.cat([first, x.narrow(axis, 0, x.shape[axis] - 1)], axis)
    y = torch.cumsum(x, axis) if op == 'sum' else torch.cumprod(x, axis)
    return y.flip(axis) if reverse else y


def mirror_pad(x, paddings, mode):
    for ax, (b, a) in enumerate(paddings):
        off = 1 if mode == 'reflect' else 0
        n = x.shape[ax]
        before = x.narrow(ax, off, b).flip(ax) if b else None
        after = x.narrow(ax, n - a - off, a).flip(ax) if a else None
        x = torch.cat([t for t in (before, x, after) if t is not None], ax)
    return x


def gather_nd(x, idx):
    k = idx.shape[-1]
    flat_idx = idx.reshape(-1, k)
    return torch.stack([x[tuple(i.tolist())] for i in flat_idx]).reshape(*idx.shape[:-1], *x.shape[k:])


def norm_tf(x, ord, axis=None, keep=False):
    if axis is None:
        x, axis = x.reshape(-1), 0
    if isinstance(axis, int):
        if ord in ('euclidean', 2, 'fro'):
            return torch.sqrt((x * x).sum(axis, keepdim=keep))
        if ord == 1:
            return x.abs().sum(axis, keepdim=keep)
        if ord == math.inf:
            return x.abs().amax(axis, keepdim=keep)
        if ord == -math.inf:
            return x.abs().amin(axis, keepdim=keep)
    a0, a1 = axis
    if ord in ('euclidean', 'fro'):
        return torch.sqrt((x * x).sum((a0, a1), keepdim=keep))
    # TF's matrix 1-norm: the largest column sum of |x|; its inf-norm: the largest row sum.
    inner, outer = (a0, a1) if ord == 1 else (a1, a0)
    y = x.abs().sum(inner, keepdim=True).amax(outer, keepdim=True)
    return y if keep else y.squeeze(max(a0, a1)).squeeze(min(a0, a1))


def qr_square_tf(x):
    # TF.js reflects a square matrix's last column too (LAPACK leaves it), so its last r[j, j] is −pivot, not pivot.
    q, r = torch.linalg.qr(x)
    flip = T([1.0] * (x.shape[0] - 1) + [-1.0])
    return [q * flip, r * flip[:, None]]


def prod_dims(x, dims, keep):
    for d in sorted([dims] if isinstance(dims, int) else [a % x.dim() for a in dims], reverse=True):
        x = x.prod(d, keepdim=keep)
    return x


def strided_slice(x, begin, end, strides):
    return x[tuple(slice(b, e, s) for b, e, s in zip(begin, end, strides))]


# --- The cases: name (the key the TS test looks up), inputs [(kind, shape)], torch function ------------------------

A = [('u', [2, 3])]
CASES = []


def case(name, inputs, fn):
    CASES.append((name, inputs, fn))


for name, kind, fn in [
    ('neg', 'u', torch.neg), ('abs', 'nz', torch.abs), ('exp', 'u', torch.exp), ('log', 'p', torch.log),
    ('sqrt', 'p', torch.sqrt), ('square', 'u', torch.square), ('relu', 'nz', torch.relu), ('sigmoid', 'u', torch.sigmoid),
    ('tanh', 'u', torch.tanh), ('reciprocal', 'nz', torch.reciprocal), ('sin', 'u', torch.sin), ('cos', 'u', torch.cos),
    ('tan', 'unit', torch.tan), ('asin', 'unit', torch.asin), ('acos', 'unit', torch.acos), ('atan', 'u', torch.atan),
    ('sinh', 'u', torch.sinh), ('cosh', 'u', torch.cosh), ('asinh', 'u', torch.asinh), ('acosh', 'gt1', torch.acosh),
    ('atanh', 'unit', torch.atanh), ('rsqrt', 'p', torch.rsqrt), ('log1p', 'p', torch.log1p), ('expm1', 'u', torch.expm1),
    ('erf', 'u', torch.erf), ('elu', 'nz', F.elu), ('selu', 'nz', selu), ('relu6', 'nz', lambda x: torch.clamp(x * 4, 0, 6)),
    ('softplus', 'u', F.softplus), ('logSigmoid', 'u', F.logsigmoid), ('leakyRelu', 'nz', lambda x: F.leaky_relu(x, 0.2)),
    ('leakyRelu_alpha0.3', 'nz', lambda x: F.leaky_relu(x, 0.3)), ('clipByValue', 'dist', lambda x: torch.clamp(x, -0.33, 0.47)),
    ('sign_times_x', 'nz', lambda x: torch.sign(x) * x * x), ('floor_round_ceil_zero', 'u', lambda x: torch.floor(x) + torch.round(x) + torch.ceil(x) + x * 0),
]:
    case(name, [(kind, [2, 3])], fn)

for name, ka, kb, fn in [
    ('add', 'u', 'u', torch.add), ('sub', 'u', 'u', torch.sub), ('mul', 'u', 'u', torch.mul), ('div', 'u', 'nz', torch.div),
    ('pow', 'p', 'u', torch.pow), ('maximum', 'dist', 'dist2', torch.maximum), ('minimum', 'dist', 'dist2', torch.minimum),
    ('squaredDifference', 'u', 'u', lambda a, b: (a - b) ** 2), ('atan2', 'nz', 'nz', torch.atan2),
    ('mod', 'p', 'p', torch.remainder), ('divNoNan', 'u', 'nz', torch.div),
    ('prelu', 'nz', 'u', lambda x, a: torch.where(x > 0, x, a * x)),
]:
    case(f'{name}_same', [(ka, [2, 3]), (kb, [2, 3])], fn)
    case(f'{name}_broadcast', [(ka, [2, 1, 3]), (kb, [4, 1])], fn)
case('pow_int_exponent_negative_base', [('nz', [5]), ('int:3', [5])], lambda a, b: torch.pow(a, b.double()))
case('addN', [('u', [2, 3])] * 3, lambda a, b, c: a + b + c)
case('where', [('int:2', [2, 3]), ('u', [2, 3]), ('u', [2, 3])], lambda c, a, b: torch.where(c.bool(), a, b))

R = [('u', [2, 3, 4])]
RD = [('dist', [2, 3, 4])]
for axis, keep in [(None, False), (1, False), ([0, 2], True), (-1, True)]:
    ax = tuple(axis) if isinstance(axis, list) else axis
    sfx = f'{axis}_{keep}'
    dims = ax if ax is not None else tuple(range(3))
    case(f'sum_{sfx}', R, lambda x, d=dims, k=keep: x.sum(d, keepdim=k))
    case(f'mean_{sfx}', R, lambda x, d=dims, k=keep: x.mean(d, keepdim=k))
    case(f'max_{sfx}', RD, lambda x, d=dims, k=keep: x.amax(d, keepdim=k))
    case(f'min_{sfx}', RD, lambda x, d=dims, k=keep: x.amin(d, keepdim=k))
    case(f'prod_{sfx}', [('nz', [2, 3, 4])], lambda x, d=dims, k=keep: prod_dims(x, d, k))
    case(f'logSumExp_{sfx}', R, lambda x, d=dims, k=keep: torch.logsumexp(x, d, keepdim=k))
    case(f'moments_{sfx}', R, lambda x, d=dims, k=keep: [x.mean(d, keepdim=k), x.var(d, unbiased=False, keepdim=k)])
for ordname, ord in [('euclidean', 'euclidean'), ('1', 1), ('2', 2), ('inf', math.inf), ('-inf', -math.inf)]:
    case(f'norm_{ordname}_all', [('dist', [2, 3])], lambda x, o=ord: norm_tf(x, o))
    case(f'norm_{ordname}_axis1_keep', [('dist', [2, 3])], lambda x, o=ord: norm_tf(x, o, 1, True))
for ordname, ord in [('fro', 'fro'), ('1', 1), ('inf', math.inf)]:
    case(f'norm_{ordname}_axes01', [('dist', [3, 4])], lambda x, o=ord: norm_tf(x, o, (0, 1)))
case('euclideanNorm_axis0', [('u', [3, 2])], lambda x: torch.sqrt((x * x).sum(0)))
for dim in [-1, 1]:
    case(f'softmax_dim{dim}', [('u', [3, 4])], lambda x, d=dim: torch.softmax(x, d))
    case(f'logSoftmax_dim{dim}', [('u', [3, 4])], lambda x, d=dim: torch.log_softmax(x, d))
for axis in [0, 1]:
    for exclusive in [False, True]:
        for reverse in [False, True]:
            case(f'cumsum_{axis}_{exclusive}_{reverse}', [('u', [3, 4])], lambda x, a=axis, e=exclusive, r=reverse: cum(x, a, e, r, 'sum'))
            case(f'cumprod_{axis}_{exclusive}_{reverse}', [('nz', [3, 4])], lambda x, a=axis, e=exclusive, r=reverse: cum(x, a, e, r, 'prod'))

for ta in [False, True]:
    for tb in [False, True]:
        ma = lambda t, s: [s[1], s[0]] if t else s
        case(f'matMul_{ta}_{tb}', [('u', ma(ta, [3, 4])), ('u', ma(tb, [4, 2]))],
             lambda a, b, ta=ta, tb=tb: (a.T if ta else a) @ (b.T if tb else b))
        case(f'matMul_batched_{ta}_{tb}', [('u', [2] + ma(ta, [3, 4])), ('u', [2] + ma(tb, [4, 2]))],
             lambda a, b, ta=ta, tb=tb: (a.transpose(-1, -2) if ta else a) @ (b.transpose(-1, -2) if tb else b))
case('matMul_batch_broadcast', [('u', [2, 1, 3, 4]), ('u', [3, 4, 2])], lambda a, b: a @ b)
case('dot_mat_vec', [('u', [3, 4]), ('u', [4])], lambda a, b: a @ b)
case('dot_vec_vec', [('u', [4]), ('u', [4])], lambda a, b: a @ b)
case('outerProduct', [('u', [3]), ('u', [4])], torch.outer)
case('einsum_ij_jk', [('u', [3, 4]), ('u', [4, 2])], lambda a, b: torch.einsum('ij,jk->ik', a, b))
case('einsum_bij_bjk', [('u', [2, 3, 4]), ('u', [2, 4, 2])], lambda a, b: torch.einsum('bij,bjk->bik', a, b))
for act in ['linear', 'relu', 'elu', 'relu6', 'sigmoid', 'leakyrelu', 'prelu']:
    ins = [('u', [3, 4]), ('u', [4, 5]), ('u', [5])] + ([('u', [5])] if act == 'prelu' else [])
    def fused_mm(a, b, bias, alpha=None, act=act):
        y = a @ b + bias
        return {'linear': lambda: y, 'relu': lambda: torch.relu(y), 'elu': lambda: F.elu(y), 'relu6': lambda: torch.clamp(y, 0, 6),
                'sigmoid': lambda: torch.sigmoid(y), 'leakyrelu': lambda: F.leaky_relu(y, 0.1),
                'prelu': lambda: torch.where(y > 0, y, alpha * y)}[act]()
    case(f'fused.matMul_{act}', ins, fused_mm)
case('fused.matMul_transposes', [('u', [4, 3]), ('u', [5, 4]), ('u', [5])], lambda a, b, c: torch.relu(a.T @ b.T + c))

# conv2dTranspose's output shapes for a [2, 3, 3, 3] x and a 3x2 filter of 2 output channels.
CONV2D_T_SHAPE = {('valid', 1): [2, 5, 4, 2], ('same', 1): [2, 3, 3, 2], ('valid', 2): [2, 7, 6, 2], ('same', 2): [2, 6, 6, 2]}
for pad in ['valid', 'same']:
    for s in [1, 2]:
        case(f'conv2d_{pad}_s{s}', [('u', [2, 5, 6, 2]), ('u', [3, 2, 2, 3])], lambda x, f, p=pad, s=s: conv_tf(x, f, [s, s], p))
        case(f'conv1d_{pad}_s{s}', [('u', [2, 7, 2]), ('u', [3, 2, 3])], lambda x, f, p=pad, s=s: conv_tf(x, f, [s], p))
        case(f'conv3d_{pad}_s{s}', [('u', [1, 4, 5, 4, 2]), ('u', [2, 3, 2, 2, 2])], lambda x, f, p=pad, s=s: conv_tf(x, f, [s, s, s], p))
        case(f'depthwiseConv2d_{pad}_s{s}', [('u', [2, 5, 6, 2]), ('u', [3, 2, 2, 2])], lambda x, f, p=pad, s=s: depthwise_tf(x, f, [s, s], p))
        case(f'separableConv2d_{pad}_s{s}', [('u', [1, 5, 6, 2]), ('u', [3, 2, 2, 2]), ('u', [1, 1, 4, 3])],
             lambda x, d, pw, p=pad, s=s: conv_tf(depthwise_tf(x, d, [s, s], p), pw, [1, 1], 'valid'))
        case(f'conv2dTranspose_{pad}_s{s}', [('u', [2, 3, 3, 3]), ('u', [3, 2, 2, 3])],
             lambda x, f, p=pad, s=s: conv_transpose_tf(x, f, CONV2D_T_SHAPE[(p, s)], [s, s], p))
        case(f'conv3dTranspose_{pad}_s{s}', [('u', [1, 2, 3, 2, 2]), ('u', [2, 2, 2, 3, 2])],
             lambda x, f, p=pad, s=s: conv_transpose_tf(x, f, [1, 4, 6, 4, 3] if s == 2 else ([1, 2, 3, 2, 3] if p == 'same' else [1, 3, 4, 3, 3]), [s, s, s], p))
        for mode in ['avg', 'max']:
            kind = 'dist' if mode == 'max' else 'u'
            case(f'{mode}Pool_{pad}_s{s}', [(kind, [2, 5, 6, 2])], lambda x, p=pad, s=s, m=mode: pool_tf(x, [3, 2], [s, s], p, m))
            case(f'{mode}Pool3d_{pad}_s{s}', [(kind, [1, 4, 5, 4, 2])], lambda x, p=pad, s=s, m=mode: pool_tf(x, [2, 3, 2], [s, s, s], p, m))
    case(f'conv2d_{pad}_dilated', [('u', [1, 7, 6, 2]), ('u', [3, 2, 2, 2])], lambda x, f, p=pad: conv_tf(x, f, [1, 1], p, [2, 2]))
    case(f'conv1d_{pad}_dilated', [('u', [1, 9, 2]), ('u', [3, 2, 2])], lambda x, f, p=pad: conv_tf(x, f, [1], p, [2]))
    case(f'depthwiseConv2d_{pad}_dilated', [('u', [1, 7, 6, 2]), ('u', [3, 2, 2, 2])], lambda x, f, p=pad: depthwise_tf(x, f, [1, 1], p, [2, 2]))
    case(f'conv2d_{pad}_s21', [('u', [1, 6, 7, 2]), ('u', [2, 3, 2, 2])], lambda x, f, p=pad: conv_tf(x, f, [2, 1], p))
    case(f'fused.conv2d_relu_{pad}', [('u', [1, 5, 6, 2]), ('u', [3, 2, 2, 3]), ('u', [3])], lambda x, f, b, p=pad: torch.relu(conv_tf(x, f, [1, 1], p) + b))
    case(f'fused.depthwiseConv2d_relu_{pad}', [('u', [1, 5, 6, 2]), ('u', [3, 2, 2, 2]), ('u', [4])], lambda x, f, b, p=pad: torch.relu(depthwise_tf(x, f, [1, 1], p) + b))
case('conv2d_rank3', [('u', [5, 6, 2]), ('u', [3, 2, 2, 3])], lambda x, f: conv_tf(x[None], f, [1, 1], 'same')[0])

case('batchNorm_4d', [('u', [2, 3, 2, 3]), ('u', [3]), ('p', [3]), ('u', [3]), ('u', [3])],
     lambda x, m, v, o, s: (x - m) / torch.sqrt(v + 0.001) * s + o)
case('batchNorm_no_offset_scale', [('u', [4, 3]), ('u', [3]), ('p', [3])], lambda x, m, v: (x - m) / torch.sqrt(v + 0.001))
case('localResponseNormalization', [('u', [1, 2, 2, 6])], lambda x: lrn(x, 2, 1.0, 0.5, 0.75))
case('localResponseNormalization_defaults', [('u', [1, 2, 1, 4])], lambda x: lrn(x, 5, 1.0, 1.0, 0.5))

LB = [('cu', [3, 4]), ('u', [3, 4])]
case('losses.absoluteDifference', [('u', [3, 4]), ('u', [3, 4])], lambda l, p: reduce_loss((l - p).abs()))
case('losses.absoluteDifference_weights', [('u', [3, 4]), ('u', [3, 4]), ('cmask', [3, 1])], lambda l, p, w: reduce_loss((l - p).abs(), w))
case('losses.meanSquaredError', [('u', [3, 4]), ('u', [3, 4])], lambda l, p: reduce_loss((l - p) ** 2))
case('losses.meanSquaredError_weights_sum', [('u', [3, 4]), ('u', [3, 4]), ('p', [3, 4])], lambda l, p, w: reduce_loss((l - p) ** 2, w, 'sum'))
case('losses.meanSquaredError_weights_mean', [('u', [3, 4]), ('u', [3, 4]), ('p', [1, 4])], lambda l, p, w: reduce_loss((l - p) ** 2, w, 'mean'))
case('losses.meanSquaredError_none', [('u', [3, 4]), ('u', [3, 4])], lambda l, p: reduce_loss((l - p) ** 2, None, 'none'))
case('losses.huberLoss', [('u', [3, 4]), ('u', [3, 4])], lambda l, p: reduce_loss(torch.where((p - l).abs() <= 1, 0.5 * (p - l) ** 2, (p - l).abs() - 0.5)))
case('losses.huberLoss_delta0.5', [('u', [3, 4]), ('u', [3, 4])], lambda l, p: reduce_loss(torch.where((p - l).abs() <= 0.5, 0.5 * (p - l) ** 2, 0.5 * (p - l).abs() - 0.125)))
case('losses.hingeLoss', [('c01', [3, 4]), ('u', [3, 4])], lambda l, p: reduce_loss(torch.relu(1 - (2 * l - 1) * p)))
case('losses.logLoss', [('prob', [3, 4]), ('prob', [3, 4])], lambda l, p: reduce_loss(-l * torch.log(p + 1e-7) - (1 - l) * torch.log(1 - p + 1e-7)))
case('losses.cosineDistance', [('u', [3, 4]), ('u', [3, 4])], lambda l, p: reduce_loss(1 - (l * p).sum(1, keepdim=True)))
case('losses.sigmoidCrossEntropy', [('prob', [3, 4]), ('u', [3, 4])], lambda z, x: reduce_loss(torch.relu(x) - x * z + torch.log1p(torch.exp(-x.abs()))))
case('losses.sigmoidCrossEntropy_smoothing', [('c01', [3, 4]), ('u', [3, 4])],
     lambda z, x: reduce_loss(torch.relu(x) - x * (z * 0.8 + 0.1) + torch.log1p(torch.exp(-x.abs()))))
case('losses.softmaxCrossEntropy', [('cprob', [3, 4]), ('u', [3, 4])], lambda l, x: reduce_loss(-(l * torch.log_softmax(x, -1)).sum(-1)))
case('losses.softmaxCrossEntropy_smoothing', [('cprob', [3, 4]), ('u', [3, 4])],
     lambda l, x: reduce_loss(-((l * 0.8 + 0.2 / 4) * torch.log_softmax(x, -1)).sum(-1)))
case('losses.computeWeightedLoss', [('u', [3, 4]), ('p', [3, 4])], lambda l, w: reduce_loss(l, w))

S = [('u', [3, 4, 2])]
case('slice', S, lambda x: x[1:3, 0:3, 1:2])
case('stridedSlice', S, lambda x: strided_slice(x, [0, 1, 0], [3, 4, 2], [2, 2, 1]))
case('gather_axis0', [('u', [4, 3]), ('int:4', [5])], lambda x, i: x[i])
case('gather_axis1', [('u', [2, 4, 3]), ('int:4', [2, 3])], lambda x, i: x[:, i])
case('gather_batchDims1', [('u', [2, 4, 3]), ('int:4', [2, 3])], lambda x, i: torch.stack([x[b, i[b]] for b in range(2)]))
case('gatherND', [('u', [3, 4, 2]), ('int:3', [5, 2])], gather_nd)
case('unsortedSegmentSum', [('u', [5, 3]), ('int:3', [5])], lambda x, s: torch.zeros(3, 3).index_add(0, s, x))
case('concat_axis1', [('u', [2, 3]), ('u', [2, 1]), ('u', [2, 2])], lambda a, b, c: torch.cat([a, b, c], 1))
case('concat_axis0', [('u', [2, 3]), ('u', [1, 3])], lambda a, b: torch.cat([a, b], 0))
case('stack_axis1', [('u', [2, 3]), ('u', [2, 3])], lambda a, b: torch.stack([a, b], 1))
case('split', [('u', [2, 6])], lambda x: list(torch.split(x, [1, 2, 3], 1)))
case('unstack', [('u', [3, 2])], lambda x: list(torch.unbind(x, 0)))
case('pad', [('u', [2, 3])], lambda x: F.pad(x, [2, 1, 1, 0], value=0.5))
case('mirrorPad_reflect', [('u', [3, 4])], lambda x: mirror_pad(x, [(1, 2), (2, 1)], 'reflect'))
case('mirrorPad_symmetric', [('u', [3, 4])], lambda x: mirror_pad(x, [(2, 1), (0, 3)], 'symmetric'))
case('tile', [('u', [2, 3])], lambda x: x.repeat(2, 3))
case('reverse_axes', S, lambda x: x.flip(0, 2))
case('transpose_perm', S, lambda x: x.permute(2, 0, 1))
case('reshape', S, lambda x: x.reshape(4, 6))
case('expandDims_squeeze', [('u', [3, 1, 2])], lambda x: x.squeeze(1).unsqueeze(0) * x.squeeze(1).unsqueeze(0))
case('broadcastTo', [('u', [3, 1])], lambda x: torch.broadcast_to(x, (2, 3, 4)))
case('topk_values', [('dist', [3, 5])], lambda x: torch.topk(x, 2).values)
case('spaceToBatchND', [('u', [1, 4, 4, 1])], lambda x: x.reshape(1, 2, 2, 2, 2, 1).permute(2, 4, 0, 1, 3, 5).reshape(4, 2, 2, 1))
case('batchToSpaceND', [('u', [4, 1, 1, 2])], lambda x: x.reshape(2, 2, 1, 1, 1, 2).permute(2, 3, 0, 4, 1, 5).reshape(1, 2, 2, 2))
case('depthToSpace', [('u', [1, 1, 2, 4])], lambda x: x.reshape(1, 1, 2, 2, 2, 1).permute(0, 1, 3, 2, 4, 5).reshape(1, 2, 4, 1))


def resize_axis(n_in, n_out, corners, half):
    corners = corners and n_out > 1
    ratio = (n_in - 1 if corners else n_in) / (n_out - 1 if corners else n_out)
    src = np.array([ratio * (i + 0.5) - 0.5 if half else ratio * i for i in range(n_out)])
    lo = np.maximum(0, np.floor(src)).astype(np.int64)
    hi = np.minimum(n_in - 1, np.ceil(src)).astype(np.int64)
    return T(lo), T(hi), T(src - lo)


def resize_bilinear(x, size, corners, half):
    for axis, n in ((1, size[0]), (2, size[1])):
        lo, hi, frac = resize_axis(x.shape[axis], n, corners, half)
        a, b = x.index_select(axis, lo), x.index_select(axis, hi)
        x = a + (b - a) * frac.reshape([-1 if i == axis else 1 for i in range(4)])
    return x


def dilation2d(x, f, strides, pad, dils):
    fh, fw, _ = f.shape
    n, h, w, c = x.shape
    if pad == 'same':
        (pt, pb), (pl, pr) = same_pads([h, w], [fh, fw], strides, dils)
        x = F.pad(x, [0, 0, pl, pr, pt, pb], value=-math.inf)
    oh = (x.shape[1] - (fh - 1) * dils[0] - 1) // strides[0] + 1
    ow = (x.shape[2] - (fw - 1) * dils[1] - 1) // strides[1] + 1
    taps = [x[:, i * dils[0]: i * dils[0] + (oh - 1) * strides[0] + 1: strides[0], j * dils[1]: j * dils[1] + (ow - 1) * strides[1] + 1: strides[1]] + f[i, j]
            for i in range(fh) for j in range(fw)]
    return torch.stack(taps).amax(0)


def lstm_cell(kernel, bias, data, c, h, forget_bias=1.0):
    i, j, f, o = torch.split(torch.cat([data, h], 1) @ kernel + bias, kernel.shape[1] // 4, 1)
    new_c = c * torch.sigmoid(f + forget_bias) + torch.sigmoid(i) * torch.tanh(j)
    return [new_c, torch.tanh(new_c) * torch.sigmoid(o)]


def gram_schmidt(x):
    ys = []
    for row in x:
        for y in ys:
            row = row - (row * y).sum() * y
        ys.append(row / torch.sqrt((row * row).sum()))
    return torch.stack(ys)


# Inputs where a careless formula loses digits or overflows, exact zeros for products, and more layouts.
for name, kind, fn in [
    ('sigmoid_big', 'big', torch.sigmoid), ('tanh_big', 'big', torch.tanh), ('softplus_big', 'big', F.softplus),
    ('logSigmoid_big', 'big', F.logsigmoid), ('elu_big', 'big', F.elu), ('selu_big', 'big', selu), ('erf_big', 'big', lambda x: torch.erf(x / 8)),
]:
    case(name, [(kind, [2, 3])], fn)
case('logSumExp_huge', [('huge', [2, 3])], lambda x: torch.logsumexp(x, 1))
case('softmax_huge', [('huge', [2, 3])], lambda x: torch.softmax(x, -1))
case('logSoftmax_huge', [('huge', [2, 3])], lambda x: torch.log_softmax(x, -1))
case('softmax_rank3', [('u', [2, 2, 3])], lambda x: torch.softmax(x, -1))
case('prod_with_zero_all', [('zero1', [2, 3])], lambda x: x.prod())
case('prod_with_zero_axis1', [('zero1', [2, 3])], lambda x: x.prod(1))
case('cumprod_with_zero', [('zero1', [5])], lambda x: torch.cumprod(x, 0))
case('losses.sigmoidCrossEntropy_big', [('prob', [2, 3]), ('big', [2, 3])], lambda z, x: reduce_loss(torch.relu(x) - x * z + torch.log1p(torch.exp(-x.abs()))))
case('losses.softmaxCrossEntropy_big', [('cprob', [2, 3]), ('big', [2, 3])], lambda l, x: reduce_loss(-(l * torch.log_softmax(x, -1)).sum(-1)))
case('conv2d_NCHW', [('u', [1, 2, 5, 4]), ('u', [3, 2, 2, 3])], lambda x, f: conv_tf(x.permute(0, 2, 3, 1), f, [1, 1], 'same').permute(0, 3, 1, 2))
case('conv2d_explicit_pad', [('u', [1, 5, 4, 2]), ('u', [3, 2, 2, 3])], lambda x, f: conv_tf(F.pad(x, [0, 0, 2, 0, 1, 2]), f, [2, 1], 'valid'))
case('conv1d_s2_same_k4', [('u', [1, 9, 2]), ('u', [4, 2, 3])], lambda x, f: conv_tf(x, f, [2], 'same'))
case('depthwiseConv2d_mult1_s2', [('u', [1, 6, 5, 3]), ('u', [2, 3, 3, 1])], lambda x, f: depthwise_tf(x, f, [2, 2], 'same'))
for act in ['elu', 'leakyrelu', 'prelu', 'sigmoid']:
    def fused_conv(x, f, b, alpha=None, act=act):
        y = conv_tf(x, f, [2, 2], 'same') + b
        return {'elu': lambda: F.elu(y), 'leakyrelu': lambda: F.leaky_relu(y, 0.1), 'sigmoid': lambda: torch.sigmoid(y),
                'prelu': lambda: torch.where(y > 0, y, alpha * y)}[act]()
    case(f'fused.conv2d_{act}_s2', [('u', [1, 5, 6, 2]), ('u', [3, 2, 2, 3]), ('u', [3])] + ([('u', [3])] if act == 'prelu' else []), fused_conv)
# TF.js pools with dilations through spaceToBatchND, whose padding is zeros: a max window can take a padded 0.
case('pool_max_dilated_same', [('dist', [1, 6, 5, 2])], lambda x: to_cl(F.max_pool2d(pad_spatial(to_cf(x), same_pads([6, 5], [2, 2], [1, 1], [2, 2])), 2, 1, dilation=2)))
case('pool_max_dilated_valid', [('dist', [1, 6, 5, 2])], lambda x: to_cl(F.max_pool2d(to_cf(x), [2, 3], 1, dilation=[2, 1])))
case('pool_avg_dilated_valid', [('u', [1, 6, 5, 2])], lambda x: (x[:, 0:4, 0:4] + x[:, 2:6, 0:4] + x[:, 0:4, 1:5] + x[:, 2:6, 1:5]) / 4)
case('dilation2d_same', [('u', [1, 5, 4, 2]), ('u', [2, 2, 2])], lambda x, f: dilation2d(x, f, [1, 2], 'same', [2, 1]))
case('dilation2d_valid', [('u', [2, 5, 5, 1]), ('u', [3, 2, 1])], lambda x, f: dilation2d(x, f, [2, 1], 'valid', [1, 1]))
for corners, half in [(False, False), (True, False), (False, True)]:
    case(f'resizeBilinear_up_{corners}_{half}', [('u', [1, 3, 2, 2])], lambda x, c=corners, h=half: resize_bilinear(x, [5, 4], c, h))
    case(f'resizeBilinear_down_{corners}_{half}', [('u', [1, 5, 4, 1])], lambda x, c=corners, h=half: resize_bilinear(x, [3, 3], c, h))
case('basicLSTMCell', [('u', [5, 8]), ('u', [8]), ('u', [2, 3]), ('u', [2, 2]), ('u', [2, 2])], lambda k, b, d, c, h: lstm_cell(k / 2, b, d, c, h))
case('movingAverage', [('u', [2, 3]), ('u', [2, 3])], lambda v, x: v + (x - v) * (1 - 0.6) / (1 - 0.6 ** 3))
case('linalg.bandPart', [('u', [4, 5])], lambda x: x * T([[1.0 if -1 <= j - i <= 2 else 0.0 for j in range(5)] for i in range(4)]))
case('linalg.gramSchmidt', [('u', [3, 4])], gram_schmidt)
case('diag', [('u', [3])], torch.diag)
case('image.flipLeftRight', [('u', [1, 2, 3, 2])], lambda x: x.flip(2))
case('einsum_ij_ji', [('u', [2, 3])], lambda x: x.T)
case('einsum_i_i', [('u', [4]), ('u', [4])], lambda a, b: (a * b).sum())
case('einsum_ij_j_i', [('u', [3, 4]), ('u', [4])], lambda a, b: a @ b)
case('einsum_bij_bkj_bik', [('u', [2, 3, 4]), ('u', [2, 2, 4])], lambda a, b: torch.einsum('bij,bkj->bik', a, b))
case('squaredDifference_rank0', [('u', []), ('u', [3])], lambda a, b: (a - b) ** 2)
case('mean_negative_axes', [('u', [2, 3, 4])], lambda x: x.mean((-1, -3)))
case('norm_euclidean_axes12', [('u', [2, 3, 4])], lambda x: torch.sqrt((x * x).sum((1, 2))))
case('moments_all', [('u', [3, 4])], lambda x: [x.mean(), x.var(unbiased=False)])

case('losses.softmaxCrossEntropy_soft_labels', [('prob', [3, 4]), ('u', [3, 4])], lambda l, x: reduce_loss(-(l * torch.log_softmax(x, -1)).sum(-1)))
case('where_broadcast', [('int:2', [2, 1, 3]), ('u', [4, 1]), ('u', [3])], lambda c, a, b: torch.where(c.bool(), a, b))
case('prelu_alpha_per_channel', [('nz', [2, 3, 4]), ('p', [4])], lambda x, a: torch.where(x > 0, x, a * x))
case('pow_scalar_exponent', [('p', [2, 3]), ('u', [])], torch.pow)
case('gather_negative_axis', [('u', [2, 4, 3]), ('int:3', [4])], lambda x, i: x[:, :, i])
case('stridedSlice_masks', [('u', [4, 5, 3])], lambda x: x[1:, T([4, 2]), 1])
case('conv2dTranspose_same_s2_odd', [('u', [1, 4, 3, 3]), ('u', [3, 3, 2, 3])], lambda x, f: conv_transpose_tf(x, f, [1, 7, 5, 2], [2, 2], 'same'))
case('separableConv2d_dilated', [('u', [1, 6, 6, 2]), ('u', [2, 2, 2, 2]), ('u', [1, 1, 4, 3])],
     lambda x, d, pw: conv_tf(depthwise_tf(x, d, [1, 1], 'same', [2, 2]), pw, [1, 1], 'valid'))
case('conv3d_dilated', [('u', [1, 5, 5, 4, 2]), ('u', [2, 2, 2, 2, 2])], lambda x, f: conv_tf(x, f, [1, 1, 1], 'same', [2, 2, 1]))
case('avgPool_s2_k3_same_odd', [('u', [1, 7, 5, 2])], lambda x: pool_tf(x, [3, 3], [2, 2], 'same', 'avg'))
case('maxPool_s2_k3_same_odd', [('dist', [1, 7, 5, 2])], lambda x: pool_tf(x, [3, 3], [2, 2], 'same', 'max'))

# The same tensor in two operand slots: the tape must add both contributions.
case('mul_self', A, lambda x: x * x)
case('matMul_self', [('u', [3, 3])], lambda x: x @ x)
case('maximum_self', A, lambda x: torch.maximum(x, x))
case('conv2d_self_filter', [('u', [2, 2, 1, 1])], lambda x: conv_tf(x, x, [1, 1], 'same'))
case('sparseSoftmaxCrossEntropy', [('int:4', [3]), ('u', [3, 4])], lambda l, x: F.cross_entropy(x, l))
case('linalg.qr_square', [('u', [3, 3])], qr_square_tf)
case('linalg.qr_tall', [('u', [4, 3])], lambda x: list(torch.linalg.qr(x)))
case('resizeNearestNeighbor', [('u', [1, 3, 2, 2])], lambda x: x.index_select(1, T([0, 0, 1, 1, 2])).index_select(2, T([0, 0, 1, 1])))

# Scalars, axes of size 1 and empty tensors.
case('sum_scalar', [('u', [])], lambda x: x.sum() * x)
case('max_scalar', [('u', [])], lambda x: x.amax() * x)
case('prod_size1_axis', [('nz', [3, 1])], lambda x: x.prod(1))
case('softmax_1d', [('u', [4])], lambda x: torch.softmax(x, 0))
case('logSumExp_1d', [('u', [4])], lambda x: torch.logsumexp(x, 0))
case('sum_empty', [('u', [0, 3])], lambda x: x.sum(0))
case('matMul_empty_k', [('u', [2, 0]), ('u', [0, 3])], lambda a, b: a @ b)
case('conv2d_filter_larger_same', [('u', [1, 2, 2, 1]), ('u', [3, 3, 1, 2])], lambda x, f: conv_tf(x, f, [1, 1], 'same'))
case('maxPool_window_larger_same', [('dist', [1, 2, 3, 1])], lambda x: pool_tf(x, [3, 3], [1, 1], 'same', 'max'))
case('tile_rank3', [('u', [2, 1, 3])], lambda x: x.repeat(1, 4, 2))


def flat(t):
    # Linear ops' second derivatives come back as torch's storage-less zero tensors.
    return [0.0] * t.numel() if t._is_zerotensor() else t.detach().reshape(-1).tolist()


def run(index, name, inputs, fn):
    rng = np.random.default_rng(1000 + index)
    arrays = [make_input(kind, shape, rng) for kind, shape in inputs]
    tensors = [T(a) if np.issubdtype(a.dtype, np.floating) else T(a) for a in arrays]
    diff = [i for i, (kind, _) in enumerate(inputs) if not kind.startswith('c') and not kind.startswith('int')]
    for i in diff:
        tensors[i].requires_grad_(True)
    outs = fn(*tensors)
    outs = outs if isinstance(outs, list) else [outs]
    weights = [T(rng.uniform(0.5, 1.5, o.numel()).reshape(o.shape)) for o in outs]
    dirs = [T(rng.uniform(-1, 1, tensors[i].numel()).reshape(tensors[i].shape)) for i in diff]
    xs = [tensors[i] for i in diff]

    def grads(loss):
        return [g if g is not None else torch.zeros_like(x) for g, x in zip(torch.autograd.grad(loss, xs, create_graph=True, allow_unused=True), xs)]

    def hvp(loss, create_graph=False):
        gs = grads(loss)
        gv = sum((g * v).sum() for g, v in zip(gs, dirs))
        if not gv.requires_grad:
            return [torch.zeros_like(x) for x in xs]
        return [g if g is not None else torch.zeros_like(x)
                for g, x in zip(torch.autograd.grad(gv, xs, retain_graph=True, create_graph=create_graph, allow_unused=True), xs)]

    def third(loss):
        hs = hvp(loss, True)
        hv = sum((h * v).sum() for h, v in zip(hs, dirs) if not h._is_zerotensor())
        if not torch.is_tensor(hv) or not hv.requires_grad:
            return [torch.zeros_like(x) for x in xs]
        return [g if g is not None else torch.zeros_like(x) for g, x in zip(torch.autograd.grad(hv, xs, retain_graph=True, allow_unused=True), xs)]

    l1 = sum((w * o).sum() for w, o in zip(weights, outs))
    l2 = sum((w * o * o).sum() for w, o in zip(weights, outs))
    return {
        'name': name,
        'inputs': [{'shape': list(a.shape), 'dtype': 'float64' if np.issubdtype(a.dtype, np.floating) else 'int32', 'values': a.reshape(-1).tolist()} for a in arrays],
        'diff': diff,
        'outputs': [{'shape': list(o.shape), 'values': flat(o)} for o in outs],
        'weights': [flat(w) for w in weights],
        'directions': [flat(v) for v in dirs],
        'grad': [flat(g) for g in grads(l1)],
        'hvp1': [flat(h) for h in hvp(l1)],
        'hvp2': [flat(h) for h in hvp(l2)],
        'third': [flat(h) for h in third(l2)],
    }


def write_fixture(cases, first_seed, name):
    """Runs each case with its own seed (first_seed + its index) and writes them to `name` beside this script."""
    out = [run(first_seed + i, *c) for i, c in enumerate(cases)]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(path, 'w') as fh:
        json.dump({'torch': torch.__version__, 'cases': out}, fh, separators=(',', ':'))
        fh.write('\n')
    print(f'{len(out)} cases -> {path} ({os.path.getsize(path)} bytes)')


if __name__ == '__main__':
    write_fixture(CASES, 0, 'reference.json')
