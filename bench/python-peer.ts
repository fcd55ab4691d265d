import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A PyTorch peer as one long-lived python process, so the bench's rounds can alternate with it. */
export interface PythonPeer {
  /** The words of its first line after "ready". */
  ready: string[];
  /** Sends one command line and resolves to the reply's numbers. */
  ask(command: string): Promise<number[]>;
  close(): void;
}

// Loads torch, runs one product and lists the BLAS and LAPACK libraries the process mapped.
const PROBE = "import torch, numpy; torch.mm(torch.ones(8, 8), torch.ones(8, 8)); print('\\n'.join({l.split()[-1] for l in open('/proc/self/maps') if 'blas' in l or 'lapack' in l}))";
const INSTALL = 'apt-get install python3-torch libopenblas0-pthread';

/**
 * The first python3 here that imports torch and numpy (Debian's /usr/bin/python3 first), or why there is none to
 * measure. Debian's torch calls whichever libblas.so.3 the system's alternatives name; without OpenBLAS that is the
 * reference BLAS, on which the seed model trains at ~800 samples/s instead of ~4,000, and no fair ratio comes of it.
 */
function findPython(): { python: string } | { reason: string } {
  let slowBlas: string | undefined;
  for (const p of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(p, ['-c', PROBE], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) continue;
    slowBlas = probe.stdout.split('\n').find((lib) => /\/blas\/libblas\.so/.test(lib));
    if (!slowBlas) return { python: p };
  }
  return {
    reason: slowBlas
      ? `not measured (PyTorch here runs on the reference BLAS, ${slowBlas}, not a fair peer: ${INSTALL})`
      : `not measured (no python3 here imports torch and numpy: ${INSTALL})`,
  };
}

/**
 * Writes `files` (raw float32 values) to a temporary folder, runs `script` with their paths followed by `args`,
 * and waits for its "ready ..." line; resolves to a reason instead when no python here imports torch or the
 * script fails.
 */
export async function startPythonPeer(
  script: string, files: Float32Array[], args: string[], threads: number,
): Promise<PythonPeer | string> {
  const found = findPython();
  if ('reason' in found) return found.reason;
  const { python } = found;
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const paths = files.map((values, i) => {
    const path = join(dir, `${i}.bin`);
    writeFileSync(path, values);
    return path;
  });
  // BLAS and OpenMP pools sized like torch's own threads, so no library runs more than it is allowed. glibc's malloc
  // kept from handing large blocks back to the system: otherwise PyTorch's batch-256 activations (22 MB for the seed
  // model's conv) came back fresh from the kernel in some rounds, a page fault a 4 KiB page, and its inference ran at
  // ~3,000 samples/s instead of ~14,000; the peer is timed at its best.
  const env = {
    ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads),
    MALLOC_MMAP_THRESHOLD_: String(32 << 20), MALLOC_TRIM_THRESHOLD_: String(1 << 30),
  };
  const child = spawn(python, ['-c', script, ...paths, ...args], { env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const waiting: ((line: string | null) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => waiting.shift()?.(l));
  child.on('close', () => { for (const w of waiting.splice(0)) w(null); });
  const next = (): Promise<string | null> => new Promise((resolve) => waiting.push(resolve));
  const failed = (): string => `not measured (the PyTorch run failed: ${stderr.trim().split('\n').pop() ?? 'no output'})`;

  const first = await next();
  rmSync(dir, { recursive: true, force: true });
  if (!first?.startsWith('ready ')) {
    child.kill();
    return failed();
  }
  return {
    ready: first.split(' ').slice(1),
    ask: async (command) => {
      const reply = next();
      child.stdin.write(`${command}\n`);
      const line = await reply;
      if (line === null) throw new Error(`bench: ${failed()}`);
      return line.split(' ').map(Number);
    },
    close: () => { child.stdin.end('quit\n'); },
  };
}

// After its calls, OpenBLAS's threads (PyTorch's, even at one torch thread) keep a core busy spinning for ~0.13 s
// (measured): a third of an inference round of whoever runs next.
const SETTLE_MS = 300;

/** Waits until a peer's spinning threads have gone to sleep: every bench awaits it before each timed round, either side's. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** Weights in order as one flat array, as the peers read them. */
export function flatWeights(weights: readonly Float32Array[]): Float32Array {
  const all = new Float32Array(weights.reduce((n, w) => n + w.length, 0));
  weights.reduce((at, w) => (all.set(w, at), at + w.length), 0);
  return all;
}
