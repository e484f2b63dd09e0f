import type { BusSpec, Instance } from './instance';
import { buildInstance } from './instance';

// Hand-sized instances for tests: 100 kWh buses that must keep 20 kWh and end the day with 50 kWh,
// 10 kW ("slow") and 40 kW ("fast") chargers.

const bus = (id: string, initialSocKWh: number, finalSocKWh = 50): BusSpec => ({ id, batteryKWh: 100, initialSocKWh, minSocKWh: 20, finalSocKWh });
const SLOW = (id: string) => ({ id, type: 'slow', powerKW: 10 });
const FAST = (id: string) => ({ id, type: 'fast', powerKW: 40 });

/** Bus 0 needs 20 kWh late in the day; bus 1 must charge before its second block. */
export function twoBusInstance(): Instance {
  return buildInstance({
    name: 'two-bus',
    horizonH: 4,
    buses: [bus('b0', 60), bus('b1', 60)],
    visits: [
      { bus: 0, arrivalH: 0, departureH: 1, dischargeAfterKWh: 30 },
      { bus: 0, arrivalH: 2, departureH: 4, dischargeAfterKWh: 0 },
      { bus: 1, arrivalH: 0, departureH: 1, dischargeAfterKWh: 45 },
      { bus: 1, arrivalH: 1.5, departureH: 4, dischargeAfterKWh: 0 },
    ],
    chargers: [SLOW('slow'), FAST('fast')],
    costs: { energyPerKWh: 0.5, demandPerKW: 10, demandWindowH: 0.25, chargerPerUnit: { slow: 100, fast: 300 } },
  });
}

/**
 * Charger count only (no demand charge): 20, 15 and 10 kWh fit on two slow chargers only when
 * the third bus waits for the first to finish; the fast charger costs more than both.
 */
export function packingInstance(): Instance {
  return buildInstance({
    name: 'packing',
    horizonH: 3,
    buses: [bus('a', 50, 70), bus('b', 55, 70), bus('c', 60, 70)],
    visits: [
      { bus: 0, arrivalH: 0, departureH: 2.5, dischargeAfterKWh: 0 },
      { bus: 1, arrivalH: 0.5, departureH: 2.5, dischargeAfterKWh: 0 },
      { bus: 2, arrivalH: 1, departureH: 3, dischargeAfterKWh: 0 },
    ],
    chargers: [SLOW('s0'), SLOW('s1'), FAST('f0')],
    costs: { energyPerKWh: 1, demandPerKW: 0, chargerPerUnit: { slow: 20, fast: 100 } },
  });
}

/** Two buses needing 10 kWh each over the same two hours: one slow charger in turn beats two at once. */
export function sequencingInstance(): Instance {
  return buildInstance({
    name: 'sequencing',
    horizonH: 2,
    buses: [bus('a', 40), bus('b', 40)],
    visits: [
      { bus: 0, arrivalH: 0, departureH: 2, dischargeAfterKWh: 0 },
      { bus: 1, arrivalH: 0, departureH: 2, dischargeAfterKWh: 0 },
    ],
    chargers: [SLOW('s0'), SLOW('s1'), FAST('f0')],
    costs: { energyPerKWh: 1, demandPerKW: 10, chargerPerUnit: { slow: 100, fast: 250 } },
  });
}

/**
 * Three buses and five visits where the demand charge decides where the fast sessions go; 30-minute
 * demand windows keep the billing-period optimum on a 1/8-h grid (sessions straddle periods).
 */
export function demandInstance(): Instance {
  return buildInstance({
    name: 'demand',
    horizonH: 3,
    buses: [bus('a', 50), bus('b', 40), bus('c', 45)],
    visits: [
      { bus: 0, arrivalH: 0, departureH: 1, dischargeAfterKWh: 30 },
      { bus: 0, arrivalH: 1.5, departureH: 3, dischargeAfterKWh: 0 },
      { bus: 1, arrivalH: 0, departureH: 2, dischargeAfterKWh: 0 },
      { bus: 2, arrivalH: 0.5, departureH: 1.5, dischargeAfterKWh: 15 },
      { bus: 2, arrivalH: 2, departureH: 3, dischargeAfterKWh: 0 },
    ],
    chargers: [SLOW('s0'), FAST('f0')],
    costs: { energyPerKWh: 1, demandPerKW: 2, demandWindowH: 0.5, chargerPerUnit: { slow: 30, fast: 60 } },
  });
}
