import { format } from 'node:util';
import type { Program } from '../harness';

// How programs print, profile and inspect tensors and the engine. Node's console.log(x) writes format(x) (util.inspect
// for an object); the harness's capture writes String(x), so what console.log shows is returned as format's text.
// Tensor and scope ids count every tensor and scope the process made (the suite's earlier programs too), so they
// are masked.

const masked = (text: string) => text.replace(/\b(id|scopeId): \d+/g, '$1: #').replace(/"(id|scopeId)":\d+/g, '"$1":#');
const shown = (...args: unknown[]) => masked(format(...args));
const json = (value: unknown) => masked(JSON.stringify(value));

export const coresurface: Program[] = [
  {
    name: 'console.log(tensor) shows the Tensor object fields, as TF.js',
    run: (tf) => {
      const t = tf.tensor1d([1.5, 2, -3]);
      const kept = tf.keep(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'));
      const gone = tf.tensor1d([true, false], 'bool');
      gone.dispose();
      return [
        shown(t), shown(tf.scalar(3)), shown(kept), shown(gone), shown(tf.ones([1, 1, 1, 1, 1, 1])), shown('%o', tf.tensor1d([1])),
        shown([t]), shown({ a: { b: { c: t } } }), shown('loss', t), json(t), json({ list: [kept] }),
        shown(t.add(1)), shown(tf.tidy(() => tf.square(t))), json(tf.relu(t)), shown(tf.buffer([2, 2], 'int32')), shown(t.bufferSync()),
      ];
    },
  },
  {
    name: 'console.log(variable) shows its trainable flag and name, and kept is false until tf.keep',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2]), false, 'coresurfaceShown');
      const before = v.kept;
      v.assign(tf.tensor1d([5, 6]));
      return [shown(v), json(v), before, tf.keep(v).kept, v.trainable];
    },
  },
  {
    name: 'console.log of a reshape and of a variable shows the dataId it shares, as TF.js',
    run: (tf) => {
      const t = tf.tensor1d([1, 2, 3, 4]);
      const r = t.reshape([2, 2]);
      const v = tf.variable(t);
      const w = tf.variable(tf.zeros([4]));
      w.assign(t);
      return [r.dataId === t.dataId, v.dataId === t.dataId, w.dataId === t.dataId, tf.tensor1d([1]).dataId === t.dataId];
    },
  },
  {
    name: 'tf.profile names the kernels as TF.js',
    run: async (tf) => {
      const x = tf.ones([1, 3, 3, 1]);
      const [f2, f1, small, nan, four, square, at, ndIdx, update] = [
        tf.ones([2, 2, 1, 2]), tf.ones([2, 2, 1, 1]), tf.ones([1, 2, 2, 1]), tf.tensor1d([1, NaN]), tf.ones([4]), tf.ones([2, 2]), tf.tensor2d([[1, 1]], [1, 2], 'int32'), tf.tensor2d([[0]], [1, 1], 'int32'), tf.tensor1d([3]),
      ];
      const names = async (f: () => unknown) => (await tf.profile(f as () => never)).kernelNames;
      return [
        await names(() => tf.conv2d(x as never, f2 as never, 1, 'valid')),
        await names(() => tf.depthwiseConv2d(x as never, f1 as never, 1, 'same')),
        await names(() => tf.conv2dTranspose(small as never, f1 as never, [1, 3, 3, 1], 1, 'valid')),
        await names(() => tf.isNaN(nan)),
        await names(() => tf.split(four, 2)),
        await names(() => tf.gatherND(square, at)),
        await names(() => tf.scatterND(ndIdx, update, [2])),
        // Printed, as console.log(info) shows it; times and the process's running totals masked (TF.js's byte
        // totals turn NaN once earlier programs have made some tensors).
        shown(await tf.profile(() => tf.square(nan))).replace(/(kernelTimeMs|bytesAdded|totalBytesSnapshot|totalTensorsSnapshot|peakBytes|newBytes): (?:[-\d.e]+|NaN)/g, '$1: #'),
      ];
    },
  },
  {
    name: "env(): TF.js's webgl and cpu tuning flags read and set as there, setFlags replaces the flags, registerFlag, unknown flags",
    run: (tf) => {
      const e = tf.env();
      const before = { ...e.getFlags() };
      // Flags whose value asks for a WebGL context are left out: TF.js logs its failure to get one in Node.
      const names = [
        'WEBGL_CPU_FORWARD', 'WEBGL_FORCE_F16_TEXTURES', 'WEBGL_DELETE_TEXTURE_THRESHOLD', 'CPU_HANDOFF_SIZE_THRESHOLD', 'WEBGL_FLUSH_THRESHOLD',
        'ENGINE_COMPILE_ONLY', 'TOPK_LAST_DIM_CPU_HANDOFF_SIZE_THRESHOLD', 'TOPK_K_CPU_HANDOFF_THRESHOLD', 'WEBGL_USE_SHAPES_UNIFORMS',
        'CHECK_COMPUTATION_FOR_ERRORS', 'TENSORLIKE_CHECK_SHAPE_CONSISTENCY', 'USE_SETTIMEOUTCUSTOM', 'WRAP_TO_IMAGEBITMAP', 'WEBGL_EXP_CONV',
        'SOFTWARE_WEBGL_ENABLED', 'WEBGL_MAX_SIZE_FOR_NARROW_TEXTURE', 'WEBGL2_ISNAN_CUSTOM', 'TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES',
      ];
      const read = names.map((n) => e.get(n));
      e.set('WEBGL_PACK', false);
      e.set('WEBGL_CPU_FORWARD', false);
      e.set('WEBGL_DELETE_TEXTURE_THRESHOLD', 0);
      const set = [e.get('WEBGL_PACK'), e.getBool('WEBGL_CPU_FORWARD'), e.getNumber('WEBGL_DELETE_TEXTURE_THRESHOLD'), tf.add(tf.scalar(1), 2)];
      e.setFlags({ PROD: true, IS_TEST: false });
      const replaced = { ...e.getFlags() };
      e.registerFlag('CORESURFACE_FLAG', () => 7);
      const own = [e.get('CORESURFACE_FLAG'), (e.set('CORESURFACE_FLAG', 8), e.get('CORESURFACE_FLAG'))];
      const unknown = [() => e.get('NO_SUCH_FLAG'), () => e.set('NO_SUCH_FLAG', 1)].map((f) => { try { f(); return 'ok'; } catch (err) { return (err as Error).message; } });
      e.setFlags(before);
      return { read, set, replaced, own, unknown };
    },
  },
  {
    name: 'a program edits the array x.shape gave it, as TF.js lets it (const s = x.shape; s.reverse(); tf.zeros(s))',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
      const dims = x.shape;
      dims.reverse();
      const batch = tf.ones([4, 3]).shape;
      batch[0] = 1;
      return [tf.zeros(dims), x.size, x.shape, tf.ones(batch)];
    },
  },
  {
    name: "tensor.scopeId numbers TF.js's scopes: one per op call and per tidy, none for tf.tensor, tf.zeros and variables",
    run: (tf) => {
      const a = tf.tensor1d([1, 2, 3, 4]);
      const outs = [
        tf.add(a, 2), a.add(a), a.mul(2), a.reshape([2, 2]), tf.reshape(a, [2, 2]), a.clone(), a.sum(), tf.mean(a), a.relu(), tf.square(a),
        tf.matMul(a.reshape([2, 2]), a.reshape([2, 2])), tf.randomNormal([2]), a.cast('int32'), a.expandDims(), tf.concat([a, a]), a.slice(0, 2),
        tf.tidy(() => a.add(1).mul(2)), a.sub(1), a.softmax(), a.div(2), tf.oneHot(tf.tensor1d([0, 1], 'int32'), 2), a.argMax(), a.max(),
        a.reshape([2, 2]).transpose(), tf.sigmoid(a),
      ];
      const nested = tf.tidy(() => {
        const k = tf.keep(a.neg());
        const r = tf.tidy(() => a.add(3));
        return [k, r, a.add(4), tf.tensor1d([1])];
      });
      const start = outs[0].scopeId ?? NaN;
      const unscoped = [a, tf.zeros([2]), tf.ones([2]), tf.scalar(5), tf.tensor2d([[1]]), tf.range(0, 3), tf.fill([2], 1), tf.linspace(0, 1, 3), tf.variable(a)];
      return [outs.map((t) => (t.scopeId ?? NaN) - start), nested.map((t) => (t.scopeId ?? NaN) - start), unscoped.map((t) => t.scopeId === undefined)];
    },
  },
  {
    name: "a disposed tensor's use throws TF.js's 'Tensor is disposed.', which a program catching it prints",
    run: async (tf) => {
      const t = tf.tensor1d([1, 2]);
      const v = tf.variable(tf.tensor1d([1, 2]));
      t.dispose();
      v.dispose();
      const uses: Array<() => unknown> = [
        () => t.dataSync(), () => t.arraySync(), () => t.data(), () => t.array(), () => t.bufferSync(), () => t.reshape([2, 1]), () => t.clone(),
        () => t.add(1), () => t.sum(), () => t.cast('int32'), () => t.print(), () => t.toString(), () => v.dataSync(), () => v.add(1),
      ];
      const said: string[] = [];
      for (const use of uses) {
        try {
          await use();
          said.push('ran');
        } catch (e) {
          said.push((e as Error).message);
        }
      }
      return said;
    },
  },
];
