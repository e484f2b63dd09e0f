import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { CO_OPT_LMP_REALISATIONS, CO_OPT_NETWORKS, coOptDataText, coOptLmpText, type CoOptFileName, type CoOptLmpRealisation, type CoOptNetworkName } from './co-opt-mess';

// Expected values: shared/notes/co-opt-mess.md §1 (network, sites, excavators, fleet, traffic, terrain)
// and §2.5 (LMP tables, 24 h × buses 6, 10, 11 of the CIGRE MV network).

/** Data rows (those starting with a number), split on commas; the files quote only header cells. */
const rows = (text: string): string[][] =>
  text
    .split(/\r?\n/)
    .filter((l) => /^\d/.test(l))
    .map((l) => l.split(','));
const column = (text: string, i: number): number[] => rows(text).map((r) => Number(r[i]));
const cell = (text: string, from: number, to: number): number | undefined => {
  const r = rows(text).find((x) => Number(x[0]) === from && Number(x[1]) === to);
  return r ? Number(r[2]) : undefined;
};

describe('bundled Co-OPT_MESS data', () => {
  it('distance matrices: 7 and 16 nodes with the published depot rows', () => {
    const small = rows(coOptDataText('small', 'distance'));
    const large = rows(coOptDataText('large', 'distance'));
    expect(small).toHaveLength(7);
    expect(large).toHaveLength(16);
    expect(small[0]!.slice(1).map(Number)).toEqual([0, 40, 40, 50, 60, 55, 40]);
    expect(large[0]!.slice(8).map(Number)).toEqual([40, 45, 45, 30, 35, 40, 40, 40, 50]);
    expect(large.slice(7).map((r) => Number(r[1]))).toEqual([45, 45, 45, 40, 47, 35, 32, 40, 47]);
  });

  it.each(CO_OPT_NETWORKS)('%s: every construction site has a 350 kWh MESS and two 250 kWh excavators (50 and 40 kWh/h)', (network) => {
    const sites = network === 'small' ? [2, 4, 5, 6] : [2, 4, 5, 6, 8, 9, 11, 12, 14, 15];
    const demand = coOptDataText(network, 'demand');
    const excavators = coOptDataText(network, 'excavators');
    expect(column(demand, 0)).toEqual(sites);
    expect(new Set(rows(demand).map((r) => r.slice(2).join(',')))).toEqual(new Set(['350,350,100,7,19']));
    expect(column(excavators, 0)).toEqual(sites);
    expect(new Set(rows(excavators).map((r) => r.slice(2).join(',')))).toEqual(new Set(['2,250,50,250,40']));
  });

  it('terrain, traffic and fleet as in the notes', () => {
    const terrain = coOptDataText('small', 'terrain');
    expect([2, 4, 5, 6].map((to) => cell(terrain, 0, to))).toEqual([7, 7, 10, 5]);
    expect([cell(terrain, 1, 2), cell(terrain, 3, 4), cell(terrain, 2, 0)]).toEqual([8, -8, -7]);
    expect(rows(coOptDataText('small', 'traffic')).map((r) => Number(r[2]))).toEqual([0.75, 0.5, 0.85, 0.55, 1, 0.9]);
    const trucks = rows(coOptDataText('large', 'vehicles'));
    expect(trucks).toHaveLength(24);
    expect(new Set(trucks.map((r) => `${r[1]} ${r[3]} km/h ${r[5]} USD/h`))).toEqual(new Set(['Small 50 km/h 18 USD/h', 'Medium 45 km/h 19 USD/h', 'Large 40 km/h 20 USD/h']));
    expect(coOptDataText('small', 'traffic')).toBe(coOptDataText('large', 'traffic'));
  });

  it.each(CO_OPT_LMP_REALISATIONS)('%s: 24 hours × buses 6, 10, 11, 28-53 cents/kWh', (name) => {
    const lmp = rows(coOptLmpText(name));
    expect(lmp).toHaveLength(72);
    expect(new Set(lmp.map((r) => Number(r[1])))).toEqual(new Set([6, 10, 11]));
    expect(new Set(lmp.map((r) => Number(r[0])))).toEqual(new Set(Array.from({ length: 24 }, (_, h) => h)));
    const cents = lmp.map((r) => Number(r[2]));
    expect(Math.min(...cents)).toBeGreaterThan(28);
    expect(Math.max(...cents)).toBeLessThan(53);
  });

  it('Model1_SmallScale, hour 1, bus 10: 34.4832 cents/kWh as printed by the notebook', () => {
    expect(cell(coOptLmpText('Model1_SmallScale'), 1, 10)).toBe(34.4832);
  });

  it('names the field and value of an unknown network, table or realisation', () => {
    expect(() => coOptDataText('medium' as CoOptNetworkName, 'distance')).toThrow(expect.objectContaining({ field: 'network', value: 'medium' }));
    expect(() => coOptDataText('small', 'prices' as CoOptFileName)).toThrow(expect.objectContaining({ field: 'file', value: 'prices' }));
    expect(() => coOptLmpText('Model2_SmallScale' as CoOptLmpRealisation)).toThrow(expect.objectContaining({ field: 'realisation', value: 'Model2_SmallScale' }));
    expect(() => coOptLmpText('Model2_SmallScale' as CoOptLmpRealisation)).toThrow(InputError);
  });
});
