import { InputError } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../network';
import { loadCase } from '../test-cases';
import { checkLinDistFlow } from './check-lindistflow';
import { solveLinDistFlow, type LinDistFlowResult } from './solve-lindistflow';

// No peer test suite publishes LinDistFlow DLMPs for case33bw (test/data/lmp-reference notes, §5), so
// these tests check what must hold by construction, plus one outside number: a lossless LinDistFlow
// must over-estimate the AC power-flow voltages, whose base-case minimum is 0.9131 p.u. at bus 18
// (the commonly reported base case of the Baran & Wu 1989 feeder; an AC backward/forward sweep on
// this file gives 0.91309 p.u. too).

const feeder = loadCase('matpower/case33bw.m');
const mainFeeder = Array.from({ length: 18 }, (_, i) => i + 1); // buses 1..18, the longest path
const at = (r: LinDistFlowResult, bus: number) => r.buses.find((b) => b.bus === bus)!;

describe('LinDistFlow on case33bw', () => {
  it('base case: voltages within limits, every DLMP equals the substation price (20 $/MWh)', async () => {
    const r = await solveLinDistFlow(feeder);
    expect(r.status).toBe('optimal');
    expect(r.buses).toHaveLength(33);
    for (const b of r.buses) {
      expect(b.vPu >= 0.9 && b.vPu <= 1.1, `V at bus ${b.bus}`).toBe(true);
      expectClose(b.dlmp, 20, { abs: 1e-6 }, `DLMP bus ${b.bus}`);
      expect([b.congestion, b.voltage]).toEqual([0, 0]);
    }
    expect(r.bindingVoltages).toEqual([]);
    expect(r.minVoltage.bus).toBe(18);
    expect(r.minVoltage.vPu).toBeGreaterThan(0.9131);
    expect(r.minVoltage.vPu).toBeLessThan(0.92);
    expectClose(r.objective, 20 * 3.715, { rel: 1e-9 }, 'cost = 20 $/MWh × 3.715 MW');
  });

  it('a tightened voltage limit (0.93 p.u.) with local generation at 50 $/MWh: DLMPs rise along the feeder', async () => {
    const resources = [
      { bus: 18, pmaxMW: 2, costPerMWh: 50 },
      { bus: 33, pmaxMW: 2, costPerMWh: 50 },
    ];
    const r = await solveLinDistFlow(feeder, { vminPu: 0.93, resources });
    expect(r.status).toBe('optimal');
    expectClose(r.minVoltage.vPu, 0.93, { abs: 1e-9 }, 'the limit binds');
    expect(r.bindingVoltages.length).toBeGreaterThan(0);
    const path = mainFeeder.map((b) => at(r, b).dlmp);
    for (let i = 1; i < path.length; i++)
      expect(path[i]! >= path[i - 1]! - 1e-9, `DLMP bus ${i + 1} ≥ bus ${i}`).toBe(true);
    expectClose(path[0]!, 20, { abs: 1e-9 }, 'substation');
    expect(path[17]!).toBeGreaterThan(20);
    expect(path[17]!).toBeLessThanOrEqual(50 + 1e-9);
    for (const b of r.buses) {
      expectClose(b.energy, 20, { abs: 1e-9 }, `energy bus ${b.bus}`);
      expect(b.voltage).toBeGreaterThanOrEqual(-1e-9);
      expect(b.congestion).toBe(0);
    }
    // the lateral 19-22 leaves at bus 2, so it is priced almost like the substation
    expect(at(r, 22).dlmp).toBeLessThan(at(r, 9).dlmp);
  });

  it('a line limit on the first branch prices the whole feeder below it at the local unit (congestion 30)', async () => {
    const r = await solveLinDistFlow(feeder, {
      lineLimitsMVA: { 1: 3 },
      resources: [{ bus: 18, pmaxMW: 2, costPerMWh: 50 }],
    });
    expect(r.branches[0]).toMatchObject({ branch: 1, from: 1, to: 2, atLimit: true });
    for (const b of r.buses) {
      if (b.bus === 1) continue;
      expectClose(b.dlmp, 50, { abs: 1e-6 }, `DLMP bus ${b.bus}`);
      expectClose(b.congestion, 30, { abs: 1e-6 }, `congestion bus ${b.bus}`);
    }
  });

  it('rejects a meshed network (tie lines closed) and an unknown resource bus', async () => {
    const branches = feeder.branches.map((b) => ({ ...b, inService: true }));
    await expect(solveLinDistFlow(createNetwork({ ...feeder, branches }))).rejects.toThrow(
      expect.objectContaining({ field: 'branches' }),
    );
    await expect(
      solveLinDistFlow(feeder, { resources: [{ bus: 99, pmaxMW: 1, costPerMWh: 1 }] }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('the checker rejects voltages that do not follow from the flows, and prices that do not add up', async () => {
    const r = await solveLinDistFlow(feeder);
    expect(checkLinDistFlow(feeder, {}, r).ok).toBe(true);
    const badV = {
      ...r,
      buses: r.buses.map((b) => (b.bus === 10 ? { ...b, vPu: b.vPu + 0.01 } : b)),
    };
    expect(checkLinDistFlow(feeder, {}, badV).violations).toEqual([
      expect.stringMatching(/^bus 10: v²/),
    ]);
    const badP = { ...r, buses: r.buses.map((b) => (b.bus === 5 ? { ...b, voltage: 1 } : b)) };
    expect(checkLinDistFlow(feeder, {}, badP).violations).toEqual([
      expect.stringMatching(/^bus 5: energy/),
    ]);
    const badFlow = {
      ...r,
      branches: r.branches.map((b) => (b.branch === 3 ? { ...b, pMW: b.pMW + 0.1 } : b)),
    };
    expect(
      checkLinDistFlow(feeder, {}, badFlow).violations.some((v) => v.startsWith('branch 3: flow')),
    ).toBe(true);
  });
});
