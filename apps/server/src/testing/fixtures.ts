import type { Rng } from '@gridhaul/common';
import type { Branch, Bus, Generator } from '@gridhaul/grid';
import type { BatterySpecInput, GridNetworkData } from '../data';

/** The 550 kWh MESS container of the charging-cycle case (shared/notes/mess-routing.md). */
export const mess550: BatterySpecInput = {
  name: 'MESS 550 kWh NMC',
  chemistry: 'NMC',
  capacityKWh: 550,
  maxChargeKW: 250,
  maxDischargeKW: 250,
  chargeEfficiency: 0.95,
  dischargeEfficiency: 0.95,
  socMin: 0.15,
  socMax: 0.9,
  replacementCostUsd: 150_000,
  endOfLifeFraction: 0.8,
};

const bus = (id: number, type: 1 | 2 | 3, pdMW: number): Bus => ({
  id, type, pdMW, qdMVAr: 0, gsMW: 0, bsMVAr: 0, area: 1, vmPu: 1, vaDeg: 0, baseKV: 230, zone: 1, vmaxPu: 1.1, vminPu: 0.9,
});

const line = (from: number, to: number, rateAMVA: number): Branch => ({
  from, to, rPu: 0, xPu: 0.1, bPu: 0, rateAMVA, rateBMVA: 0, rateCMVA: 0, tapRatio: 1, shiftDeg: 0, inService: true, angMinDeg: -360, angMaxDeg: 360,
});

const generator = (busId: number, costPerMWh: number): Generator => ({
  bus: busId, pgMW: 0, qgMVAr: 0, qmaxMVAr: Infinity, qminMVAr: -Infinity, vgPu: 1, mBaseMVA: 100, inService: true, pmaxMW: 200, pminMW: 0,
  cost: { kind: 'polynomial', coefficients: [costPerMWh, 0] }, startupCost: 0, shutdownCost: 0,
});

/** A three-bus triangle: two generators ($10 and $20/MWh), 150 MW of load at bus 3, one 50 MVA line. */
export function threeBus(name = 'three-bus'): GridNetworkData {
  return {
    format: 'json',
    network: {
      name,
      baseMVA: 100,
      buses: [bus(1, 3, 0), bus(2, 2, 0), bus(3, 1, 150)],
      branches: [line(1, 2, 0), line(1, 3, 50), line(2, 3, 0)],
      generators: [generator(1, 10), generator(2, 20)],
      dcLines: [],
      notes: [],
    },
    loads: [{ name: 'day', stepH: 1, factors: [0.8, 1, 1.2] }],
  };
}

/** Row counts of every table but the migrations log: equal before and after means "unchanged". */
export async function tableCounts(query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<Record<string, number>> {
  const tables = await query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const name = String(t['table_name']);
    const [row] = await query(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = Number(row?.['n']);
  }
  return counts;
}

/** Hillier & Lieberman, Introduction to Operations Research, Wyndor Glass: maximum 36 at x = 2, y = 6. */
export const wyndorLp = {
  sense: 'max' as const,
  variables: [
    { name: 'x', ub: 4, obj: 3 },
    { name: 'y', obj: 5 },
  ],
  constraints: [
    { name: 'plant[i=2]', terms: [{ var: 'y', coef: 2 }], sense: '<=' as const, rhs: 12 },
    { name: 'plant[i=3]', terms: [{ var: 'x', coef: 3 }, { var: 'y', coef: 2 }], sense: '<=' as const, rhs: 18 },
  ],
};

/**
 * A market-split instance (Cornuéjols & Dawande 1999): m equality knapsacks over n binaries with
 * right-hand sides half the row sums. Branch and bound needs far longer than any test waits, so a
 * solve of it runs until its time limit: a job that is reliably "still running".
 */
export function marketSplitLp(rng: Rng, m = 4, n = 30) {
  const rows = Array.from({ length: m }, () => Array.from({ length: n }, () => rng.int(0, 99)));
  return {
    sense: 'min' as const,
    variables: Array.from({ length: n }, (_, j) => ({ name: `x[j=${j}]`, type: 'binary' as const, obj: 0 })),
    constraints: rows.map((a, i) => ({
      name: `split[i=${i}]`,
      terms: a.map((coef, j) => ({ var: `x[j=${j}]`, coef })),
      sense: '=' as const,
      rhs: Math.floor(a.reduce((s, v) => s + v, 0) / 2),
    })),
  };
}

/**
 * The market-split rows as soft constraints: minimise Σ |a_i·x − b_i| (slacks s⁺, s⁻). x = 0 is
 * feasible, so a solve always has an incumbent, but closing the gap takes far longer than a test:
 * a time-limited solve of it ends with status timeLimitWithSolution, a checkable plan.
 */
export function softMarketSplitLp(rng: Rng, m = 4, n = 30) {
  const hard = marketSplitLp(rng, m, n);
  return {
    sense: 'min' as const,
    variables: [
      ...hard.variables,
      ...hard.constraints.flatMap((_, i) => [
        { name: `over[i=${i}]`, type: 'continuous' as const, obj: 1 },
        { name: `under[i=${i}]`, type: 'continuous' as const, obj: 1 },
      ]),
    ],
    constraints: hard.constraints.map((c, i) => ({
      ...c,
      terms: [...c.terms, { var: `over[i=${i}]`, coef: -1 }, { var: `under[i=${i}]`, coef: 1 }],
    })),
  };
}
