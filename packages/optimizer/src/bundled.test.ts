import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { messRoutingText } from '@gridhaul/datasets';
import { expectClose } from '@gridhaul/common/testing';
import { bundledChargingCycle, bundledCoOptCase, bundledDeliveryCase, bundledPrices } from './bundled';
import { parseDeliveryFiles } from './delivery/parse';
import { parsePriceCsv, priceAt } from './coopt/data';
import { parseChargingCycleJson } from './charging-cycle/instance';

// Values: shared/notes/mess-routing.md §1 (tables 1.1–1.4) and co-opt-mess.md §1.
describe('bundled delivery cases', () => {
  it('7-node: demand table and depot row as in the notes', () => {
    const c = bundledDeliveryCase('7-node');
    expect(c.nodes.map((n) => [n.requirementKWh, n.presentKWh])).toEqual([
      [0, 0],
      [100, 20],
      [200, 190],
      [150, 20],
      [100, 30],
      [200, 40],
      [250, 20],
    ]);
    expectClose(c.nodes[3]!.socPct, 13.333333333333334, { abs: 1e-12 }, 'SOC of node 3');
    expect(c.distanceKm[0]).toEqual([0, 100, 80, 50, 90, 140, 130]);
    expect(c.distanceKm[6]![3]).toBe(30);
    expect(c.vehicles.map((v) => v.capacityKWh)).toEqual([200, 200, 250, 350, 500, 500]);
    expect(c.params).toMatchObject({ tollPerLeg: 400, maintenancePerKm: 10, serviceTimeH: 0.5, depotLoadingTimeH: 0.5, clusterRadiusKm: 80, shiftStartH: 8, socDecayPctPerH: 0.5, pickupSocThresholdPct: 20, deliveryRoundingKWh: 50 });
  });

  it('12-customer: 13 nodes, depot row 0,100,80,50,90,140,130,160,200,180,50,90,195', () => {
    const c = bundledDeliveryCase('12-customer');
    expect(c.nodes).toHaveLength(13);
    expect(c.distanceKm[0]).toEqual([0, 100, 80, 50, 90, 140, 130, 160, 200, 180, 50, 90, 195]);
    expect(c.nodes[10]!.socPct).toBe(92);
  });

  it('rejects a negative distance naming file, line and column', () => {
    const bad = () =>
      parseDeliveryFiles({
        name: 'bad',
        demandCsv: 'Customers,Requirement of KWH,Present KWH,Present SOC,StartTime,EndTime\nDepot,0,0,,,\nA,100,20,20,8,16\n',
        distanceCsv: 'Nodes,Depot,A\nDepot,0,-5\nA,5,0\n',
        vehiclesJson: JSON.stringify({ vehicles: [], global_parameters: {} }),
        files: { distance: 'd.csv' },
      });
    expect(bad).toThrow(InputError);
    try {
      bad();
    } catch (e) {
      expect((e as InputError).field).toBe('d.csv:2 column 3');
      expect((e as InputError).value).toBe(-5);
    }
  });
});

describe('bundled charging cycle', () => {
  it('Skagerak constants (notes §6.1)', () => {
    const c = bundledChargingCycle();
    expect(c.sites.map((s) => s.distanceKm)).toEqual([8, 12]);
    expect(c.excavators.map((e) => e.consumptionKWhPerH)).toEqual([40, 50, 60, 70]);
    expect(c).toMatchObject({ hubMessUnits: 3, hubMessCapacityKWh: 550, socMin: 0.15, excavatorSocMaxDay: 0.9, chargingPowerKW: 170, startH: 7, endH: 19, truckSpeedKmh: 30, serviceTimeH: 0.5 });
  });

  it('rejects an excavator on an unknown site', () => {
    const j = JSON.parse(messRoutingText('charging-cycle.json'));
    j.excavators[0].site = 9;
    expect(() => parseChargingCycleJson(JSON.stringify(j))).toThrow(/excavators\[0\]\.siteId/);
  });
});

describe('bundled co-optimization cases', () => {
  it('small network: 7 nodes, charging sites 1→bus 6 and 3→bus 10, four sites with two excavators', () => {
    const c = bundledCoOptCase('small');
    expect(c.network.nodeIds).toHaveLength(7);
    expect(c.chargingSites).toEqual([
      { node: 1, bus: 6 },
      { node: 3, bus: 10 },
    ]);
    expect(c.sites.map((s) => s.node)).toEqual([2, 4, 5, 6]);
    expect(c.sites[0]!.excavators).toEqual([
      { batteryKWh: 250, consumptionKWhPerH: 50 },
      { batteryKWh: 250, consumptionKWhPerH: 40 },
    ]);
    expect(c.trucks).toHaveLength(24);
    expect(c.network.distanceKm[1]![3]).toBeNull();
  });

  it('large network: 16 nodes, five charging sites, ten construction sites, asymmetric 0→7 / 7→0', () => {
    const c = bundledCoOptCase('large');
    expect(c.chargingSites.map((x) => [x.node, x.bus])).toEqual([
      [1, 6],
      [3, 6],
      [7, 10],
      [10, 10],
      [13, 11],
    ]);
    expect(c.sites).toHaveLength(10);
    expect([c.network.distanceKm[0]![7], c.network.distanceKm[7]![0]]).toEqual([40, 45]);
  });

  it('prices: cents/kWh in the file become USD/kWh (Model3 small, bus 6, 00:00 = 45.232 cents)', () => {
    const p = bundledPrices('Model3_SmallScale');
    expectClose(priceAt(p, 6, 0.5), 0.45232, { abs: 1e-12 }, 'bus 6 hour 0');
    expectClose(priceAt(p, 11, 23.9), 0.426157, { abs: 1e-12 }, 'bus 11 hour 23');
    expect(() => parsePriceCsv('hour,bus,lmp_cents_per_kWh\n0,6,30\n', 'x')).toThrow(/bus 6/);
  });
});
