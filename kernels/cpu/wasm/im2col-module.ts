import type { CodeWriter } from './code-writer';
import { FunctionEmitter, floatRun, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

// Geometry parameters shared by both functions, after the two pointers: as Conv2dGeometry names them.
const GEOMETRY = ['inH', 'inW', 'inC', 'outH', 'outW', 'kh', 'kw', 'sh', 'sw', 'padTop', 'padLeft'] as const;
type Geometry = Record<(typeof GEOMETRY)[number], number>;
const geometry = (): Geometry => Object.fromEntries(GEOMETRY.map((k, i) => [k, 2 + i])) as Geometry;

/** Pushes whether the signed i32 `v` (pushed by `value`) lies in [0, size): one unsigned compare. */
function inside(c: CodeWriter, value: () => void, size: number): void {
  value();
  c.localGet(size).i32LtU();
}

/**
 * im2col(x, cols, …geometry, row0, row1): the twin of kernels/cpu/im2col.ts for output rows row0..row1
 * (row = b·outH + oy), writing cols rows [row·outW, (row + 1)·outW). A kernel row whose kw cells all lie
 * inside the image is one contiguous run of kw·inC floats in NHWC, copied as such; otherwise cell by cell,
 * with zeros for padding.
 */
function addIm2col(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(15));
  const [x, cols] = [0, 1];
  const g = geometry();
  const [row0, row1] = [13, 14];
  const [row, b, iy0, ox, ix0, ky, kx, iy, ix, dst, d, src, at, runBytes, cBytes, imageBytes] = Array.from({ length: 16 }, () => f.local());
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  const copy = (len: () => void): void => floatRun(c, at, len, () => {
    c.localGet(d).localGet(at).i32Add().localGet(src).localGet(at).i32Add().v128Load().v128Store();
  }, () => {
    c.localGet(d).localGet(at).i32Add().localGet(src).localGet(at).i32Add().f32Load().f32Store();
  });
  const zero = (len: () => void): void => floatRun(c, at, len, () => {
    c.localGet(d).localGet(at).i32Add().v128Const0().v128Store();
  }, () => {
    c.localGet(d).localGet(at).i32Add().f32Const(0).f32Store();
  });
  // src = x + b·imageBytes + (iy·inW + column)·cBytes
  const source = (column: number): void => {
    c.localGet(x).localGet(b).localGet(imageBytes).i32Mul().i32Add()
      .localGet(iy).localGet(g.inW).i32Mul().localGet(column).i32Add().localGet(cBytes).i32Mul().i32Add().localSet(src);
  };

  c.localGet(g.inC).i32Const(2).i32Shl().localSet(cBytes);
  c.localGet(g.kw).localGet(cBytes).i32Mul().localSet(runBytes);
  c.localGet(g.inH).localGet(g.inW).i32Mul().localGet(cBytes).i32Mul().localSet(imageBytes);
  c.localGet(cols).localGet(row0).localGet(g.outW).i32Mul().localGet(g.kh).i32Mul().localGet(runBytes).i32Mul().i32Add().localSet(dst);
  forLoop(c, row, () => c.localGet(row0), () => c.localGet(row1), one, () => {
    c.localGet(row).localGet(g.outH).i32DivU().localSet(b);
    c.localGet(row).localGet(b).localGet(g.outH).i32Mul().i32Sub().localGet(g.sh).i32Mul().localGet(g.padTop).i32Sub().localSet(iy0);
    forLoop(c, ox, () => c.i32Const(0), () => c.localGet(g.outW), one, () => {
      c.localGet(ox).localGet(g.sw).i32Mul().localGet(g.padLeft).i32Sub().localSet(ix0);
      forLoop(c, ky, () => c.i32Const(0), () => c.localGet(g.kh), one, () => {
        c.localGet(iy0).localGet(ky).i32Add().localSet(iy);
        c.localGet(dst).localSet(d);
        // The whole kernel row inside: 0 <= iy < inH, ix0 >= 0 and ix0 + kw <= inW.
        inside(c, () => c.localGet(iy), g.inH);
        c.localGet(ix0).i32Const(0).i32GeS().i32And();
        c.localGet(ix0).localGet(g.kw).i32Add().localGet(g.inW).i32LeS().i32And();
        c.if();
        source(ix0);
        copy(() => c.localGet(runBytes));
        c.else();
        forLoop(c, kx, () => c.i32Const(0), () => c.localGet(g.kw), one, () => {
          c.localGet(ix0).localGet(kx).i32Add().localSet(ix);
          inside(c, () => c.localGet(iy), g.inH);
          inside(c, () => c.localGet(ix), g.inW);
          c.i32And().if();
          source(ix);
          copy(() => c.localGet(cBytes));
          c.else();
          zero(() => c.localGet(cBytes));
          c.end();
          c.localGet(d).localGet(cBytes).i32Add().localSet(d);
        });
        c.end();
        c.localGet(dst).localGet(runBytes).i32Add().localSet(dst);
      });
    });
  });
  f.addTo(m, 'im2col');
}

/**
 * col2im(cols, dx, …geometry, b0, b1): the twin of kernels/cpu/im2col.ts col2im for images b0..b1 (the
 * caller zeroes dx): every cols entry is added back to the input position it came from, in the twin's order.
 * Splitting by image keeps concurrent chunks from adding to the same element.
 */
function addCol2im(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(15));
  const [cols, dx] = [0, 1];
  const g = geometry();
  const [b0, b1] = [13, 14];
  const [b, oy, iy0, ox, ix0, ky, kx, iy, ix, src, d, at, cBytes, imageBytes, patchBytes] = Array.from({ length: 15 }, () => f.local());
  const c = f.code;
  const one = (): void => { c.i32Const(1); };

  c.localGet(g.inC).i32Const(2).i32Shl().localSet(cBytes);
  c.localGet(g.inH).localGet(g.inW).i32Mul().localGet(cBytes).i32Mul().localSet(imageBytes);
  c.localGet(g.kh).localGet(g.kw).i32Mul().localGet(cBytes).i32Mul().localSet(patchBytes);
  c.localGet(cols).localGet(b0).localGet(g.outH).i32Mul().localGet(g.outW).i32Mul().localGet(patchBytes).i32Mul().i32Add().localSet(src);
  forLoop(c, b, () => c.localGet(b0), () => c.localGet(b1), one, () => {
    forLoop(c, oy, () => c.i32Const(0), () => c.localGet(g.outH), one, () => {
      c.localGet(oy).localGet(g.sh).i32Mul().localGet(g.padTop).i32Sub().localSet(iy0);
      forLoop(c, ox, () => c.i32Const(0), () => c.localGet(g.outW), one, () => {
        c.localGet(ox).localGet(g.sw).i32Mul().localGet(g.padLeft).i32Sub().localSet(ix0);
        forLoop(c, ky, () => c.i32Const(0), () => c.localGet(g.kh), one, () => {
          c.localGet(iy0).localGet(ky).i32Add().localSet(iy);
          forLoop(c, kx, () => c.i32Const(0), () => c.localGet(g.kw), one, () => {
            c.localGet(ix0).localGet(kx).i32Add().localSet(ix);
            inside(c, () => c.localGet(iy), g.inH);
            inside(c, () => c.localGet(ix), g.inW);
            c.i32And().if();
            c.localGet(dx).localGet(b).localGet(imageBytes).i32Mul().i32Add()
              .localGet(iy).localGet(g.inW).i32Mul().localGet(ix).i32Add().localGet(cBytes).i32Mul().i32Add().localSet(d);
            floatRun(c, at, () => c.localGet(cBytes), () => {
              c.localGet(d).localGet(at).i32Add().localGet(d).localGet(at).i32Add().v128Load()
                .localGet(src).localGet(at).i32Add().v128Load().f32x4Add().v128Store();
            }, () => {
              c.localGet(d).localGet(at).i32Add().localGet(d).localGet(at).i32Add().f32Load()
                .localGet(src).localGet(at).i32Add().f32Load().f32Add().f32Store();
            });
            c.end();
            c.localGet(src).localGet(cBytes).i32Add().localSet(src);
          });
        });
      });
    });
  });
  f.addTo(m, 'col2im');
}

export const IM2COL_EXPORTS = ['im2col', 'col2im'] as const;

/** Adds im2col and col2im (pointers are byte addresses; geometry in elements). */
export function addIm2colFunctions(m: ModuleBuilder): void {
  addIm2col(m);
  addCol2im(m);
}
