import { unit as mathUnit } from 'mathjs';
import { z } from 'zod';

/**
 * A number in `unitName`, or a string quantity in any compatible unit ("550 kWh", "0.55 MWh",
 * "30 min" for hours), converted with mathjs. The field's name states the unit it ends up in.
 */
export function quantity(unitName: string, check: (n: number) => boolean = Number.isFinite, expected = 'a finite number') {
  const target = mathUnit(unitName);
  const either = `a number in ${unitName} or a quantity string such as "550 ${unitName}"`;
  const wrongType = (input: unknown) => (input === undefined ? `missing: expected ${either}` : `expected ${either}, got ${shown(input)}`);
  return z.union([z.number(), z.string().max(100, `expected a quantity string of at most 100 characters such as "550 ${unitName}"`)], { error: (issue) => wrongType(issue.input) }).transform((raw, ctx): number => {
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

/** A value of the wrong type as a message shows it: `NaN`, `null`, `true (boolean)`, `[5] (array)`. */
function shown(input: unknown): string {
  if (input === null || typeof input === 'number') return String(input);
  const kind = Array.isArray(input) ? 'array' : typeof input;
  let text: string;
  try {
    text = typeof input === 'object' ? JSON.stringify(input) : String(input);
  } catch {
    return kind; // not serialisable (a cycle): the type alone
  }
  return `${text.length > 40 ? `${text.slice(0, 40)}...` : text} (${kind})`;
}

export const positiveQuantity = (unitName: string) => quantity(unitName, (n) => Number.isFinite(n) && n > 0, 'a positive number');
export const nonNegativeQuantity = (unitName: string) => quantity(unitName, (n) => Number.isFinite(n) && n >= 0, 'a non-negative number');
