/** The middle value (the upper one of an even count): robust to the odd slow run on a shared machine. */
export function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
