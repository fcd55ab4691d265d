import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as browser from '../../src/index';
import * as tn from '../../src/node';

describe('tn.data.csv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks its columns as a pass opens, and ends a pass with {done: true, value: null}, as TF.js', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b,c\n1,2,3\n');
    const ds = tn.data.csv(`file://${bad}`, { columnNames: ['a', 'b'] });
    const refused = /The length of provided columnNames \(2\) does not match the length of the header line read from file \(3\)/;
    await expect(ds.take(0).toArray()).rejects.toThrow(refused);
    await expect(ds.iterator()).rejects.toThrow(refused);
    const ok = join(dir, 'ok.csv');
    writeFileSync(ok, 'a,b\n1,2\n');
    const it = await tn.data.csv(`file://${ok}`).iterator();
    expect(await it.next()).toEqual({ value: { a: 1, b: 2 }, done: false });
    expect(await it.next()).toEqual({ value: null, done: true });
  });

  it("reads a file:// path in Node's build, afresh on every pass", async () => {
    const file = join(dir, 'iris.csv');
    writeFileSync(file, 'sepal,petal,species\n5.1,1.4,0\n6.2,4.5,1\n');
    const ds = tn.data.csv(`file://${file}`, { columnConfigs: { species: { isLabel: true, dtype: 'int32' } } });
    expect(await ds.columnNames()).toEqual(['sepal', 'petal', 'species']);
    const want = [{ xs: { sepal: 5.1, petal: 1.4 }, ys: { species: 0 } }, { xs: { sepal: 6.2, petal: 4.5 }, ys: { species: 1 } }];
    expect(await ds.toArray()).toEqual(want);
    writeFileSync(file, 'sepal,petal,species\n7,2,2\n');
    expect(await ds.toArray()).toEqual([{ xs: { sepal: 7, petal: 2 }, ys: { species: 2 } }]);
  });

  it('names the file it cannot read, and refuses file:// in the browser build', async () => {
    await expect(tn.data.csv(`file://${join(dir, 'none.csv')}`).toArray()).rejects.toThrow(/data\.csv: cannot read .*none\.csv/);
    expect(() => browser.data.csv('file://x.csv')).toThrow(/only tessera's Node build can read/);
  });

  it('fetches any other source, and names the URL and HTTP status when that fails', async () => {
    const fetch = vi.fn(async (url: string) => (url.endsWith('ok.csv') ? new Response('a;b\n1;"x;y"\n') : new Response('', { status: 500, statusText: 'Server Error' })));
    vi.stubGlobal('fetch', fetch);
    try {
      expect(await tn.data.csv('https://host/ok.csv', { delimiter: ';' }).toArray()).toEqual([{ a: 1, b: 'x;y' }]);
      await expect(tn.data.csv('https://host/bad.csv').toArray()).rejects.toThrow('data.csv: fetching https://host/bad.csv failed with HTTP status 500 (Server Error)');
      expect(fetch).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses a bad source or config before reading anything', () => {
    expect(() => tn.data.csv(3 as unknown as string)).toThrow(/data\.csv: source must be a URL string or a Request/);
    expect(() => tn.data.csv('a.csv', { header: true } as never)).toThrow(/data\.csv: csvConfig\.header/);
    expect(() => tn.data.csv('a.csv', { delimiter: ';;' })).toThrow(/csvConfig\.delimiter must be one character/);
    expect(() => tn.data.csv('a.csv', { columnNames: 'a,b' as never })).toThrow(/csvConfig\.columnNames must be an array of strings/);
    expect(() => tn.data.csv('a.csv', { columnConfigs: { a: { label: true } as never } })).toThrow(/csvConfig\.columnConfigs\["a"\]\.label/);
  });
});
