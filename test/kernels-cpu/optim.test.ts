import { describe, expect, it } from 'vitest';
import { adamUpdate, sgdUpdate } from '../../kernels/cpu/adam';
import { biasActivation } from '../../kernels/cpu/bias-activation';

describe('adamUpdate', () => {
  it('takes one hand-computed Keras step', () => {
    // g = 0.5, lr 0.1: m = 0.05, v = 0.001·0.25 = 0.00025, lrT = 0.1·√0.001 / 0.1 = 0.0316228,
    // p = 1 − 0.0316228·0.05 / (√0.00025 + 1e-7) = 0.90000063245.
    const p = new Float64Array([1, 2]), m = new Float64Array(2), v = new Float64Array(2);
    adamUpdate(p, new Float64Array([0.5, 0]), m, v, 0.1, 0.9, 0.999, 1e-7, 1);
    expect(m[0]).toBeCloseTo(0.05, 15);
    expect(v[0]).toBeCloseTo(0.00025, 15);
    expect(p[0]).toBeCloseTo(0.9000006324515321, 14);
    expect(p[1]).toBe(2);
    // Step 2 with g = −0.25 exercises the t-dependent bias correction.
    adamUpdate(p, new Float64Array([-0.25, 0]), m, v, 0.1, 0.9, 0.999, 1e-7, 2);
    expect(p[0]).toBeCloseTo(0.8733670792079219, 14);
  });
});

describe('sgdUpdate', () => {
  it('plain and with momentum, as Keras', () => {
    const p = new Float32Array([1, -1]);
    sgdUpdate(p, new Float32Array([0.5, -2]), new Float32Array(0), 0.1, 0);
    expect(Array.from(p)).toEqual(Array.from(new Float32Array([0.95, -0.8])));
    const q = new Float64Array([1]), vel = new Float64Array([0.2]);
    sgdUpdate(q, new Float64Array([0.5]), vel, 0.1, 0.9); // vel = 0.18 − 0.05 = 0.13
    expect(vel[0]).toBeCloseTo(0.13, 15);
    expect(q[0]).toBeCloseTo(1.13, 15);
  });
});

describe('biasActivation', () => {
  it('adds the bias per column, then applies relu or nothing', () => {
    const x = new Float32Array([1, -2, 3, -4, 5, -6]);
    const bias = new Float32Array([0.5, 1, -1]);
    const lin = new Float32Array(6), relu = new Float32Array(6);
    biasActivation(x, bias, 2, 3, 'linear', lin);
    biasActivation(x, bias, 2, 3, 'relu', relu);
    expect(Array.from(lin)).toEqual([1.5, -1, 2, -3.5, 6, -7]);
    expect(Array.from(relu)).toEqual([1.5, 0, 2, 0, 6, 0]);
  });
});
