import { nodeProcess } from '../util/node-process';

/** Where progress goes: a TTY gets one line updated in place, anything else one line per epoch. */
interface Sink {
  isTTY: boolean;
  write(text: string): void;
}

/**
 * Node's stderr, or undefined in a page: TF.js's fit logs nothing there at any verbose, to no console level. Not
 * stdout: `@tensorflow/tfjs` prints nothing in Node either, so a program's own output (JSON a caller parses, say)
 * stays what it is under TF.js.
 */
function stderrSink(): Sink | undefined {
  const stderr = nodeProcess()?.stderr;
  return stderr && typeof stderr.write === 'function' ? { isTTY: Boolean(stderr.isTTY), write: (t) => void stderr.write(t) } : undefined;
}

/** fit's (and fitDataset's) progress at its verbose level: none at 0, nor where there is no stderr (a page). */
export function progressLogger(verbose: number, epochs: number, steps: number | null, backendName: string): ProgressLogger | null {
  const sink = verbose > 0 ? stderrSink() : undefined;
  return sink ? new ProgressLogger(epochs, steps, backendName, verbose === 1, sink) : null;
}

function formatDuration(seconds: number): string {
  return seconds >= 1 ? `${Math.round(seconds)}s` : `${Math.round(seconds * 1000)}ms`;
}

export function formatLogs(logs: Record<string, number>): string {
  // Keras's order: the training values, then the validation ones (the epoch logs hold them the other way, as TF.js's).
  const entries = Object.entries(logs);
  return [...entries.filter(([k]) => !k.startsWith('val_')), ...entries.filter(([k]) => k.startsWith('val_'))]
    .map(([k, v]) => ` - ${k}: ${v.toFixed(4)}`)
    .join('');
}

/**
 * Keras-style progress: `Epoch 1/5 1875/1875 [======] 42s 22ms/step - loss: 0.1432 - acc: 0.9571`,
 * ending with the backend that actually ran. Without a known count of steps (a dataset of unknown size), a batch
 * reads `12/Unknown`, as in Keras, and the epoch's end counts the batches it ran.
 */
export class ProgressLogger {
  private start = 0;
  private lastDraw = 0;
  private epochLabel = '';

  constructor(
    private readonly epochs: number,
    private readonly steps: number | null,
    private readonly backendName: string,
    /** verbose 1 draws a bar that a TTY updates in place; verbose 2 (or no TTY) prints one line per epoch. */
    private readonly bar: boolean,
    private readonly sink: Sink,
  ) {}

  epochBegin(epoch: number): void {
    this.start = performance.now();
    this.lastDraw = 0;
    this.epochLabel = `Epoch ${epoch + 1}/${this.epochs}`;
  }

  batchEnd(step: number, logs: Record<string, number>): void {
    if (!this.bar || !this.sink.isTTY) return;
    const now = performance.now();
    if ((this.steps === null || step < this.steps) && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.sink.write(`\r${this.line(step, this.steps, logs)}\x1b[K`);
  }

  /** The epoch's line; `ran` is the batches it ran (default: all its steps). */
  epochEnd(logs: Record<string, number>, ran = this.steps ?? 0): void {
    const text = `${this.line(ran, this.steps ?? ran, logs)} - backend: ${this.backendName}`;
    this.sink.write(this.bar && this.sink.isTTY ? `\r${text}\x1b[K\n` : `${text}\n`);
  }

  private line(step: number, steps: number | null, logs: Record<string, number>): string {
    const elapsed = (performance.now() - this.start) / 1000;
    const perStep = step > 0 ? `${Math.round((elapsed * 1000) / step)}ms/step` : '';
    const timing = `${formatDuration(elapsed)} ${perStep}${formatLogs(logs)}`;
    if (steps === null) return `${this.epochLabel} ${step}/Unknown ${timing}`;
    const width = 30;
    const done = steps > 0 ? Math.round((step / steps) * width) : width;
    const bar = step >= steps ? '='.repeat(width) : `${'='.repeat(Math.max(0, done - 1))}>${'.'.repeat(width - Math.max(done, 1))}`;
    return `${this.epochLabel} ${step}/${steps} [${bar}] ${timing}`;
  }
}
