import { unit as mathUnit } from 'mathjs';
import { z } from 'zod';

/**
 * A number in `unitName`, or a string quantity in any compatible unit ("550 kWh", "0.55 MWh",
 * "30 min" for hours), converted with mathjs. The field's name states the unit it ends up in.
 */
export function quantity(unitName: string, check: (n: number) => boolean = Number.isFinite, expected = 'a finite number') {
  const target = mathUnit(unitName);
  return z.union([z.number(), z.string().max(100)]).transform((raw, ctx): number => {
    let value: number;
    if (typeof raw === 'number') value = raw;
    else {
      try {
        const u = mathUnit(raw.trim());
        if (!u.equalBase(target)) throw new Error('incompatible');
        value = u.toNumber(unitName);
      } catch {
        ctx.addIssue({ code: 'custom', message: `expected a quantity in ${unitName} (e.g. "550 ${unitName}"), got "${raw}"` });
        return z.NEVER;
      }
    }
    if (!check(value)) {
      ctx.addIssue({ code: 'custom', message: `expected ${expected} in ${unitName}, got ${value}` });
      return z.NEVER;
    }
    return value;
  });
}

export const positiveQuantity = (unitName: string) => quantity(unitName, (n) => Number.isFinite(n) && n > 0, 'a positive number');
export const nonNegativeQuantity = (unitName: string) => quantity(unitName, (n) => Number.isFinite(n) && n >= 0, 'a non-negative number');
