/** The TF.js API version tessera follows. */
const TFJS = '4.22.0';

/**
 * Versions in the shape of TF.js's tf.version: the TF.js API tessera follows under the tfjs package's names, in its
 * order (what a program reads or prints of them is as there), then tessera's own.
 */
export const version = {
  'tfjs-core': TFJS, 'tfjs-backend-cpu': TFJS, 'tfjs-backend-webgl': TFJS, 'tfjs-data': TFJS, 'tfjs-layers': TFJS,
  'tfjs-converter': TFJS, tfjs: TFJS, tessera: '0.1.0',
} as const;

// TF.js's per-package version exports (tf.version_core, ...), for the same programs.
export const version_core = TFJS;
export const version_layers = TFJS;
export const version_converter = TFJS;
export const version_cpu = TFJS;
export const version_webgl = TFJS;
/** tf.data.version_data. */
export const version_data = TFJS;
