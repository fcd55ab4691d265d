import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// tn.data.webcam runs in Chromium with a fake camera (test/browser/browser-surface.test.ts); here, what Node gets.
describe('tn.data.webcam and microphone outside a browser', () => {
  it('webcam rejects, saying it needs a browser', async () => {
    await expect(tn.data.webcam()).rejects.toThrow(/^data\.webcam: needs a browser: it plays the camera's stream \(navigator\.mediaDevices\.getUserMedia\) in a <video> element, and this runtime has no document/);
    await expect(tn.data.webcam(undefined, { resizeWidth: 2, resizeHeight: 2 })).rejects.toThrow(/needs a browser/);
  });

  it('microphone rejects, saying it is not implemented', async () => {
    await expect(tn.data.microphone()).rejects.toThrow(/^data\.microphone: not implemented in tessera/);
  });
});
