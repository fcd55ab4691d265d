/** A command-line flag's text as a positive integer (non-negative with min 0), or an Error naming the flag and what it got. */
export function intFlag(name: string, text: string | undefined, min: 0 | 1 = 1): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new Error(`--${name} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer, got ${JSON.stringify(text)}`);
  }
  return n;
}
