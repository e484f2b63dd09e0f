import { InputError, requireFinite, requireNonNegative } from '@gridhaul/common';

export function requireEnergy(field: string, value: number, capacityKWh: number): number {
  const v = requireFinite(field, value);
  if (v < 0 || v > capacityKWh * (1 + 1e-12))
    throw new InputError(field, value, `a stored energy in [0, ${capacityKWh}] kWh`);
  return Math.min(v, capacityKWh);
}

export function requireHours(field: string, value: number): number {
  return requireNonNegative(field, value);
}
