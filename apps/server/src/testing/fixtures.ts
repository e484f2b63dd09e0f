import type { BatterySpecInput, BusData, GridNetworkData } from '../data';

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

const bus = (number: number, type: number, pdMW: number): BusData => ({
  number, type, pdMW, qdMVAr: 0, gsMW: 0, bsMVAr: 0, area: 1, vmPu: 1, vaDeg: 0, baseKV: 230, zone: 1, vmaxPu: 1.1, vminPu: 0.9,
});

/** A three-bus triangle: two generators, one load, one limited line. */
export function threeBus(name = 'three-bus'): GridNetworkData {
  const line = { rPu: 0, bPu: 0, tap: 0, shiftDeg: 0, status: 1, angMinDeg: -360, angMaxDeg: 360 };
  return {
    name,
    format: 'json',
    baseMVA: 100,
    buses: [bus(1, 3, 0), bus(2, 2, 0), bus(3, 1, 150)],
    branches: [
      { fromBus: 1, toBus: 2, xPu: 0.1, rateAMVA: 0, ...line },
      { fromBus: 1, toBus: 3, xPu: 0.1, rateAMVA: 50, ...line },
      { fromBus: 2, toBus: 3, xPu: 0.1, rateAMVA: 0, ...line },
    ],
    generators: [
      { bus: 1, pgMW: 0, pMaxMW: 200, pMinMW: 0, status: 1, costModel: 2, costCoeffs: [0, 10, 0] },
      { bus: 2, pgMW: 0, pMaxMW: 200, pMinMW: 0, status: 1, costModel: 2, costCoeffs: [0, 20, 0] },
    ],
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
