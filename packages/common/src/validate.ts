import { InputError } from './errors';

/** Small checks used when immutable problem data is built; each throws an InputError naming the field. */
export function requireFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(field, value, 'a finite number');
  return value;
}

export function requireNonNegative(field: string, value: unknown): number {
  const v = requireFinite(field, value);
  if (v < 0) throw new InputError(field, value, 'a number >= 0');
  return v;
}

export function requirePositive(field: string, value: unknown): number {
  const v = requireFinite(field, value);
  if (v <= 0) throw new InputError(field, value, 'a number > 0');
  return v;
}

export function requireInRange(field: string, value: unknown, lo: number, hi: number): number {
  const v = requireFinite(field, value);
  if (v < lo || v > hi) throw new InputError(field, value, `a number in [${lo}, ${hi}]`);
  return v;
}

export function requireInteger(field: string, value: unknown, min = Number.MIN_SAFE_INTEGER): number {
  const v = requireFinite(field, value);
  if (!Number.isInteger(v) || v < min) throw new InputError(field, value, `an integer >= ${min}`);
  return v;
}
