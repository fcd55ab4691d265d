import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import * as browser from '../../src/index';
import * as tn from '../../src/node';

describe('tf.data byte sources: FileDataSource, URLDataSource, and TextLineDataset over them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-source-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllGlobals());

  it("reads a file:// path in Node's build (FileDataSource, and URLDataSource through it), afresh on every pass", async () => {
    const file = join(dir, 'lines.txt');
    writeFileSync(file, 'one\r\ntwo\n\nthree');
    const lines = new tn.data.TextLineDataset(new tn.data.FileDataSource(`file://${file}`, { chunkSize: 2 }));
    expect(await lines.toArray()).toEqual(['one', 'two', '', 'three']);
    writeFileSync(file, 'four\n');
    expect(await lines.toArray()).toEqual(['four']);
    expect(await new tn.data.TextLineDataset(new tn.data.URLDataSource(`file://${file}`)).toArray()).toEqual(['four']);
    const csv = new tn.data.CSVDataset(new tn.data.URLDataSource(`file://${file}`), { hasHeader: false, columnNames: ['word'] });
    expect(await csv.toArray()).toEqual([{ word: 'four' }]);
  });

  it('names what it cannot read, and refuses file:// in the browser build', async () => {
    await expect(new tn.data.TextLineDataset(new tn.data.FileDataSource(`file://${join(dir, 'none.txt')}`)).toArray()).rejects.toThrow(/data\.FileDataSource: cannot read .*none\.txt/);
    await expect(new browser.data.FileDataSource('file://x.txt').iterator()).rejects.toThrow(/data\.FileDataSource: file:\/\/x\.txt is a file:\/\/ path, which only tessera's Node build can read/);
    await expect(new browser.data.URLDataSource('file://x.txt').iterator()).rejects.toThrow(/only tessera's Node build can read/);
  });

  it('fetches any other URL, naming it and the HTTP status when that fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.endsWith('ok.txt') ? new Response('a\nb\n') : new Response('', { status: 404 }))));
    expect(await new tn.data.TextLineDataset(new tn.data.URLDataSource('https://example.test/ok.txt')).toArray()).toEqual(['a', 'b']);
    await expect(new tn.data.TextLineDataset(new tn.data.URLDataSource('https://example.test/no.txt')).toArray()).rejects.toThrow('data.URLDataSource: fetching https://example.test/no.txt failed with HTTP status 404');
  });

  it('reads a Blob, and refuses bad input before any pass, naming the argument', async () => {
    expect(await new tn.data.TextLineDataset(new tn.data.FileDataSource(new Blob(['x\ny']))).toArray()).toEqual(['x', 'y']);
    expect(() => new tn.data.FileDataSource([1, 2] as never)).toThrow(/data\.FileDataSource: input must be a Uint8Array, a Blob or File, or a file:\/\/ path, got/);
    expect(() => new tn.data.FileDataSource(new Uint8Array(1), { chunkSize: 0 })).toThrow(/data\.FileDataSource: options\.chunkSize must be an integer > 0, got 0/);
    expect(() => new tn.data.URLDataSource(5 as never)).toThrow(/data\.URLDataSource: url must be a URL string or a Request, got 5/);
    expect(() => new tn.data.TextLineDataset('a.txt' as never)).toThrow(/data\.TextLineDataset: input must be a tf\.data\.DataSource/);
    expect(() => new tn.data.CSVDataset('a.csv' as never)).toThrow(/data\.CSVDataset: input must be a tf\.data\.DataSource/);
  });
});
