/** The TF.js API version tessera follows. */
const TFJS = '4.22.0';

/**
 * Versions in the shape of TF.js's tf.version: tessera's own, and the TF.js API it follows under TF.js's package
 * names (a program that prints tf.version.tfjs runs unchanged).
 */
export const version = { tessera: '0.1.0', tfjs: TFJS, 'tfjs-core': TFJS, 'tfjs-layers': TFJS } as const;

// TF.js's per-package version exports (tf.version_core, ...), for the same programs.
export const version_core = TFJS;
export const version_layers = TFJS;
export const version_converter = TFJS;
export const version_cpu = TFJS;
export const version_webgl = TFJS;
/** tf.data.version_data. */
export const version_data = TFJS;
