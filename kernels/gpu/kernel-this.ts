/**
 * What gpu.js gives a kernel function as `this`: the index of the output element it computes
 * (every tessera gpu kernel has a flat 1-D output, so only x) and its compile-time constants.
 *
 * gpu.js compiles a kernel from the function's source text, so the functions in this folder use
 * only what its parser understands: numbers, `const`/`let`, `for` loops from a literal to a
 * constant bound (these compile to plain GLSL loops, not gpu.js's 1,000-iteration guard), `if`,
 * ternaries, Math.* and array indexing. They read no outer variables and call nothing but Math.
 */
export interface KernelThis<C> {
  readonly thread: { readonly x: number };
  readonly constants: C;
}

/** A kernel argument as the kernel body sees it: an indexable array (a host array or a texture). */
export type KernelInput = ArrayLike<number>;

/** Four float32 values: what a kernel declared to return Array(4) gives per thread (one RGBA texel). */
export type Vec4 = [number, number, number, number];

/** A texture of Vec4 texels (what an Array(4) kernel wrote) as a kernel body sees it: indexing gives a vec4. */
export type PackedInput = ArrayLike<Vec4>;
