import { FILTER_BLOCK } from '../conv-direct';
import { ValType } from './code-writer';
import { forLoop, FunctionEmitter, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

const { v128, f32 } = ValType;

/** log2 of FILTER_BLOCK: a pixel's block is its index shifted right by this. */
const FILTER_BLOCK_SHIFT = Math.log2(FILTER_BLOCK);
if (!Number.isInteger(FILTER_BLOCK_SHIFT)) throw new Error(`filter-winners-module: FILTER_BLOCK must be a power of 2, got ${FILTER_BLOCK}`);

/**
 * filter_from_winners(x, dp, pooled, win, relu, inH, inW, inC, outH, outW, sh, sw, outC, kh, rowLen, rows, s,
 * total, cur, dbias, list, c0, c1): the filter and bias gradients of pooled = maxPool2×2(act(conv(x) + bias))
 * for output channels c0..c1, from dPooled (dp), the pooled values and the window winners, without the
 * pre-pool gradient dz: only the cells of dz that are not ±0 (one winner per window, where relu keeps it)
 * are visited, each adding g · its patch to channel c's sums. A patch is kh rows of rowLen floats, each row
 * read as vpr = ⌈rowLen/4⌉ vectors that end at its end (the lanes before its start are never read back);
 * channel c's sums are kh·vpr vectors at s + c·kh·vpr·16: the running sum of the current block of
 * FILTER_BLOCK pixels, folded into total (old + block) when the channel's next cell lies in a later block,
 * and at the end; cur[c] is that block. The caller zeroes s, total, cur and dbias. Each channel sees its
 * cells in pixel order (a window row's top cells, then its bottom cells, listed at list + c0·gw·8 on the
 * way), so every sum has the terms of unpool_act_back + conv_filter_direct (and dbias those of
 * unpool_bias_back) in their order, less products that are ±0 when x is finite: the same bits. Channels are
 * independent, so any split of them gives the same bits.
 */
function addFilterFromWinners(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(24));
  const [x, dp, pooled, win, relu, inH, inW, inC, outH, outW, sh, sw, outC, kh, rowLen, rows, s, total, cur, dbias, list, table, c0, c1] =
    Array.from({ length: 24 }, (_, i) => i);
  const [gh, gw, vpr, chanBytes, rowBytes, pixBytes, headBack, pr, b, py, px, ch, at, j, zRow, xRow] = Array.from({ length: 16 }, () => f.local());
  const [ox, q, sc, tc, sp, xp, xEnd, corner, v, oneBlock, bits, cv, rowSkip, topBase, topEnd, bottomBase, bottomEnd] = Array.from({ length: 17 }, () => f.local());
  const g = f.local(f32);
  const [gv, keep, gVec, wVec, codes, colCode, mTop, ctl] = Array.from({ length: 8 }, () => f.local(v128));
  const c = f.code;
  const one = (): void => { c.i32Const(1); };

  /** Folds channel ch's running sums into its total (old + block) and zeroes them, if its block is not q. */
  const foldUnless = (): void => {
    c.localGet(cur).localGet(ch).i32Const(2).i32Shl().i32Add().i32Load().localGet(q).i32Ne().if();
    c.localGet(s).localGet(ch).localGet(chanBytes).i32Mul().i32Add().localSet(sc);
    c.localGet(total).localGet(ch).localGet(chanBytes).i32Mul().i32Add().localSet(tc);
    forLoop(c, v, () => c.i32Const(0), () => c.localGet(chanBytes), () => c.i32Const(16), () => {
      c.localGet(tc).localGet(v).i32Add().localTee(sp).localGet(sp).v128Load().localGet(sc).localGet(v).i32Add().v128Load().f32x4Add().v128Store();
      c.localGet(sc).localGet(v).i32Add().v128Const0().v128Store();
    });
    c.localGet(cur).localGet(ch).i32Const(2).i32Shl().i32Add().localGet(q).i32Store();
    c.end();
  };

  /** Channel ch's cell at column ox of z's row `half` of this window row adds g·patch (and g to dbias). */
  const visit = (half: 0 | 1): void => {
    // A window row whose pixels lie in one block had every channel folded when it began.
    c.localGet(oneBlock).i32Eqz().if();
    c.localGet(zRow);
    if (half) c.localGet(outW).i32Add();
    c.localGet(ox).i32Add().i32Const(FILTER_BLOCK_SHIFT).i32ShrU().localSet(q);
    foldUnless();
    c.end();
    c.localGet(dbias).localGet(ch).i32Const(2).i32Shl().i32Add().localTee(sp).localGet(sp).f32Load().localGet(g).f32Add().f32Store();
    c.localGet(xRow);
    if (half) c.localGet(sh).localGet(rowBytes).i32Mul().i32Add();
    c.localGet(ox).localGet(pixBytes).i32Mul().i32Add().localGet(headBack).i32Sub().localSet(corner);
    c.localGet(g).f32x4Splat().localSet(gv);
    c.localGet(s).localGet(ch).localGet(chanBytes).i32Mul().i32Add().localTee(sp).localGet(chanBytes).i32Add().localSet(sc);
    // sums[sp] += x[xp]·g over the patch's vectors: one per row (the common narrow patch), or vpr.
    const madd = (): void => {
      c.localGet(sp).localGet(sp).v128Load().localGet(xp).v128Load().localGet(gv).f32x4Mul().f32x4Add().v128Store();
      c.localGet(sp).i32Const(16).i32Add().localSet(sp);
    };
    c.localGet(vpr).i32Const(1).i32Eq().if();
    c.localGet(corner).localSet(xp);
    c.loop();
    madd();
    c.localGet(xp).localGet(rowBytes).i32Add().localSet(xp);
    c.localGet(sp).localGet(sc).i32LtU().brIf(0);
    c.end();
    c.else();
    c.loop();
    c.localGet(corner).localTee(xp).localGet(vpr).i32Const(4).i32Shl().i32Add().localSet(xEnd);
    c.loop();
    madd();
    c.localGet(xp).i32Const(16).i32Add().localTee(xp).localGet(xEnd).i32LtU().brIf(0);
    c.end();
    c.localGet(corner).localGet(rowBytes).i32Add().localSet(corner);
    c.localGet(sp).localGet(sc).i32LtU().brIf(0);
    c.end();
    c.end();
  };

  /** Appends the lanes of (gVec, codes) that `m` keeps, in lane order, as (g, code) pairs at e (branch-free). */
  const compact = (m: number, e: number): void => {
    c.localGet(m).i32x4Bitmask().localTee(bits).i32Const(4).i32Shl().localGet(table).i32Add().v128Load().localSet(ctl);
    for (const [half, lanes] of [[0, [0, 4, 1, 5]], [16, [2, 6, 3, 7]]] as const) {
      c.localGet(e);
      c.localGet(gVec).localGet(ctl).i8x16Swizzle().localGet(codes).localGet(ctl).i8x16Swizzle();
      c.i32x4Shuffle(lanes[0], lanes[1], lanes[2], lanes[3]).v128Store(half);
    }
    c.localGet(e).localGet(bits).i32Popcnt().i32Const(3).i32Shl().i32Add().localSet(e);
  };
  /** Visits the (g, code) pairs from `from` to `to` as z's row `half` of the window row. */
  const visitList = (from: number, to: number, half: 0 | 1): void => {
    forLoop(c, j, () => c.localGet(from), () => c.localGet(to), () => c.i32Const(8), () => {
      c.localGet(j).f32Load().localSet(g);
      c.localGet(j).i32Load(4).localTee(ox).i32Const(0xffff).i32And().localSet(ch);
      c.localGet(ox).i32Const(16).i32ShrU().localSet(ox);
      visit(half);
    });
  };

  c.localGet(outH).i32Const(1).i32ShrU().localSet(gh);
  c.localGet(outW).i32Const(1).i32ShrU().localSet(gw);
  c.localGet(rowLen).i32Const(3).i32Add().i32Const(2).i32ShrU().localSet(vpr);
  c.localGet(kh).localGet(vpr).i32Mul().i32Const(4).i32Shl().localSet(chanBytes);
  c.localGet(inW).localGet(inC).i32Mul().i32Const(2).i32Shl().localSet(rowBytes);
  c.localGet(sw).localGet(inC).i32Mul().i32Const(2).i32Shl().localSet(pixBytes);
  c.localGet(vpr).i32Const(4).i32Shl().localGet(rowLen).i32Const(2).i32Shl().i32Sub().localSet(headBack);
  // This call's two lists (a window row's top cells, then its bottom cells): gw·(c1 − c0) pairs each, and the
  // 32 bytes a last compacted store may write past them; list holds gw·16 + 16 bytes per channel.
  c.localGet(list).localGet(c0).localGet(gw).i32Const(4).i32Shl().i32Const(16).i32Add().i32Mul().i32Add().localTee(topBase);
  c.localGet(gw).localGet(c1).localGet(c0).i32Sub().i32Mul().i32Const(3).i32Shl().i32Add().i32Const(32).i32Add().localSet(bottomBase);
  // From one pooled cell's channels c0..c1 to the next cell's.
  c.localGet(outC).localGet(c1).i32Sub().localGet(c0).i32Add().i32Const(2).i32Shl().localSet(rowSkip);
  c.localGet(c0).i32Const(2).i32Shl().localSet(at);
  forLoop(c, pr, () => c.i32Const(0), () => c.localGet(rows), one, () => {
    c.localGet(pr).localGet(gh).i32DivU().localSet(b);
    c.localGet(pr).localGet(b).localGet(gh).i32Mul().i32Sub().localSet(py);
    // Pixel index of z's row 2py at column 0, and the x address of its first patch's corner.
    c.localGet(b).localGet(outH).i32Mul().localGet(py).i32Const(1).i32Shl().i32Add().localGet(outW).i32Mul().localSet(zRow);
    c.localGet(b).localGet(inH).i32Mul().localGet(py).i32Const(1).i32Shl().localGet(sh).i32Mul().i32Add().localGet(rowBytes).i32Mul().localGet(x).i32Add().localSet(xRow);
    c.localGet(topBase).localSet(topEnd);
    c.localGet(bottomBase).localSet(bottomEnd);
    // When the window row's two rows of z lie in one block, every channel is moved to it here, once.
    c.localGet(zRow).i32Const(FILTER_BLOCK_SHIFT).i32ShrU().localTee(q);
    c.localGet(zRow).localGet(outW).i32Const(1).i32Shl().i32Add().i32Const(1).i32Sub().i32Const(FILTER_BLOCK_SHIFT).i32ShrU().i32Eq().localTee(oneBlock).if();
    forLoop(c, ch, () => c.localGet(c0), () => c.localGet(c1), one, foldUnless);
    c.end();
    forLoop(c, px, () => c.i32Const(0), () => c.localGet(gw), one, () => {
      // Column 2px of z, as the high half of a pair's code.
      c.localGet(px).i32Const(17).i32Shl().i32x4Splat().localSet(colCode);
      forLoop(c, cv, () => c.localGet(c0), () => c.localGet(c1), () => c.i32Const(4), () => {
        // The four channels' cells that add something: g = 0 + dPooled not ±0 (a NaN counts), and for relu a
        // window value > 0 (a NaN value is dropped).
        c.localGet(dp).localGet(at).i32Add().v128Load().v128Const0().f32x4Add().localTee(gVec).v128Const0().f32x4Ne().localSet(keep);
        c.localGet(relu).if();
        c.localGet(keep).localGet(pooled).localGet(at).i32Add().v128Load().v128Const0().f32x4Gt().v128And().localSet(keep);
        c.end();
        // code = (2px + winner column) · 65536 + channel; the winner's row picks the list.
        c.localGet(win).localGet(at).i32Add().v128Load().localTee(wVec).v128ConstI32(1, 1, 1, 1).v128And().v128ConstI32(65536, 65536, 65536, 65536).i32x4Mul();
        c.localGet(colCode).i32x4Add().localGet(cv).i32x4Splat().i32x4Add().v128ConstI32(0, 1, 2, 3).i32x4Add().localSet(codes);
        c.localGet(wVec).v128ConstI32(2, 2, 2, 2).v128And().v128Const0().i32x4Eq().localSet(wVec);
        c.localGet(keep).localGet(wVec).v128And().localSet(mTop);
        compact(mTop, topEnd);
        c.localGet(keep).localGet(wVec).v128AndNot().localSet(mTop);
        compact(mTop, bottomEnd);
        c.localGet(at).i32Const(16).i32Add().localSet(at);
      });
      c.localGet(at).localGet(rowSkip).i32Add().localSet(at);
    });
    visitList(topBase, topEnd, 0);
    visitList(bottomBase, bottomEnd, 1);
  });
  // The last blocks' sums.
  c.i32Const(-1).localSet(q);
  forLoop(c, ch, () => c.localGet(c0), () => c.localGet(c1), one, foldUnless);
  f.addTo(m, 'filter_from_winners');
}

export const FILTER_WINNERS_EXPORTS = ['filter_from_winners'] as const;

/** Adds filter_from_winners (pointers are byte addresses; sizes and indices are elements). */
export function addFilterWinnersFunctions(m: ModuleBuilder): void {
  addFilterFromWinners(m);
}
