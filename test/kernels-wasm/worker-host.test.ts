import { afterAll, describe, expect, it } from 'vitest';
import { describeThreads, getGemmThreads, setGemmThreads } from '../../kernels/cpu/wasm/index';
import { whyOneThread, workerHost } from '../../kernels/cpu/wasm/worker-host';

// The browser side (Web Workers in an isolated page, one thread otherwise) is checked in test/browser.
describe('the worker pool host in Node', () => {
  const before = getGemmThreads();
  afterAll(() => setGemmThreads(before));

  it('is node:worker_threads, whose calling thread may block', () => {
    const host = workerHost();
    expect(host?.kind).toBe('worker_threads');
    expect(host?.mayWait).toBe(true);
    expect(host?.parallelism).toBeGreaterThanOrEqual(1);
    expect(whyOneThread()).toBeUndefined();
  });

  it('is named in the thread description', async () => {
    await setGemmThreads(2);
    expect(describeThreads()).toBe('up to 2 threads, worker_threads');
    await setGemmThreads(1);
    expect(describeThreads()).toBe('1 thread');
  });
});
