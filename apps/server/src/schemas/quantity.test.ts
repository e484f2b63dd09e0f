import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nonNegativeQuantity, quantity } from './quantity';

const battery = z.object({ capacityKWh: quantity('kWh'), startH: nonNegativeQuantity('h').optional() });
const issues = (input: unknown) => {
  const r = battery.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('quantity fields', () => {
  it('take a number in the unit or a compatible quantity string', () => {
    expect(battery.parse({ capacityKWh: 550 })).toEqual({ capacityKWh: 550 });
    const converted = battery.parse({ capacityKWh: '0.55 MWh', startH: '30 min' });
    expectClose(converted.capacityKWh, 550, { abs: 1e-9 }, '0.55 MWh in kWh');
    expect(converted.startH).toBe(0.5);
  });

  it('a missing or wrongly typed value says what is expected, and what came instead', () => {
    const expected = 'a number in kWh or a quantity string such as "550 kWh"';
    expect(issues({})).toEqual([{ path: 'capacityKWh', message: `missing: expected ${expected}` }]);
    expect(issues({ capacityKWh: true })).toEqual([{ path: 'capacityKWh', message: `expected ${expected}, got true (boolean)` }]);
    expect(issues({ capacityKWh: null })).toEqual([{ path: 'capacityKWh', message: `expected ${expected}, got null` }]);
    expect(issues({ capacityKWh: Number.NaN })).toEqual([{ path: 'capacityKWh', message: `expected ${expected}, got NaN` }]);
    expect(issues({ capacityKWh: [550] })).toEqual([{ path: 'capacityKWh', message: `expected ${expected}, got [550] (array)` }]);
    expect(issues({ capacityKWh: { value: 550, unit: 'kWh' } })).toEqual([{ path: 'capacityKWh', message: `expected ${expected}, got {"value":550,"unit":"kWh"} (object)` }]);
    expect(issues({ capacityKWh: 1, startH: false })).toEqual([{ path: 'startH', message: 'expected a number in h or a quantity string such as "550 h", got false (boolean)' }]);
  });

  it('a string that is too long, in another dimension, or out of range names the value', () => {
    expect(issues({ capacityKWh: `${'9'.repeat(100)} kWh` })).toEqual([{ path: 'capacityKWh', message: 'expected a quantity string of at most 100 characters such as "550 kWh"' }]);
    expect(issues({ capacityKWh: '5 km' })).toEqual([{ path: 'capacityKWh', message: 'expected a quantity in kWh (e.g. "550 kWh"), got "5 km"' }]);
    expect(issues({ capacityKWh: 1, startH: '-2 h' })).toEqual([{ path: 'startH', message: 'expected a non-negative number in h, got -2' }]);
  });
});
