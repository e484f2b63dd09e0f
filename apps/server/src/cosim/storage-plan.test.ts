import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { checkStorageSchedule } from './check-schedule';
import { storageShortfall } from './feasibility';
import { busSchedule, scheduleCostUsd } from './measures';
import { planStorage } from './storage-plan';
import type { StorageUnit } from './types';

const unit = (over: Partial<StorageUnit>): StorageUnit => ({
  name: 'u',
  bus: 3,
  capacityMWh: 10,
  maxChargeMW: 5,
  maxDischargeMW: 0,
  chargeEfficiency: 1,
  dischargeEfficiency: 1,
  socMin: 0,
  socMax: 1,
  initialSoc: 0.2,
  finalSoc: 0.2,
  demandMW: [0, 0, 3, 3],
  wearUsdPerMWh: 0,
  ...over,
});
const at3 = (usdPerMWh: number[]) => [{ bus: 3, usdPerMWh }];

describe('storage plan LP against LMPs', () => {
  it('covers 6 MWh of demand at the cheapest feasible hours: 5 MWh at 10 $/MWh, 1 MWh at 20 $/MWh = 70 $', async () => {
    // Hand solution: the 2 MWh start is needed at the end, so 6 MWh are bought; hour 1 (10 $) is
    // capped at 5 MW, the sixth MWh comes from hour 2 (20 $), not hour 0 (30 $) or 3 (40 $).
    const u = unit({});
    const [plan] = await planStorage([u], at3([30, 10, 20, 40]), 1);
    expect(plan?.chargeMW.map((c) => Math.round(c * 1e6) / 1e6)).toEqual([0, 5, 1, 0]);
    expectClose(scheduleCostUsd([u], [plan!], at3([30, 10, 20, 40]), 1), 70, { abs: 1e-6 }, 'energy cost');
    expect(checkStorageSchedule([u], [plan!], 1, busSchedule([u], [plan!], 4))).toEqual([]);
  });

  it('arbitrages with losses: 5 MW in at 10 $/MWh, 4.05 MW out at 50 $/MWh (0.9 × 0.9 round trip) = −152.5 $', async () => {
    const u = unit({ maxDischargeMW: 5, chargeEfficiency: 0.9, dischargeEfficiency: 0.9, initialSoc: 0.5, finalSoc: 0.5, demandMW: [0, 0] });
    const [plan] = await planStorage([u], at3([10, 50]), 1);
    expectClose(plan?.chargeMW[0] ?? NaN, 5, { abs: 1e-6 }, 'charge at 10 $/MWh');
    expectClose(plan?.dischargeMW[1] ?? NaN, 4.05, { abs: 1e-6 }, 'discharge at 50 $/MWh');
    expectClose(scheduleCostUsd([u], [plan!], at3([10, 50]), 1), 5 * 10 - 4.05 * 50, { abs: 1e-6 }, 'cost');
    expect(checkStorageSchedule([u], [plan!], 1)).toEqual([]);
  });

  it('scales energy by the period length (15-minute periods)', async () => {
    const u = unit({ demandMW: [0, 0, 3, 3] });
    const [plan] = await planStorage([u], at3([30, 10, 20, 40]), 0.25);
    // 1.5 MWh drawn over two quarter hours; hour 1 at 5 MW for 0.25 h gives 1.25 MWh, 0.25 MWh more at 20 $.
    expect(plan?.chargeMW.map((c) => Math.round(c * 1e6) / 1e6)).toEqual([0, 5, 1, 0]);
    expect(checkStorageSchedule([u], [plan!], 0.25)).toEqual([]);
  });
});

describe('checkStorageSchedule (independent replay)', () => {
  const u = unit({});
  const good = { name: 'u', bus: 3, chargeMW: [0, 5, 1, 0], dischargeMW: [0, 0, 0, 0], socMWh: [2, 7, 5, 2] };

  it('accepts a valid schedule and names each broken rule', () => {
    expect(checkStorageSchedule([u], [good], 1)).toEqual([]);
    const problems = (s: Partial<typeof good>) => checkStorageSchedule([u], [{ ...good, ...s }], 1).join('\n');
    expect(problems({ chargeMW: [0, 6, 0, 0], socMWh: [2, 8, 5, 2] })).toMatch(/charging 6 MW outside \[0, 5\]/);
    expect(problems({ socMWh: [2, 7, 5, 3] })).toMatch(/reported 3 MWh stored, the energy balance gives 2/);
    expect(problems({ chargeMW: [0, 5, 0, 0], socMWh: [2, 7, 4, 1] })).toMatch(/below 2 MWh \(final SOC\)/);
    expect(problems({ chargeMW: [5, 5, 0, 0], socMWh: [7, 12, 9, 6] })).toMatch(/above 10 MWh/);
    expect(problems({ dischargeMW: [0, 0, 1, 0], socMWh: [2, 7, 4, 1] })).toMatch(/discharging 1 MW outside \[0, 0\]/);
    expect(checkStorageSchedule([u], [good], 1, [{ bus: 3, mw: [0, 5, 2, 0] }]).join('\n')).toMatch(/bus 3, period 2: storage load 2 MW, the units' net charging is 1 MW/);
  });
});

describe('storageShortfall (can the demand be covered at all?)', () => {
  it('is exact: the limit case plans, a little more demand is refused before any solve', async () => {
    // Start 2 MWh, floor 0, charge ≤ 5 MW, end ≥ 2 MWh: over 4 hours at most 20 MWh can be bought.
    const limit = unit({ demandMW: [5, 5, 5, 5] });
    expect(storageShortfall(limit, 1)).toBeNull();
    await expect(planStorage([limit], at3([1, 2, 3, 4]), 1)).resolves.toHaveLength(1);
    const over = unit({ demandMW: [5, 5, 5, 5.001] });
    expect(storageShortfall(over, 1)).toMatchObject({ period: 3 });
    await expect(planStorage([over], at3([1, 2, 3, 4]), 1)).rejects.toMatchObject({ tag: 'COSIM_PLAN_FAILED' });
    // The 10 MWh cap binds on the way: at most 10 + 5 − 13 = 2 MWh are left after 13 MWh drawn in hour 3
    // (without the cap 2 + 20 − 13.001 would look ample).
    const capped = unit({ socMin: 0.1, demandMW: [0, 0, 0, 13] });
    expect(storageShortfall(capped, 1)).toBeNull();
    const overCap = unit({ socMin: 0.1, demandMW: [0, 0, 0, 13.001] });
    expect(storageShortfall(overCap, 1)?.period).toBe(3);
    await expect(planStorage([overCap], at3([1, 2, 3, 4]), 1)).rejects.toMatchObject({ tag: 'COSIM_PLAN_FAILED' });
  });
});
