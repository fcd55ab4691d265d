/** Loss and accuracy per batch on a canvas: loss scaled to the largest seen, accuracy on [0, 1]. */
export class Chart {
  private readonly loss: number[] = [];
  private readonly acc: number[] = [];
  private dirty = true;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  push(loss: number, accuracy: number): void {
    this.loss.push(loss);
    this.acc.push(accuracy);
    this.dirty = true;
  }

  clear(): void {
    this.loss.length = 0;
    this.acc.length = 0;
    this.dirty = true;
  }

  /** Redraws when something changed since the last draw (called once per animation frame). */
  draw(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const { width: w, height: h } = this.canvas;
    const pad = 28;
    ctx.clearRect(0, 0, w, h);
    ctx.strokeStyle = '#999';
    ctx.strokeRect(pad, 8, w - pad - 8, h - pad - 8);
    ctx.fillStyle = '#666';
    ctx.font = '11px system-ui';
    ctx.fillText('1', 12, 14);
    ctx.fillText('0', 12, h - pad);
    ctx.fillText(`batches: ${this.loss.length}`, pad, h - 8);
    const maxLoss = Math.max(1e-6, ...this.loss.filter(Number.isFinite));
    ctx.fillText(`loss ≤ ${maxLoss.toFixed(2)}`, w - 110, h - 8);
    const line = (values: number[], scale: number, color: string): void => {
      if (values.length < 2) return;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      values.forEach((v, i) => {
        const x = pad + (i / (values.length - 1)) * (w - pad - 8);
        const y = h - pad - (Math.min(v, scale) / scale) * (h - pad - 16);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.stroke();
    };
    line(this.loss, maxLoss, '#c0392b');
    line(this.acc, 1, '#27ae60');
  }
}
