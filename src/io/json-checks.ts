import { argError } from '../util/validate';

/** A JSON object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value of an own key only, so '__proto__' or 'constructor' never reach Object.prototype. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A short description of a value from a file, bounded whatever the file holds. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v.length > 60 ? `${JSON.stringify(v.slice(0, 60))}…` : JSON.stringify(v);
  if (Array.isArray(v)) {
    const small = v.length <= 8 && v.every((x) => x === null || typeof x === 'number');
    return small ? `[${v.map(String).join(', ')}]` : `an array of length ${v.length}`;
  }
  return typeof v === 'object' ? 'an object' : typeof v;
}

/** The error for a value at a path in a file: what came and what was expected. */
export function badValue(op: string, where: string, v: unknown, expected: string): Error {
  return argError(op, where, describe(v), expected);
}

export function requireRecord(op: string, where: string, v: unknown): Record<string, unknown> {
  if (!isRecord(v)) throw badValue(op, where, v, 'an object');
  return v;
}

export function requireString(op: string, where: string, v: unknown): string {
  if (typeof v !== 'string' || v === '') throw badValue(op, where, v, 'a non-empty string');
  return v;
}
