import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// TF.js programs in TypeScript (test/types/programs, each importing '@tensorflow/tfjs') type-checked twice with
// strict tsc: against TF.js's own declarations, and with the same import resolved to tessera's entry point, as a
// user who changes only the import line gets. 17-rejected.ts holds wrong usages under @ts-expect-error markers;
// an unmarked copy checks that each marked line is itself the error, on both sides.

const exec = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PROGRAMS = join(REPO, 'test/types/programs');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const TIMEOUT_MS = 300_000;
const MARKER = '// @ts-expect-error';
const REJECTED = '17-rejected.ts';
/** The rejected usages without their markers, written to the run's folder (tsc names it relative to there). */
const UNMARKED = 'rejected-unmarked.ts';

const SIDES = {
  tfjs: join(REPO, 'node_modules/@tensorflow/tfjs'),
  tessera: join(REPO, 'src/node.ts'),
};

interface Result {
  code: number;
  output: string;
}

/** One strict tsc run over the files, '@tensorflow/tfjs' resolved to `target`. */
async function compile(dir: string, side: string, target: string, files: string[]): Promise<Result> {
  const config = join(dir, `tsconfig.${side}.json`);
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
    esModuleInterop: true,
    types: ['node'],
    typeRoots: [join(REPO, 'node_modules/@types')],
    paths: { '@tensorflow/tfjs': [target] },
  };
  await writeFile(config, JSON.stringify({ compilerOptions, files }, null, 2));
  try {
    const { stdout, stderr } = await exec(process.execPath, [TSC, '-p', config, '--pretty', 'false'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, output: (err.stdout ?? '') + (err.stderr ?? '') };
  }
}

/** The first line of each tsc error as {file, line}. */
function errorLines(output: string): { file: string; line: number }[] {
  return [...output.matchAll(/^(.+?)\((\d+),\d+\): error TS\d+/gm)].map((m) => ({ file: m[1], line: Number(m[2]) }));
}

describe('TF.js TypeScript programs compile against TF.js and, import unchanged, against tessera', () => {
  let dir = '';
  let programs: string[] = [];
  let markedLines: number[] = [];
  const results: Partial<Record<keyof typeof SIDES, Result>> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-types-'));
    programs = (await readdir(PROGRAMS)).filter((f) => f.endsWith('.ts')).sort();
    const rejected = (await readFile(join(PROGRAMS, REJECTED), 'utf8')).split('\n');
    // Line numbers (1-based) of the lines under each marker; the markers become blank comments, keeping the numbering.
    markedLines = rejected.flatMap((l, i) => (l.trim().startsWith(MARKER) ? [i + 2] : []));
    const unmarked = join(dir, UNMARKED);
    await writeFile(unmarked, rejected.map((l) => (l.trim().startsWith(MARKER) ? '//' : l)).join('\n'));
    const files = [...programs.map((f) => join(PROGRAMS, f)), unmarked];
    // One run per side, one after the other: each is a whole-program check and the machine's cores are shared.
    for (const [side, target] of Object.entries(SIDES) as [keyof typeof SIDES, string][]) results[side] = await compile(dir, side, target, files);
  }, TIMEOUT_MS);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has at least 15 programs and a few rejected usages', () => {
    expect(programs.length).toBeGreaterThanOrEqual(15);
    expect(markedLines.length).toBeGreaterThanOrEqual(8);
  });

  for (const side of Object.keys(SIDES) as (keyof typeof SIDES)[]) {
    it(`every program compiles against ${side}, and each wrong usage is an error there`, () => {
      const { output } = results[side]!;
      const errors = errorLines(output);
      // Errors only in the unmarked copy of the rejected usages, exactly on their lines.
      const elsewhere = output.split('\n').filter((l) => /error TS\d+/.test(l) && !l.startsWith(`${UNMARKED}(`));
      expect(elsewhere, output).toEqual([]);
      expect([...new Set(errors.map((e) => e.line))].sort((a, b) => a - b), output).toEqual(markedLines);
    });
  }
});
