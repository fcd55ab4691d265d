/** A command-line flag's text as a positive integer, or an Error naming the flag and what it got. */
export function intFlag(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}
