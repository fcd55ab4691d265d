import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layering of PLAN.md: a file may import only from its own rank or below, and nothing may form a cycle.
const ROOT = resolve(__dirname, '../..');
const RANKS: readonly [folder: string, rank: number][] = [
  ['src/util/', 0],
  ['kernels/shared/', 1],
  ['kernels/cpu/', 2],
  ['kernels/gpu/', 2],
  ['src/backend/', 3],
  ['src/tensor/', 4],
  ['src/ops/', 5],
  ['src/optimizers/', 6],
  ['src/data/', 6],
  ['src/layers/', 7],
  ['src/io/', 8],
  ['src/model/', 9],
  ['src/graph/', 9], // graph models: io and ops, beside the layers model
  ['src/', 10], // entry files at src/ root: the public surface
];

function rankOf(file: string): number {
  const hit = RANKS.find(([folder]) => file.startsWith(folder));
  if (!hit) throw new Error(`${file} lies in no folder of the layering table`);
  // Only files directly in src/ are entry files; a new folder under src/ must get its own row.
  if (hit[0] === 'src/' && file.slice(4).includes('/')) throw new Error(`${file}: folder not in the layering table`);
  return hit[1];
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file (static, `import type`, `export ... from`, dynamic `import('...')`), resolved to a file. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const base = relative(ROOT, resolve(ROOT, dirname(file), spec));
      const found = [`${base}.ts`, `${base}/index.ts`, base].find((p) => p.endsWith('.ts') && existsSync(join(ROOT, p)));
      if (!found) throw new Error(`${file}: cannot resolve import '${spec}'`);
      return found;
    });
}

const files = [...sources('src'), ...sources('kernels')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** One cycle per strongly connected component with more than one file (or a self-import), as a path. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component = new Set<string>();
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.add(w);
    } while (w !== v);
    if (component.size > 1 || graph.get(v)?.includes(v)) found.push(pathWithin(component, v));
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

/** A concrete cycle through `start` inside one component (breadth-first, so it is a shortest one). */
function pathWithin(component: Set<string>, start: string): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = parent.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

describe('import layering (PLAN.md)', () => {
  it('walks a real graph', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('src/surface.ts')?.length).toBeGreaterThan(5);
  });

  it('has no import cycle in src/ or kernels/', () => {
    expect(cycles().map((c) => c.join(' -> '))).toEqual([]);
  });

  it('imports only from the same rank or below', () => {
    const upward = files.flatMap((f) =>
      graph.get(f)!.filter((to) => rankOf(to) > rankOf(f)).map((to) => `${f} (rank ${rankOf(f)}) imports ${to} (rank ${rankOf(to)})`),
    );
    expect(upward).toEqual([]);
  });

  it('reaches kernels/ only through src/backend/', () => {
    const direct = files
      .filter((f) => f.startsWith('src/') && !f.startsWith('src/backend/'))
      .flatMap((f) => graph.get(f)!.filter((to) => to.startsWith('kernels/')).map((to) => `${f} imports ${to}`));
    expect(direct).toEqual([]);
  });

  it('keeps the shared kernels free of backend-specific code', () => {
    const inward = files
      .filter((f) => f.startsWith('kernels/shared/'))
      .flatMap((f) => graph.get(f)!.filter((to) => !to.startsWith('kernels/shared/') && !to.startsWith('src/util/')).map((to) => `${f} imports ${to}`));
    expect(inward).toEqual([]);
  });
});
