import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A merge left conflict markers in the README once and no test noticed: every text file of the project is read
// for the lines git writes around a conflict's sides (a `=======` alone can be a Markdown heading's underline).
const ROOT = resolve(__dirname, '../..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);
const TEXT = /\.(ts|mts|mjs|js|json|md|py|sh|html|css|yml|yaml)$/;
const MARKER = /^(<{7}|>{7}) /m;

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return textFiles(path);
    return TEXT.test(e.name) ? [path] : [];
  });
}

describe('conflict markers', () => {
  it('no file of the project holds a merge conflict\'s markers', () => {
    const marked = textFiles(ROOT).filter((f) => MARKER.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(marked).toEqual([]);
  });
});
