import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser, LOAD_CHECKS, openBrowser } from './suite';

type Opened = Awaited<ReturnType<typeof openBrowser>>;

describeBrowser('threads in Chromium', () => {
  describe('a cross-origin-isolated page (COOP same-origin, COEP require-corp)', () => {
    let o: Opened;
    beforeAll(async () => { o = await openBrowser({ isolated: true }); });
    afterAll(async () => { await o?.close(); });

    it('runs the worker pool on Web Workers, with the same bits as one thread', async () => {
      const { page, errors } = await o.browser.newPage();
      await page.goto(`${o.server.url}/bare.html`);
      await page.evaluate(LOAD_CHECKS);
      const env = await page.evaluate('tesseraChecks.environment()') as { isolated: boolean; cores: number; backend: string; residentMemory: boolean };
      expect(env.isolated).toBe(true);
      expect(env.residentMemory).toBe(true);
      const expected = Math.min(4, env.cores);
      expect(env.backend).toBe(expected > 1 ? `cpu (wasm-simd, up to ${expected} threads, web workers)` : 'cpu (wasm-simd, 1 thread)');
      const r = await page.evaluate('tesseraChecks.gemmThreads()') as { threads: number; identical: boolean; maxValue: number };
      expect(r.threads).toBe(2);
      expect(r.maxValue).toBeGreaterThan(0);
      expect(r.identical).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  describe('a page that is not cross-origin isolated', () => {
    let o: Opened;
    beforeAll(async () => { o = await openBrowser({ isolated: false }); });
    afterAll(async () => { await o?.close(); });

    it('runs on one thread and says why, its tensors still resident in the kernels\' memory', async () => {
      const { page, errors } = await o.browser.newPage();
      await page.goto(`${o.server.url}/bare.html`);
      await page.evaluate(LOAD_CHECKS);
      const env = await page.evaluate('tesseraChecks.environment()') as { isolated: boolean; sharedArrayBuffer: boolean; backend: string; residentMemory: boolean };
      expect(env.isolated).toBe(false);
      expect(env.residentMemory).toBe(true);
      expect(env.sharedArrayBuffer).toBe(false);
      expect(env.backend).toBe('cpu (wasm-simd, 1 thread: the page is not cross-origin isolated)');
      const r = await page.evaluate('tesseraChecks.gemmThreads()') as { threads: number; identical: boolean };
      expect(r).toMatchObject({ threads: 1, identical: true });
      expect(errors).toEqual([]);
    });
  });
});
