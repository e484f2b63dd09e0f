import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { Model, diagnose, name } from './index';

describe('diagnose', () => {
  it('names the conflicting families of an infeasible LP and leaves the others out', async () => {
    // Two plants supply at most 3 + 4 = 7, three markets demand 2 + 3 + 5 = 10: short by 3.
    const m = new Model('transport');
    const supply = [3, 4];
    const demand = [2, 3, 5];
    const x = supply.map((_, i) => demand.map((_, j) => m.addVar({ name: name('ship', { i, j }) })));
    supply.forEach((s, i) => m.addConstraint(x[i]!.map((v) => [v, 1] as const), '<=', s, name('supply', { i })));
    demand.forEach((d, j) => m.addConstraint(x.map((row) => [row[j]!, 1] as const), '>=', d, name('demand', { j })));
    m.addConstraint([[x[0]![0]!, 1]], '<=', 100, 'roadLimit');
    m.minimize(x.flat().map((v) => [v, 1] as const));
    const d = await diagnose(m);
    expect(d.feasible).toBe(false);
    const families = d.families.map((f) => f.family);
    expect(families.length).toBeGreaterThan(0);
    expect(families.every((f) => f === 'supply' || f === 'demand')).toBe(true);
    expectClose(d.families.reduce((s, f) => s + f.violation, 0), 3, { abs: 1e-7 }, 'total shortfall');
  });

  it('finds conflicts that only integrality creates', async () => {
    // 2x = 3 has the LP solution 1.5 but no integer one.
    const m = new Model('parity');
    const x = m.addVar({ name: 'x', type: 'integer', ub: 10 });
    m.addConstraint([[x, 2]], '=', 3, 'parity[k=1]');
    const d = await diagnose(m);
    expect(d.feasible).toBe(false);
    expect(d.relaxedIntegrality).toBe(false);
    expect(d.families.map((f) => f.family)).toEqual(['parity']);
  });

  it('says a feasible model is feasible', async () => {
    const m = new Model('ok');
    const x = m.addVar({ name: 'x', ub: 2 });
    m.addConstraint([[x, 1]], '>=', 1, 'need');
    expect(await diagnose(m)).toEqual({ feasible: true, relaxedIntegrality: false, families: [] });
  });
});
