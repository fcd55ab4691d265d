/**
 * Most loop iterations one gpu thread runs. Mesa's llvmpipe stops every loop of a shader after 65535 iterations
 * counted over the several fragments one call of the shader computes (four on llvmpipe), so a thread looping
 * past about 16383 times silently cuts its sum short; longer loops are split into parts of at most this many.
 */
export const MAX_LOOP_SPAN = 4096;

/**
 * How a kernel's loop of `count` iterations, each running `weight` iterations of the loops inside it, is split so
 * that no thread loops past MAX_LOOP_SPAN times in all: `parts` threads per output each take `span` consecutive
 * iterations (the last fewer), and their results are summed. One part, spanning the whole loop, when it fits.
 */
export function loopParts(count: number, weight = 1): { span: number; parts: number } {
  if (count * weight <= MAX_LOOP_SPAN) return { span: count, parts: 1 };
  const span = Math.max(1, Math.floor(MAX_LOOP_SPAN / weight));
  return { span, parts: Math.ceil(count / span) };
}
