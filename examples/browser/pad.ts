const SIDE = 28;
// MNIST digits are scaled to fit a 20×20 box, then centred by their centre of mass in the 28×28 image.
const BOX = 20;

/** A canvas the user draws a digit on with the mouse (or pen, or touch), read back as an MNIST-like image. */
export class DrawingPad {
  private drawing = false;
  private last: { x: number; y: number } | null = null;
  private readonly ctx: CanvasRenderingContext2D;

  /** @param onStroke called after each stroke segment and when a stroke ends */
  constructor(private readonly canvas: HTMLCanvasElement, onStroke: (ended: boolean) => void) {
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('DrawingPad: the canvas has no 2d context');
    this.ctx = ctx;
    this.clear();
    const at = (e: PointerEvent): { x: number; y: number } => {
      const r = canvas.getBoundingClientRect();
      return { x: ((e.clientX - r.left) * canvas.width) / r.width, y: ((e.clientY - r.top) * canvas.height) / r.height };
    };
    canvas.addEventListener('pointerdown', (e) => {
      this.drawing = true;
      this.last = at(e);
      this.segment(this.last);
      onStroke(false);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.drawing) return;
      this.segment(at(e));
      onStroke(false);
    });
    const end = (): void => {
      if (!this.drawing) return;
      this.drawing = false;
      this.last = null;
      onStroke(true);
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointerleave', end);
  }

  clear(): void {
    this.ctx.fillStyle = '#000';
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  private segment(to: { x: number; y: number }): void {
    const from = this.last ?? to;
    const { ctx } = this;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = this.canvas.width / 12;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    this.last = to;
  }

  /** The drawing as 28×28 grey levels in [0, 1], framed as MNIST frames its digits; null when the pad is empty. */
  pixels(): Float32Array | null {
    const { width: w, height: h } = this.canvas;
    const src = this.ctx.getImageData(0, 0, w, h).data;
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (src[(y * w + x) * 4] > 0) {
          x0 = Math.min(x0, x); x1 = Math.max(x1, x);
          y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) return null;
    // Scale the ink's bounding box into the 20×20 box (keeping its aspect), smoothing as it shrinks.
    const scale = BOX / Math.max(x1 - x0 + 1, y1 - y0 + 1);
    const bw = Math.max(1, Math.round((x1 - x0 + 1) * scale));
    const bh = Math.max(1, Math.round((y1 - y0 + 1) * scale));
    const small = new OffscreenCanvas(bw, bh).getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
    small.imageSmoothingQuality = 'high';
    small.drawImage(this.canvas, x0, y0, x1 - x0 + 1, y1 - y0 + 1, 0, 0, bw, bh);
    const box = small.getImageData(0, 0, bw, bh).data;
    // Centre of mass of the shrunk ink, placed at the image's centre.
    let mass = 0, mx = 0, my = 0;
    for (let y = 0; y < bh; y++) {
      for (let x = 0; x < bw; x++) {
        const v = box[(y * bw + x) * 4] / 255;
        mass += v; mx += x * v; my += y * v;
      }
    }
    const dx = Math.round(SIDE / 2 - (mass > 0 ? mx / mass : bw / 2) - 0.5);
    const dy = Math.round(SIDE / 2 - (mass > 0 ? my / mass : bh / 2) - 0.5);
    const out = new Float32Array(SIDE * SIDE);
    for (let y = 0; y < bh; y++) {
      for (let x = 0; x < bw; x++) {
        const tx = x + dx, ty = y + dy;
        if (tx >= 0 && tx < SIDE && ty >= 0 && ty < SIDE) out[ty * SIDE + tx] = box[(y * bw + x) * 4] / 255;
      }
    }
    return out;
  }
}
