import type * as tn from '../../src/index';

/** TF.js 4.22 on its cpu backend, typed as tessera's namespace, for tests that run one program on both. */
export async function tfjsCpu(): Promise<typeof tn> {
  const tfjs = await import('@tensorflow/tfjs');
  await tfjs.setBackend('cpu');
  return tfjs as unknown as typeof tn;
}
