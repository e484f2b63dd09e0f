// Loads the demo into a running server through its public API (and, for plan kinds the server
// cannot solve yet, stores solutions through its repositories so the plan views have something
// real to draw).
import { coOptDataText, coOptLmpText, matpowerCaseText } from '@gridhaul/datasets';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../src/api/types';
import type { RunningServer } from './harness';

export function apiClient(server: RunningServer): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${server.url}/trpc`, headers: { authorization: `Bearer ${server.apiKey}` } })],
  });
}

/** cents/kWh rows (hour,bus,lmp_cents_per_kWh) as price points of one scenario, $/MWh (×10). */
function pricePoints(csv: string, scenario: number) {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [hour, bus, cents] = line.split(',').map(Number);
      const lmp = cents! * 10;
      return { bus: bus!, period: hour!, scenario, lmpPerMWh: lmp, energyPerMWh: lmp, congestionPerMWh: 0, lossPerMWh: 0 };
    });
}

export interface Demo {
  gridId: string;
  roadId: string;
  seriesId: string;
  fleetId: string;
  /** Finished jobs with stored plans of each kind the dashboard draws. */
  jobs: { mess: string; bus: string; evrp: string };
}

export async function loadDemo(server: RunningServer): Promise<Demo> {
  const api = apiClient(server);
  const grid = await api.networks.importMatpower.mutate({ text: matpowerCaseText('case14'), fileName: 'case14.m', name: 'IEEE 14-bus' });
  const road = await api.networks.importCsvMatrix.mutate({ text: coOptDataText('small', 'distance'), fileName: 'distances.csv', name: 'Co-OPT 7-node roads', speedKmh: 50 });
  const series = await api.prices.importSeries.mutate({
    name: 'Co-OPT printed LMPs (2 models)',
    stepH: 1,
    points: [...pricePoints(coOptLmpText('Model1_SmallScale'), 0), ...pricePoints(coOptLmpText('Model3_SmallScale'), 1)],
  });
  // The charging-cycle MESS of notes/mess-routing.md: 550 kWh, SOC 15–90 % during the day.
  const battery = await api.batteries.create.mutate({
    name: 'MESS 550 kWh',
    chemistry: 'LFP',
    capacityKWh: 550,
    maxChargeKW: 250,
    maxDischargeKW: 250,
    chargeEfficiency: 0.95,
    dischargeEfficiency: 0.95,
    socMin: 0.15,
    socMax: 0.9,
    replacementCostUsd: 150_000,
    endOfLifeFraction: 0.8,
  });
  const fleet = await api.fleets.create.mutate({
    name: 'Hub fleet',
    vehicles: [{ name: 'truck 1', kind: 'truck', messCapacity: 1, massKg: 18_000, speedKmh: 50, costPerKm: 1.2, wagePerH: 40 }],
    messUnits: ['M1', 'M2', 'M3'].map((name) => ({ name, batterySpecId: battery.id, initialSoc: 1 })),
  });
  const jobs = {
    mess: await storeSolution(server, 'charging-cycle', messPlan(road.id), { operationUsd: 412.5, chargingUsd: 96.3, degradationUsd: 58.1 }),
    bus: await storeSolution(server, 'bus-charging', busPlan(), { energyUsd: 55, demandUsd: 400, chargersUsd: 400 }),
    evrp: await storeSolution(server, 'evrp', evrpPlan(), { distance: 136.9 }),
  };
  return { gridId: grid.id, roadId: road.id, seriesId: series.id, fleetId: fleet.id, jobs };
}

async function storeSolution(server: RunningServer, problemType: string, plan: unknown, costs: Record<string, number>): Promise<string> {
  const jobs = server.services.repos.jobs;
  const job = await jobs.create({ problemType, input: {}, seed: 1 });
  const claim = await jobs.start(job.id, 'browser-tests');
  if (!claim) throw new Error(`could not start stored job ${job.id}`);
  const objective = Object.values(costs).reduce((a, b) => a + b, 0);
  await jobs.succeed(claim, { status: 'optimal', objective, costs, plan, check: { feasible: true, objective, problems: [] }, seed: 1, solveSec: 0.1 });
  return job.id;
}

/** A charging-cycle day on the 7-node network: node 0 depot, 1 charging site, 2 pond, 4 bridge site. */
function messPlan(roadNetworkId: string) {
  return {
    roadNetworkId,
    horizonH: [7, 19],
    trucks: [
      {
        id: 'truck 1',
        legs: [
          { from: '0', to: '2', departH: 7, arriveH: 7.8, carrying: ['M1'], distanceKm: 40 },
          { from: '2', to: '1', departH: 11.5, arriveH: 11.6, carrying: ['M1'], distanceKm: 5 },
          { from: '1', to: '2', departH: 14.2, arriveH: 14.3, carrying: ['M1'], distanceKm: 5 },
          { from: '2', to: '0', departH: 18, arriveH: 18.8, carrying: [], distanceKm: 40 },
        ],
      },
      {
        id: 'truck 2',
        legs: [
          { from: '0', to: '4', departH: 7, arriveH: 8.2, carrying: ['M2'], distanceKm: 60 },
          { from: '4', to: '0', departH: 8.3, arriveH: 9.5, carrying: [], distanceKm: 60 },
        ],
      },
    ],
    mess: [
      { id: 'M1', soc: [{ tH: 7, soc: 0.9 }, { tH: 11.5, soc: 0.2 }, { tH: 11.6, soc: 0.2 }, { tH: 14.1, soc: 0.9 }, { tH: 18, soc: 0.3 }] },
      { id: 'M2', soc: [{ tH: 7, soc: 0.9 }, { tH: 8.2, soc: 0.9 }, { tH: 19, soc: 0.25 }] },
      { id: 'M3', soc: [{ tH: 7, soc: 0.9 }, { tH: 19, soc: 0.9 }] },
    ],
    excavators: [
      { id: 'excavator pond', soc: [{ tH: 7, soc: 1 }, { tH: 7.8, soc: 0.85 }, { tH: 9, soc: 0.95 }, { tH: 19, soc: 0.6 }] },
      { id: 'excavator bridge', soc: [{ tH: 7, soc: 1 }, { tH: 8.2, soc: 0.8 }, { tH: 10, soc: 0.95 }, { tH: 19, soc: 0.5 }] },
    ],
    charging: [{ mess: 'M1', at: 'charging site 1 (bus 6)', startH: 11.6, endH: 14.1, energyKWh: 385, priceUsdPerMWh: 250.1 }],
  };
}

/** Two buses, a 10 kW and a 40 kW charger over 4 h (the shape of @gridhaul/bus-charging's two-bus instance). */
function busPlan() {
  return {
    instance: {
      buses: [{ id: 'bus 0' }, { id: 'bus 1' }],
      visits: [{ bus: 0 }, { bus: 0 }, { bus: 1 }, { bus: 1 }],
      chargers: [{ id: 'slow', powerKW: 10 }, { id: 'fast', powerKW: 40 }],
    },
    schedule: {
      sessions: [
        { visit: 2, charger: 1, startH: 0, endH: 0.75 },
        { visit: 1, charger: 1, startH: 2, endH: 2.5 },
        { visit: 3, charger: 0, startH: 1.5, endH: 4 },
        { visit: 0, charger: 0, startH: 0, endH: 1 },
      ],
    },
    soc: [
      { bus: 0, points: [{ tH: 0, socKWh: 60 }, { tH: 1, socKWh: 70 }, { tH: 2, socKWh: 40 }, { tH: 2.5, socKWh: 60 }, { tH: 4, socKWh: 60 }] },
      { bus: 1, points: [{ tH: 0, socKWh: 60 }, { tH: 0.75, socKWh: 90 }, { tH: 1.5, socKWh: 45 }, { tH: 4, socKWh: 70 }] },
    ],
  };
}

/** Two routes with one recharging visit (coordinates and SOC in the instance's units). */
function evrpPlan() {
  const v = (id: string, kind: string, arrival: number, departure: number, socOnArrival: number, charge = 0) => ({
    id, kind, arrival, start: arrival, departure, loadOnArrival: 0, socOnArrival, charge, socOnDeparture: socOnArrival + charge,
  });
  return {
    instance: {
      batteryCapacity: 77.75,
      nodes: [
        { id: 'D0', kind: 'depot', x: 40, y: 50 },
        { id: 'S1', kind: 'station', x: 10, y: 20 },
        { id: 'C1', kind: 'customer', x: 25, y: 85 },
        { id: 'C2', kind: 'customer', x: 5, y: 45 },
        { id: 'C3', kind: 'customer', x: 70, y: 60 },
        { id: 'C4', kind: 'customer', x: 60, y: 20 },
      ],
    },
    solution: {
      routes: [
        { distance: 95.3, visits: [v('D0', 'depot', 0, 0, 77.75), v('C1', 'customer', 38, 48, 39.7), v('C2', 'customer', 89, 99, 11.9), v('S1', 'station', 126, 186, 0.9, 60), v('D0', 'depot', 228, 228, 19.5)] },
        { distance: 41.6, visits: [v('D0', 'depot', 0, 0, 77.75), v('C3', 'customer', 32, 42, 46), v('C4', 'customer', 84, 94, 4.7 + 37.7), v('D0', 'depot', 130, 130, 6.7 + 30)] },
      ],
    },
  };
}
