import { InputError } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../network';
import { loadCase } from '../test-cases';
import { dcCost, dcParameters } from './parameters';

describe('dcParameters', () => {
  it('MATPOWER convention: b = 1/(x·tap), shift in rad, RATE_A 0 unlimited, Gs counted as load', () => {
    const n = loadCase('pglib-opf/pglib_opf_case300_ieee.m');
    const p = dcParameters(n, 'matpower');
    n.branches.forEach((br, l) =>
      expectClose(
        p.branches[l]?.bPu ?? NaN,
        1 / (br.xPu * br.tapRatio),
        { rel: 1e-12 },
        `b of branch ${l + 1}`,
      ),
    );
    const shifter = n.branches.findIndex((b) => b.shiftDeg !== 0);
    expectClose(
      p.branches[shifter]?.shiftRad ?? NaN,
      (n.branches[shifter]!.shiftDeg * Math.PI) / 180,
      { rel: 1e-12 },
      'shift',
    );
    const shunt = n.buses.findIndex((b) => b.gsMW !== 0);
    expect(p.buses[shunt]?.loadMW).toBe(n.buses[shunt]!.pdMW + n.buses[shunt]!.gsMW);
    expect(
      dcParameters(loadCase('matpower/case14.m')).branches.every((b) => b.rateMW === Infinity),
    ).toBe(true);
  });

  it('MATPOWER angle limits: non-zero and inside ±360° only', () => {
    const n = loadCase('matpower/t_case9_opf.m');
    const branches = n.branches.map((b, l) =>
      l === 0
        ? { ...b, angMinDeg: 0, angMaxDeg: 3 }
        : l === 1
          ? { ...b, angMinDeg: -400, angMaxDeg: 360 }
          : b,
    );
    const p = dcParameters(createNetwork({ ...n, branches }));
    expect([p.branches[0]?.angMinRad, p.branches[0]?.angMaxRad]).toEqual([
      -Infinity,
      3 * (Math.PI / 180),
    ]);
    expect([p.branches[1]?.angMinRad, p.branches[1]?.angMaxRad]).toEqual([-Infinity, Infinity]);
  });

  it('PowerModels DCP: b = x/(r²+x²), no taps or shifts, the reversed parallel branch scaled by tap², ±60° angle pads', () => {
    const n = loadCase('powermodels/case5.m');
    const p = dcParameters(n, 'powermodels-dcp');
    const b = (r: number, x: number) => x / (r * r + x * x);
    expectClose(p.branches[0]?.bPu ?? NaN, b(0.00281, 0.0281), { rel: 1e-12 }, 'branch 1');
    expectClose(
      p.branches[4]?.bPu ?? NaN,
      b(0.00297, 0.0297),
      { rel: 1e-12 },
      'branch 5 (3→4, tap ignored)',
    );
    expectClose(
      p.branches[5]?.bPu ?? NaN,
      b(0.00297 * 1.05 ** 2, 0.0297 * 1.05 ** 2),
      { rel: 1e-12 },
      'branch 6 (4→3, reversed)',
    );
    expect(p.branches.every((br) => br.shiftRad === 0)).toBe(true);
    const m14 = dcParameters(loadCase('matpower/case14.m'), 'powermodels-dcp');
    expect(m14.branches.every((br) => br.angMinRad === -1.0472 && br.angMaxRad === 1.0472)).toBe(
      true,
    );
  });

  it('finds islands and their references: case5_db bus 3 is isolated', () => {
    const p = dcParameters(loadCase('powermodels/case5_db.m'));
    expect(p.islands).toHaveLength(2);
    const bus3 = p.buses.findIndex((b) => b.id === 3);
    expect(p.islands[p.buses[bus3]!.island]?.refBus).toBe(bus3);
    expect(p.buses[p.islands[p.buses[0]!.island]!.refBus]?.id).toBe(4); // the type-3 bus
  });

  it('rejects a zero reactance in the MATPOWER convention and an unknown convention', () => {
    const n = loadCase('matpower/case5.m');
    const branches = n.branches.map((b, l) => (l === 2 ? { ...b, xPu: 0 } : b));
    expect(() => dcParameters(createNetwork({ ...n, branches }))).toThrow(
      expect.objectContaining({ field: 'branches[2].xPu' }),
    );
    expect(() => dcParameters(n, 'ac' as never)).toThrow(InputError);
  });
});

describe('dcCost', () => {
  it('reads polynomials of degree ≤ 2 and convex PWL curves as slopes and intercepts', () => {
    expect(dcCost({ kind: 'polynomial', coefficients: [0, 0, 0.11, 5, 0] }, 'c')).toEqual({
      kind: 'quadratic',
      c2: 0.11,
      c1: 5,
      c0: 0,
    });
    expect(dcCost({ kind: 'polynomial', coefficients: [24.035, -403.5] }, 'c')).toEqual({
      kind: 'quadratic',
      c2: 0,
      c1: 24.035,
      c0: -403.5,
    });
    expect(
      dcCost(
        {
          kind: 'piecewiseLinear',
          pointsMW: [0, 100, 100, 200],
          costsPerHour: [0, 2500, 2500, 5500],
        },
        'c',
      ),
    ).toEqual({
      kind: 'piecewiseLinear',
      slopes: [25, 30],
      intercepts: [0, -500],
    });
  });

  it('rejects cubic, concave and non-convex costs naming the field', () => {
    expect(() =>
      dcCost({ kind: 'polynomial', coefficients: [1, 0, 0, 0] }, 'generators[2].cost'),
    ).toThrow(expect.objectContaining({ field: 'generators[2].cost' }));
    expect(() => dcCost({ kind: 'polynomial', coefficients: [-0.1, 5, 0] }, 'g')).toThrow(/convex/);
    expect(() =>
      dcCost(
        { kind: 'piecewiseLinear', pointsMW: [0, 100, 200], costsPerHour: [0, 3000, 5000] },
        'g',
      ),
    ).toThrow(/non-decreasing slopes/);
  });
});
