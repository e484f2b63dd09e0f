import { describe, expect, it } from 'vitest';
import { expectClose } from '@gridhaul/common/testing';
import { parseVisitsCsv } from './formats';
import { testData } from './test-data';
import { parseRoutesCsv, utaInstance } from './uta';

// Instance facts: test/data/uta/expected-results.json "instance" (recomputed from Brown's routes.csv,
// alexb7711/sa-pap@7127c81), and notes/beb-charging.md §2.2.
const facts = JSON.parse(testData('uta/expected-results.json')).instance;

describe('UTA instance from routes.csv', () => {
  const uta = utaInstance(testData('uta/routes.csv'));

  it('has the published size: 59 rows, 35 buses, 338 visits, 76 of zero length, 4–18 visits per bus', () => {
    expect(parseRoutesCsv(testData('uta/routes.csv'))).toHaveLength(facts.routes_csv_rows);
    expect(uta.buses).toHaveLength(facts.n_buses);
    expect(uta.visits).toHaveLength(facts.n_visits);
    expect(uta.visits.filter((v) => v.dwellH === 0)).toHaveLength(facts.zero_length_visits);
    const perBus = uta.visitsOfBus.map((c) => c.length);
    expect([Math.min(...perBus), Math.max(...perBus)]).toEqual(facts.visits_per_bus_min_max);
  });

  it('uses 12 953.52 kWh on 399.8 route hours and dwells 440.2 h', () => {
    expectClose(uta.visits.reduce((s, v) => s + v.dischargeAfterKWh, 0), facts.total_discharge_kWh, { abs: 1e-6 }, 'total discharge kWh');
    expectClose(uta.visits.reduce((s, v) => s + v.dwellH, 0), facts.total_dwell_hours, { abs: 1e-6 }, 'dwell hours');
    expectClose(uta.visits.reduce((s, v) => s + v.dischargeAfterKWh, 0) / facts.discharge_rate_kW_used_in_code, facts.total_route_hours, { abs: 1e-6 }, 'route hours');
  });

  it('keeps the parameters: 388 kWh, 90 % start, 20 % minimum, 70 % end, 15 × 30 kW + 15 × 910.95 kW', () => {
    for (const bus of uta.buses) {
      expect(bus.batteryKWh).toBe(facts.battery_kWh);
      expectClose(bus.initialSocKWh, 349.2, { abs: 1e-9 }, 'initial SOC kWh');
      expectClose(bus.minSocKWh, 77.6, { abs: 1e-9 }, 'min SOC kWh');
      expectClose(bus.finalSocKWh, 271.6, { abs: 1e-9 }, 'final SOC kWh');
    }
    expect(uta.chargers.filter((c) => c.type === 'slow').map((c) => c.powerKW)).toEqual(Array(15).fill(30));
    expect(uta.chargers.filter((c) => c.type === 'fast').map((c) => c.powerKW)).toEqual(Array(15).fill(910.95));
    expect(uta.buses.map((b) => b.id).slice(26, 28)).toEqual(['26', '51']);
  });

  it('equals the shared derived visit table, row for row, in (arrival, bus) order', () => {
    const table = parseVisitsCsv(testData('uta/uta-35bus-338visits.csv'));
    expect(table.visits).toHaveLength(uta.visits.length);
    uta.visits.forEach((v, i) => {
      const w = table.visits[i];
      expect(w?.bus).toBe(v.bus);
      expect(w?.next).toBe(v.next);
      expectClose(w?.arrivalH ?? NaN, v.arrivalH, { abs: 1e-6 }, `visit ${i} arrival`);
      expectClose(w?.departureH ?? NaN, v.departureH, { abs: 1e-6 }, `visit ${i} departure`);
      expectClose(w?.dischargeAfterKWh ?? NaN, v.dischargeAfterKWh, { abs: 1e-4 }, `visit ${i} discharge`);
    });
  });
});
