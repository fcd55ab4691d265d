import * as tfd from '@tensorflow/tfjs-data';
import { describe, expect, it } from 'vitest';
import * as browser from '../../src/index';
import * as tn from '../../src/node';
import tnDefault from '../../src/node';

describe("tfjs-data's names at the top level too, where '@tensorflow/tfjs-data' exports them", () => {
  it('has every name tfjs-data exports, the same functions as under data', async () => {
    for (const name of Object.keys(tfd).filter((k) => k !== 'default')) {
      expect(name in tn, name).toBe(true);
      expect((tn as Record<string, unknown>)[name], name).toBe((tn.data as Record<string, unknown>)[name]);
      expect((tnDefault as Record<string, unknown>)[name], name).toBe((tn.data as Record<string, unknown>)[name]);
      expect((browser as Record<string, unknown>)[name], name).toBe((browser.data as Record<string, unknown>)[name]);
    }
    // Node's csv reads files: the data namespace's, not the browser build's.
    expect(tn.csv).not.toBe(browser.csv);
    expect(await tn.array([1, 2, 3]).map((x) => x * 2).toArray()).toEqual([2, 4, 6]);
    expect(tn.version_data).toBe(tfd.version_data);
  });
});
