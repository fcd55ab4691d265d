"""Writes reference2.json: more cases in make_reference.py's format (the same run, the same quantities), for the ops
the first fixture left out: cropAndResize (also in the boxes), rotateWithOffset, transform, scatterND, tensorScatterUpdate, sparseToDense,
the grayscale conversions, signal.frame, meshgrid and multiRNNCell.

Run: /usr/bin/python3 test/ops/torch-reference/make_reference2.py (torch 1.13); CI needs only the JSON.
"""
import json
import math
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_reference as ref  # noqa: E402

T = torch.tensor
CASES = []


def case(name, inputs, fn):
    CASES.append((name, inputs, fn))


def const(values):
    return ('const:' + json.dumps(values), list(np.array(values).shape))


def js_round(v):
    return math.floor(v + 0.5)


def crop_and_resize(image, boxes, box_ind, crop, method, extrapolation):
    """TF's CropAndResize: sampling positions from the boxes, bilinear or nearest taps, extrapolation outside."""
    _, h, w, _ = image.shape
    ch, cw = crop
    rows = []
    for n in range(boxes.shape[0]):
        y1, x1, y2, x2 = boxes[n]
        img = image[int(box_ind[n])]
        cells = []
        for i in range(ch):
            yi = y1 * (h - 1) + i * (y2 - y1) * (h - 1) / (ch - 1) if ch > 1 else 0.5 * (y1 + y2) * (h - 1)
            for j in range(cw):
                xi = x1 * (w - 1) + j * (x2 - x1) * (w - 1) / (cw - 1) if cw > 1 else 0.5 * (x1 + x2) * (w - 1)
                if yi < 0 or yi > h - 1 or xi < 0 or xi > w - 1:
                    cells.append(torch.full((image.shape[3],), extrapolation))
                    continue
                if method == 'nearest':
                    cells.append(img[js_round(float(yi)), js_round(float(xi))])
                    continue
                top, left = math.floor(float(yi)), math.floor(float(xi))
                bottom, right = math.ceil(float(yi)), math.ceil(float(xi))
                dy, dx = yi - top, xi - left
                upper = img[top, left] + (img[top, right] - img[top, left]) * dx
                lower = img[bottom, left] + (img[bottom, right] - img[bottom, left]) * dx
                cells.append(upper + (lower - upper) * dy)
        rows.append(torch.stack(cells).reshape(ch, cw, -1))
    return torch.stack(rows)


def rotate(image, radians, fill, center):
    _, h, w, _ = image.shape
    cx, cy = w * center, h * center
    s, c = math.sin(radians), math.cos(radians)
    out = []
    for row in range(h):
        for col in range(w):
            sx = js_round((col - cx) * c - (row - cy) * s + cx)
            sy = js_round((col - cx) * s + (row - cy) * c + cy)
            out.append(image[:, sy, sx] if 0 <= sx < w and 0 <= sy < h else torch.full((image.shape[0], image.shape[3]), fill))
    return torch.stack(out, 1).reshape(image.shape)


def projective(image, m, interpolation, fill):
    """TF's ImageProjectiveTransform with fill mode 'constant' and an affine m (c0 = c1 = 0)."""
    b, h, w, c = image.shape
    out = []
    for oy in range(h):
        for ox in range(w):
            sx = m[0] * ox + m[1] * oy + m[2]
            sy = m[3] * ox + m[4] * oy + m[5]
            if interpolation == 'nearest':
                taps = [(js_round(sy), js_round(sx), 1.0)]
            else:
                y0, x0 = math.floor(sy), math.floor(sx)
                fy, fx = sy - y0, sx - x0
                taps = [(y0, x0, (1 - fy) * (1 - fx)), (y0, x0 + 1, (1 - fy) * fx), (y0 + 1, x0, fy * (1 - fx)), (y0 + 1, x0 + 1, fy * fx)]
            acc = torch.zeros(b, c)
            for py, px, wt in taps:
                acc = acc + wt * (image[:, py, px] if 0 <= py < h and 0 <= px < w else torch.full((b, c), fill))
            out.append(acc)
    return torch.stack(out, 1).reshape(b, h, w, c)


def lstm_cells(k1, b1, k2, b2, data, c1, c2, h1, h2):
    nc1, nh1 = ref.lstm_cell(k1 / 2, b1, data, c1, h1)
    nc2, nh2 = ref.lstm_cell(k2 / 2, b2, nh1, c2, h2)
    return [nc1, nc2, nh1, nh2]


BOXES = [[0.1, 0.2, 0.8, 0.9], [0.3, -0.1, 0.6, 0.7]]
for method in ['bilinear', 'nearest']:
    case(f'image.cropAndResize_{method}', [('u', [2, 4, 5, 2]), const(BOXES), const([1, 0])],
         lambda x, b, i, m=method: crop_and_resize(x, b, i, [3, 4], m, 0.5))
case('image.cropAndResize_single_cell', [('u', [1, 4, 5, 1]), const([[0.15, 0.3, 0.7, 0.8]]), const([0])],
     lambda x, b, i: crop_and_resize(x, b, i, [1, 1], 'bilinear', 0.0))
# Differentiated in the boxes too (TensorFlow's CropAndResizeGradBoxes; TF.js has no gradient for cropAndResize).
case('image.cropAndResize_boxes', [('u', [2, 4, 5, 2]), ('vals:' + json.dumps(BOXES), [2, 4]), const([1, 0])],
     lambda x, b, i: crop_and_resize(x, b, i, [3, 4], 'bilinear', 0.5))
case('image.cropAndResize_boxes_single_cell', [('u', [1, 4, 5, 1]), ('vals:[[0.15, 0.3, 0.7, 0.8]]', [1, 4]), const([0])],
     lambda x, b, i: crop_and_resize(x, b, i, [1, 1], 'bilinear', 0.0))
case('image.rotateWithOffset', [('u', [2, 4, 5, 2])], lambda x: rotate(x, 0.4, 0.25, 0.5))
# Exact in float32, in which TF.js reads transforms.
AFFINE = [0.875, -0.25, 0.375, 0.25, 1.125, -0.3125, 0, 0]
for interpolation in ['bilinear', 'nearest']:
    case(f'image.transform_{interpolation}', [('u', [2, 4, 5, 1])], lambda x, i=interpolation: projective(x, AFFINE, i, 0.5))
case('image.rgbToGrayscale', [('u', [1, 2, 2, 3])], lambda x: (x * T([0.2989, 0.5870, 0.1140])).sum(-1, keepdim=True))
case('image.grayscaleToRGB', [('u', [1, 2, 2, 1])], lambda x: x.repeat(1, 1, 1, 3))
# Repeated indices add up, as TF.js's scatterND.
case('scatterND', [const([[1], [3], [1]]), ('u', [3, 2])], lambda i, u: torch.zeros(5, 2).index_add(0, i[:, 0], u))
case('tensorScatterUpdate', [('u', [4, 3]), const([[2], [0]]), ('u', [2, 3])],
     lambda t, i, u: torch.where(T([[r in (0, 2)] for r in range(4)]), torch.zeros(4, 3).index_add(0, i[:, 0], u), t))
case('sparseToDense', [const([[0], [3]]), ('u', [2])], lambda i, v: torch.zeros(5).index_add(0, i[:, 0], v))
case('signal.frame', [('u', [10])], lambda x: x.unfold(0, 4, 3))
case('meshgrid', [('u', [3]), ('u', [2])], lambda x, y: list(torch.meshgrid(x, y, indexing='xy')))
case('multiRNNCell', [('u', [5, 8]), ('u', [8]), ('u', [4, 8]), ('u', [8]), ('u', [2, 3]), ('u', [2, 2]), ('u', [2, 2]), ('u', [2, 2]), ('u', [2, 2])], lstm_cells)


if __name__ == '__main__':
    ref.write_fixture(CASES, 5000, 'reference2.json')
