/** Where progress goes: a TTY gets one line updated in place, anything else one line per epoch. */
interface Sink {
  isTTY: boolean;
  write(text: string): void;
}

function defaultSink(): Sink {
  const stdout = typeof process !== 'undefined' ? process.stdout : undefined;
  if (stdout && typeof stdout.write === 'function') return { isTTY: Boolean(stdout.isTTY), write: (t) => void stdout.write(t) };
  return { isTTY: false, write: (t) => console.log(t.replace(/\n$/, '')) };
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
 * ending with the backend that actually ran.
 */
export class ProgressLogger {
  private start = 0;
  private lastDraw = 0;
  private epochLabel = '';

  constructor(
    private readonly epochs: number,
    private readonly steps: number,
    private readonly backendName: string,
    /** verbose 1 draws a bar that a TTY updates in place; verbose 2 (or no TTY) prints one line per epoch. */
    private readonly bar: boolean,
    private readonly sink: Sink = defaultSink(),
  ) {}

  epochBegin(epoch: number): void {
    this.start = performance.now();
    this.lastDraw = 0;
    this.epochLabel = `Epoch ${epoch + 1}/${this.epochs}`;
  }

  batchEnd(step: number, logs: Record<string, number>): void {
    if (!this.bar || !this.sink.isTTY) return;
    const now = performance.now();
    if (step < this.steps && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.sink.write(`\r${this.line(step, logs)}\x1b[K`);
  }

  epochEnd(logs: Record<string, number>): void {
    const text = `${this.line(this.steps, logs)} - backend: ${this.backendName}`;
    this.sink.write(this.bar && this.sink.isTTY ? `\r${text}\x1b[K\n` : `${text}\n`);
  }

  private line(step: number, logs: Record<string, number>): string {
    const width = 30;
    const done = Math.round((step / this.steps) * width);
    const bar = step >= this.steps ? '='.repeat(width) : `${'='.repeat(Math.max(0, done - 1))}>${'.'.repeat(width - Math.max(done, 1))}`;
    const elapsed = (performance.now() - this.start) / 1000;
    const perStep = step > 0 ? `${Math.round((elapsed * 1000) / step)}ms/step` : '';
    return `${this.epochLabel} ${step}/${this.steps} [${bar}] ${formatDuration(elapsed)} ${perStep}${formatLogs(logs)}`;
  }
}
