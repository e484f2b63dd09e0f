import { describe, expect, it } from 'vitest';
import { intervalAverages, peakWindow, powerSteps, readBusChargingPlan } from './bus-charging';

const a = { charger: 'c1', bus: 'A', startH: 0, endH: 0.5, powerKW: 50 };
const b = { charger: 'c2', bus: 'B', startH: 5 / 60, endH: 15 / 60, powerKW: 100 };

describe('power profile and the 15-minute peak', () => {
  it('sums overlapping sessions into constant pieces', () => {
    const steps = powerSteps([a, b]);
    expect(steps.map((s) => s.kW)).toEqual([50, 150, 50]);
    expect(steps[1]!.startH).toBeCloseTo(1 / 12, 12);
  });

  it('averages energy over fixed quarter hours: (50·15 + 100·10) / 15 = 116.67 kW in 00:00–00:15', () => {
    const w = intervalAverages([a, b]);
    expect(w).toHaveLength(2);
    expect(w[0]!.averageKW).toBeCloseTo(350 / 3, 9);
    expect(w[1]!.averageKW).toBeCloseTo(50, 9);
    const peak = peakWindow([a, b])!;
    expect(peak.startH).toBe(0);
    expect(peak.averageKW).toBeCloseTo(350 / 3, 9);
  });

  it('has no peak without sessions', () => {
    expect(peakWindow([])).toBeNull();
  });
});

describe('reading plans', () => {
  it("reads @gridhaul/bus-charging's sessions with the instance's visits, buses and chargers", () => {
    const view = readBusChargingPlan({
      instance: {
        buses: [{ id: 'bus-1' }, { id: 'bus-2' }],
        visits: [{ bus: 0 }, { bus: 1 }],
        chargers: [{ id: 'slow-1', powerKW: 60 }, { id: 'fast-1', powerKW: 450 }],
      },
      schedule: { sessions: [{ visit: 1, charger: 1, startH: 6, endH: 6.5 }, { visit: 0, charger: 0, startH: 7, endH: 6 }] },
      soc: [{ bus: 0, points: [{ tH: 5, socKWh: 300 }, { tH: 6, socKWh: 250 }] }],
    });
    expect(view.chargers).toEqual(['slow-1', 'fast-1']);
    expect(view.sessions).toEqual([{ charger: 'fast-1', bus: 'bus-2', startH: 6, endH: 6.5, powerKW: 450 }]);
    expect(view.soc[0]!.bus).toBe('bus-1');
    expect(view.soc[0]!.points[1]).toEqual({ tH: 6, value: 250 });
  });

  it('returns an empty view for a plan of another kind', () => {
    expect(readBusChargingPlan({ routes: [] })).toEqual({ chargers: [], sessions: [], soc: [] });
  });
});
