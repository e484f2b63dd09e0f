import { coOptDataText, matpowerCaseText } from '@gridhaul/datasets';
import { bundledChargingCycle, bundledDeliveryCase } from '@gridhaul/optimizer';
import { createCaller } from '../routers/index';

type Caller = ReturnType<typeof createCaller>;

export const DEMO_SCENARIO = 'demo: case14 day with three MESS charging at bus 9';

/**
 * IEEE Reliability Test System (1979), Table 4: hourly load in % of the daily peak, winter weekday,
 * hours 0-1 ... 23-24. Used as the demo day's load shape.
 */
export const RTS79_WINTER_WEEKDAY_PCT = [67, 63, 60, 59, 59, 60, 74, 86, 95, 96, 96, 95, 95, 95, 93, 94, 99, 100, 100, 96, 91, 83, 73, 63];

export interface DemoIds {
  case14: string;
  case118: string;
  scenarioId: string;
}

/**
 * Loads the demo data through the API (so it is validated like any client's): case14 and case118,
 * the 7- and 16-node Co-OPT_MESS road networks, the construction-site delivery case (sites, demand,
 * fleet, the 550 kWh MESS container) and the demo scenario. Skips everything if already loaded.
 * The files come from @gridhaul/datasets (MATPOWER cases, Co-OPT_MESS distances) and
 * @gridhaul/optimizer's bundled delivery and charging-cycle cases; their SOURCE.md files cite them.
 */
export async function loadDemoData(api: Caller): Promise<DemoIds & { loaded: boolean }> {
  const scenarios = await api.scenarios.list();
  const existing = scenarios.find((s) => s.name === DEMO_SCENARIO);
  const grids = (await api.networks.list()).filter((n) => n.kind === 'grid');
  const find = (name: string) => grids.find((g) => g.name === name)?.id;
  if (existing && find('case14') && find('case118')) return { case14: find('case14') as string, case118: find('case118') as string, scenarioId: existing.id, loaded: false };

  const case14 = await api.networks.importMatpower({ text: matpowerCaseText('case14'), fileName: 'case14.m', name: 'case14' });
  const case118 = await api.networks.importMatpower({ text: matpowerCaseText('case118'), fileName: 'case118.m', name: 'case118' });
  await api.networks.importCsvMatrix({ text: coOptDataText('small', 'distance'), name: 'Co-OPT_MESS 7-node', speedKmh: 50 });
  await api.networks.importCsvMatrix({ text: coOptDataText('large', 'distance'), name: 'Co-OPT_MESS 16-node', speedKmh: 50 });

  const cycle = bundledChargingCycle();
  const messKWh = cycle.hubMessCapacityKWh;
  const hubKW = cycle.hubChargers * cycle.hubChargerPowerKW;
  const battery = await api.batteries.create({
    name: `MESS container ${messKWh} kWh`,
    chemistry: 'NMC',
    capacityKWh: messKWh,
    maxChargeKW: cycle.hubChargerPowerKW,
    maxDischargeKW: cycle.chargingPowerKW,
    chargeEfficiency: 0.95,
    dischargeEfficiency: 0.95,
    socMin: cycle.socMin,
    socMax: 1,
    replacementCostUsd: 0,
    endOfLifeFraction: 0.8,
  });
  const delivery = bundledDeliveryCase('7-node');
  await api.fleets.create({
    name: 'construction-site fleet (7-node case)',
    vehicles: delivery.vehicles.map((v) => ({
      name: `vehicle ${v.id} (${v.type})`,
      kind: 'truck' as const,
      messCapacity: 1,
      massKg: 26_000,
      speedKmh: v.speedKmh,
      costPerKm: v.fuelCostPerKm,
      wagePerH: v.hourlyWage,
    })),
    messUnits: Array.from({ length: cycle.hubMessUnits }, (_, i) => ({ name: `MESS ${i + 1}`, batterySpecId: battery.id, initialSoc: 1 })),
  });

  const hubMW = hubKW / 1000;
  const energyMWh = (cycle.hubMessUnits * messKWh) / 1000;
  const scenario = await api.scenarios.createFromDocument({
    document: {
      name: DEMO_SCENARIO,
      problemType: 'lmp',
      seed: 1,
      gridNetworkId: case14.id,
      batteries: [{ name: 'MESS', chemistry: 'NMC', capacityKWh: `${messKWh} kWh`, maxChargeKW: `${cycle.hubChargerPowerKW} kW`, maxDischargeKW: `${cycle.chargingPowerKW} kW` }],
      fleet: { vehicles: [], mess: Array.from({ length: cycle.hubMessUnits }, (_, i) => ({ name: `MESS ${i + 1}`, battery: 'MESS' })) },
      sites: delivery.nodes.slice(1).map((n) => ({
        name: n.name,
        kind: 'site',
        demand: [{ startH: n.windowStartH, endH: Math.max(n.windowEndH, n.windowStartH + 0.5), energyKWh: Math.max(0, n.requirementKWh - n.presentKWh) }],
      })),
      problem: {
        stepH: 1,
        profile: {
          periods: 24,
          loadScale: RTS79_WINTER_WEEKDAY_PCT.map((p) => p / 100),
          // The hub charges the three containers overnight at its full rating, from 01:00 on.
          storageMW: [{ bus: 9, mw: Array.from({ length: 24 }, (_, t) => (t >= 1 && t - 1 < energyMWh / hubMW ? Math.min(hubMW, energyMWh - (t - 1) * hubMW) : 0)) }],
        },
      },
    },
  });
  return { case14: case14.id, case118: case118.id, scenarioId: scenario.id, loaded: true };
}
