import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../network';
import { loadCase, readFixture } from '../test-cases';
import { solveDcOpf } from './solve-dcopf';
import { solveMultiPeriodDcOpf } from './profiles';
import type { DcOpfResult, PeriodResult } from './results';

// Reference values are read in test/data/lmp-reference/ (dcopf-expected.json, t_case9_opf.dcopf.json),
// transcribed from the cited repositories' own test suites; tolerances are the sources' own.

const only = (r: DcOpfResult): PeriodResult => {
  expect(r.status).toBe('optimal');
  expect(r.periods).toHaveLength(1);
  return r.periods[0] as PeriodResult;
};
const lmpOf = (p: PeriodResult, bus: number) => p.buses.find((b) => b.bus === bus)?.lmp ?? NaN;

interface Soln9 {
  f: number;
  bus: { bus: number; lam_p: number; va_deg: number }[];
  gen: { pg: number; mu_pmin: number }[];
  branch: { pf: number; mu_sf: number; mu_st: number }[];
}

describe.each(['btheta', 'ptdf'] as const)(
  'MATPOWER t_opf_dc (t_case9_opf, soln9_dcopf.mat), %s',
  (formulation) => {
    // MATPOWER/matpower @95d5a6f lib/t/t_opf_dc_default.m: t_is(f, f_soln, 3), LAM_P / PG / PF to 3 decimals, mu to 2
    const soln = JSON.parse(readFixture('lmp-reference/t_case9_opf.dcopf.json')) as Soln9;

    it('objective 6392.9017 $/h, all nine LMPs, dispatch, flows and the binding 6-7 limit', async () => {
      const r = await solveDcOpf(loadCase('matpower/t_case9_opf.m'), { formulation });
      const p = only(r);
      expectClose(r.objective, soln.f, { abs: 1e-3 }, 'objective');
      for (const b of soln.bus)
        expectClose(lmpOf(p, b.bus), b.lam_p, { abs: 1e-3 }, `LMP bus ${b.bus}`);
      soln.gen.forEach((g, k) =>
        expectClose(p.generators[k]?.pgMW ?? NaN, g.pg, { abs: 1e-3 }, `PG gen ${k + 1}`),
      );
      soln.branch.forEach((b, l) =>
        expectClose(p.branches[l]?.flowMW ?? NaN, b.pf, { abs: 1e-3 }, `PF branch ${l + 1}`),
      );
      soln.branch.forEach((b, l) =>
        expectClose(
          p.branches[l]?.flowLimitPrice ?? NaN,
          b.mu_sf + b.mu_st,
          { abs: 1e-2 },
          `MU_SF+MU_ST branch ${l + 1}`,
        ),
      );
      expectClose(
        p.generators[0]?.pminPrice ?? NaN,
        soln.gen[0]?.mu_pmin ?? NaN,
        { abs: 1e-2 },
        'MU_PMIN gen 1',
      );
      expect(p.bindingBranches).toEqual([5]);
    });

    it('with angle-difference limits (branch 4 ANGMAX 3°, branch 7 ANGMIN −4.5°): 6456.7213 $/h', async () => {
      // t_opf_dc_default.m "w/angle diff lims": f (1e-3), PG (1e-4), MU_ANGMAX − MU_ANGMIN (1e-4)
      const base = loadCase('matpower/t_case9_opf.m');
      const branches = base.branches.map((b, l) =>
        l === 3 ? { ...b, angMaxDeg: 3 } : l === 6 ? { ...b, angMinDeg: -4.5 } : b,
      );
      const r = await solveDcOpf(createNetwork({ ...base, branches }), { formulation });
      const p = only(r);
      expectClose(r.objective, 6456.7213, { abs: 1e-3 }, 'objective');
      [99.98497, 89.35133, 125.66371].forEach((pg, k) =>
        expectClose(p.generators[k]?.pgMW ?? NaN, pg, { abs: 1e-4 }, `PG gen ${k + 1}`),
      );
      expectClose(
        p.branches[3]?.angleLimitPrice ?? NaN,
        297.83776,
        { abs: 1e-4 },
        'MU_ANGMAX − MU_ANGMIN branch 4',
      );
      expectClose(
        p.branches[6]?.angleLimitPrice ?? NaN,
        -26.94788,
        { abs: 1e-4 },
        'MU_ANGMAX − MU_ANGMIN branch 7',
      );
    });
  },
);

describe('PJM 5-bus (matpower/case5.m)', () => {
  // NLaws/BusInjectionModel.jl @6c60117 test/test_dc_model.jl (atol 0.01); PREP-SHOT @1cbbb09 objective 17479.89 ± 1
  it.each(['btheta', 'ptdf'] as const)(
    '%s: LMPs 16.98/26.38/30/39.94/10, dispatch, flows, binding 4-5, objective 17479.89',
    async (formulation) => {
      const r = await solveDcOpf(loadCase('matpower/case5.m'), { formulation });
      const p = only(r);
      expectClose(r.objective, 17479.89, { abs: 1 }, 'objective');
      [16.98, 26.38, 30.0, 39.94, 10.0].forEach((lmp, i) =>
        expectClose(lmpOf(p, i + 1), lmp, { abs: 0.01 }, `LMP bus ${i + 1}`),
      );
      [40, 170, 323.49, 0, 466.51].forEach((pg, k) =>
        expectClose(p.generators[k]?.pgMW ?? NaN, pg, { abs: 0.01 }, `dispatch gen ${k + 1}`),
      );
      [249.72, 186.79, -226.51, -50.28, -26.79, -240.0].forEach((f, l) =>
        expectClose(p.branches[l]?.flowMW ?? NaN, f, { abs: 0.01 }, `flow branch ${l + 1}`),
      );
      expect(p.bindingBranches).toEqual([6]);
      expect(p.branches[5]).toMatchObject({ from: 4, to: 5, atLimit: true });
      // decomposition reported by BusInjectionModel.jl: energy at reference bus D (4) and congestion
      for (const b of p.buses) expectClose(b.energy, 39.94, { abs: 0.01 }, `energy bus ${b.bus}`);
      [-22.97, -13.56, -9.94, 0.0, -29.94].forEach((c, i) =>
        expectClose(p.buses[i]?.congestion ?? NaN, c, { abs: 0.01 }, `congestion bus ${i + 1}`),
      );
    },
  );

  it('PGLib case5_pjm carries the same economics: same LMPs', async () => {
    const p = only(await solveDcOpf(loadCase('pglib-opf/pglib_opf_case5_pjm.m')));
    [16.98, 26.38, 30.0, 39.94, 10.0].forEach((lmp, i) =>
      expectClose(lmpOf(p, i + 1), lmp, { abs: 0.01 }, `LMP bus ${i + 1}`),
    );
  });

  it('LMP sign: one more MW of load at bus 2 raises the cost by its LMP (finite difference)', async () => {
    const base = loadCase('matpower/case5.m');
    const r0 = await solveDcOpf(base);
    const buses = base.buses.map((b) => (b.id === 2 ? { ...b, pdMW: b.pdMW + 1 } : b));
    const r1 = await solveDcOpf(createNetwork({ ...base, buses }));
    expect(lmpOf(only(r0), 2)).toBeGreaterThan(0);
    expectClose(
      r1.objective - r0.objective,
      lmpOf(only(r0), 2),
      { abs: 1e-6 },
      'Δcost / ΔMW at bus 2',
    );
  });
});

describe('PowerModels.jl DCPPowerModel test suite (powermodels/*.m)', () => {
  // lanl-ansi/PowerModels.jl @dd45675 test/opf.jl "test dc opf" (atol 1)
  it.each([
    ['case5.m', 17613],
    ['case5_asym.m', 17479],
    ['case5_gap.m', -27410.0],
    ['case5_uc.m', 18064.5],
    ['case5_db.m', 16710.0],
  ])('%s: objective %f', async (file, objective) => {
    const r = await solveDcOpf(loadCase(`powermodels/${file}`), { convention: 'powermodels-dcp' });
    expectClose(r.objective, objective, { abs: 1 }, `${file} objective`);
  });

  it('case5 duals: every LMP in [9, 45] $/MWh; only branch 7 (4-10) has a thermal price, 54.70', async () => {
    // test/output.jl "5 bus - kcl duals" (lam_kcl_r in [-45, -9], negative sign = our LMP) and "thermal limit duals" (atol 1e-2)
    const p = only(
      await solveDcOpf(loadCase('powermodels/case5.m'), { convention: 'powermodels-dcp' }),
    );
    for (const b of p.buses)
      expect(b.lmp >= 9 && b.lmp <= 45, `LMP ${b.lmp} at bus ${b.bus}`).toBe(true);
    p.branches.forEach((b) =>
      expectClose(
        b.flowLimitPrice,
        b.branch === 7 ? 54.7 : 0,
        { abs: 1e-2 },
        `thermal price branch ${b.branch}`,
      ),
    );
  });

  it('case5 with two identical periods: 35226.4 and LMPs within [0, 40] $/MWh', async () => {
    // test/multinetwork.jl "2 period 5-bus dual variable case": objective (atol 1), lam_kcl_r in [-4000, 0] per unit (baseMVA 100)
    const r = await solveMultiPeriodDcOpf(
      loadCase('powermodels/case5.m'),
      { periods: 2 },
      { convention: 'powermodels-dcp' },
    );
    expectClose(r.objective, 35226.4, { abs: 1 }, 'objective');
    for (const period of r.periods)
      for (const b of period.buses) expect(b.lmp >= 0 && b.lmp <= 40).toBe(true);
  });

  it('case5 in the MATPOWER convention reproduces the DCMPPowerModel angles', async () => {
    // test/opf.jl "5-bus case with matpower DCMP model": va (rad), atol 1e-7
    const p = only(await solveDcOpf(loadCase('powermodels/case5.m'), { convention: 'matpower' }));
    [0.0591772, 0.0017285, 0.0120486, 0.0].forEach((va, i) =>
      expectClose(
        ((p.buses[i]?.angleDeg ?? NaN) * Math.PI) / 180,
        va,
        { abs: 1e-7 },
        `va bus ${i + 1}`,
      ),
    );
  });

  it.each([
    ['powermodels/case14.m', 'powermodels-dcp'],
    ['matpower/case14.m', 'matpower'],
  ] as const)('%s (quadratic costs): uniform LMP 39.02 $/MWh', async (file, convention) => {
    // test/output.jl "14 bus - kcl duals": lam_kcl_r ≈ -39.02 (atol 1e-2) at every bus; no branch price
    const p = only(await solveDcOpf(loadCase(file), { convention }));
    for (const b of p.buses) expectClose(b.lmp, 39.02, { abs: 1e-2 }, `LMP bus ${b.bus}`);
    expect(p.bindingBranches).toEqual([]);
  });
});

describe('PGLib-OPF', () => {
  it('case3_lmbd (quadratic): Egret B-θ DC OPF total cost 5693.803333337693 (rel 1e-6)', async () => {
    // grid-parity-exchange/Egret @3722e29 pglib_opf_case3_lmbd_dcopf_solution.json, test_dcopf.py isclose(rel_tol=1e-6)
    for (const formulation of ['btheta', 'ptdf'] as const) {
      const r = await solveDcOpf(loadCase('pglib-opf/pglib_opf_case3_lmbd.m'), { formulation });
      expectClose(r.objective, 5693.803333337693, { rel: 1e-6 }, `${formulation} objective`);
    }
  });

  // Egret @3722e29 copperplate_dispatch_solution_files/*.json, test_copperplate_dispatch.py isclose(rel_tol=1e-6)
  it.each([
    ['case3_lmbd', 5638.967948717949],
    ['case30_ieee', 5639.294037599999],
    ['case300_ieee', 481087.85038290004],
    ['case3012wp_k', 2492304.3159999996],
  ])('pglib_opf_%s, copper-plate dispatch (Egret): %f $/h', async (name, objective) => {
    const r = await solveDcOpf(loadCase(`pglib-opf/pglib_opf_${name}.m`), {
      formulation: 'copperplate',
    });
    const p = only(r);
    expectClose(r.objective, objective, { rel: 1e-6 }, `${name} objective`);
    expect(new Set(p.buses.map((b) => b.lmp)).size).toBe(1);
  });

  // power-grid-lib/pglib-opf @dc6be4b BASELINE.md "DC ($/h)" column (PowerModels DCPPowerModel), 5 significant digits
  it.each([
    ['case3_lmbd', 5.6959e3],
    ['case5_pjm', 1.748e4],
    ['case14_ieee', 2.0515e3],
    ['case24_ieee_rts', 6.1001e4],
    ['case30_as', 7.676e2],
    ['case30_ieee', 7.4728e3],
    ['case39_epri', 1.3689e5],
    ['case57_ieee', 3.4773e4],
    ['case118_ieee', 9.3101e4],
    ['case300_ieee', 5.1785e5],
    ['case2383wp_k', 1.8041e6],
    ['case3012wp_k', 2.509e6],
  ])('pglib_opf_%s, PowerModels DCP: %f $/h to 5 significant digits', async (name, objective) => {
    const r = await solveDcOpf(loadCase(`pglib-opf/pglib_opf_${name}.m`), {
      convention: 'powermodels-dcp',
    });
    const halfUlp = 0.5 * 10 ** (Math.floor(Math.log10(objective)) - 4);
    expectClose(r.objective, objective, { abs: halfUlp }, `${name} objective`);
  });
});
