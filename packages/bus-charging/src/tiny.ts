import type { Instance } from './instance';
import { buildInstance } from './instance';

/**
 * Hand-sized instances for tests: two buses, one 10 kW and one 40 kW charger, 4 hours, 100 kWh
 * batteries. Bus 0 needs 20 kWh late in the day; bus 1 must charge before its second block.
 */
export function twoBusInstance(): Instance {
  return buildInstance({
    name: 'two-bus',
    horizonH: 4,
    buses: [
      { id: 'b0', batteryKWh: 100, initialSocKWh: 60, minSocKWh: 20, finalSocKWh: 50 },
      { id: 'b1', batteryKWh: 100, initialSocKWh: 60, minSocKWh: 20, finalSocKWh: 50 },
    ],
    visits: [
      { bus: 0, arrivalH: 0, departureH: 1, dischargeAfterKWh: 30 },
      { bus: 0, arrivalH: 2, departureH: 4, dischargeAfterKWh: 0 },
      { bus: 1, arrivalH: 0, departureH: 1, dischargeAfterKWh: 45 },
      { bus: 1, arrivalH: 1.5, departureH: 4, dischargeAfterKWh: 0 },
    ],
    chargers: [
      { id: 'slow', type: 'slow', powerKW: 10 },
      { id: 'fast', type: 'fast', powerKW: 40 },
    ],
    costs: { energyPerKWh: 0.5, demandPerKW: 10, demandWindowH: 0.25, chargerPerUnit: { slow: 100, fast: 300 } },
  });
}
