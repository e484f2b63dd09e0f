import { describe, expect, it } from 'vitest';
import { loadCase } from '../test-cases';
import { checkDcOpf } from './check-dcopf';
import type { DcOpfResult, PeriodResult } from './results';
import { solveDcOpf } from './solve-dcopf';

const tamper = (r: DcOpfResult, edit: (p: PeriodResult) => PeriodResult): DcOpfResult => ({
  ...r,
  periods: r.periods.map(edit),
});

describe('checkDcOpf (independent checker)', async () => {
  const network = loadCase('matpower/case5.m');
  const good = await solveDcOpf(network);

  it('accepts the solver result', () => {
    expect(checkDcOpf(network, good)).toEqual({ ok: true, violations: [] });
  });

  it('catches a flow inconsistent with the angles and the bus balance it breaks', () => {
    const bad = tamper(good, (p) => ({
      ...p,
      branches: p.branches.map((b, l) => (l === 0 ? { ...b, flowMW: b.flowMW + 1 } : b)),
    }));
    const report = checkDcOpf(network, bad);
    expect(report.ok).toBe(false);
    expect(report.violations.some((v) => v.startsWith('branch 1: flow'))).toBe(true);
    expect(report.violations.some((v) => v.startsWith('bus 1: power balance'))).toBe(true);
  });

  it('catches an LMP that disagrees with the marginal unit at its bus', () => {
    const bad = tamper(good, (p) => ({
      ...p,
      buses: p.buses.map((b) =>
        b.bus === 3 ? { ...b, lmp: b.lmp + 1, congestion: b.congestion + 1 } : b,
      ),
    }));
    expect(checkDcOpf(network, bad).violations).toEqual([
      expect.stringMatching(/^generator 3: marginal cost 30 \$\/MWh ≠ LMP 31/),
    ]);
  });

  it('catches a decomposition that does not add up, a dispatch beyond Pmax and a wrong objective', () => {
    const bad = tamper({ ...good, objective: good.objective + 5 }, (p) => ({
      ...p,
      buses: p.buses.map((b) => (b.bus === 2 ? { ...b, congestion: b.congestion + 0.5 } : b)),
      generators: p.generators.map((g, k) => (k === 0 ? { ...g, pgMW: 41 } : g)),
    }));
    const v = checkDcOpf(network, bad).violations;
    expect(v.some((s) => s.startsWith('bus 2: energy'))).toBe(true);
    expect(v.some((s) => s.startsWith('generator 1: 41 MW outside [0, 40]'))).toBe(true);
    expect(v.some((s) => s.startsWith('objective: reported'))).toBe(true);
  });

  it('catches a flow above RATE_A', () => {
    const bad = tamper(good, (p) => ({
      ...p,
      branches: p.branches.map((b, l) => (l === 5 ? { ...b, flowMW: -241 } : b)),
    }));
    expect(checkDcOpf(network, bad).violations.some((v) => v.includes('above RATE_A 240'))).toBe(
      true,
    );
  });
});
