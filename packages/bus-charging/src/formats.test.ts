import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { parseInstanceJson, parseVisitsCsv } from './formats';
import { buildInstance } from './instance';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const HEADER = 'bus,arrival_h,departure_h,discharge_after_kWh';

describe('visits CSV', () => {
  it('loads buses in order of appearance with the UTA defaults', () => {
    const inst = parseVisitsCsv(`${HEADER}\nA,0,1,50\nB,0.5,2,40\nA,3,24,0\nB,4,24,0\n`);
    expect(inst.buses.map((b) => b.id)).toEqual(['A', 'B']);
    expect(inst.visitsOfBus).toEqual([[0, 2], [1, 3]]);
    expect(inst.visits[0]?.next).toBe(2);
    expect(inst.chargers).toHaveLength(30);
    expect(inst.costs.chargerPerUnit).toEqual({ slow: 1000, fast: 1000 });
  });

  it('names the column that is missing', () => {
    const e = inputError(() => parseVisitsCsv('bus,arrival_h,departure_h\nA,0,1\n', { source: 'v.csv' }));
    expect(e.field).toBe('v.csv:1');
    expect(e.expected).toContain('discharge_after_kwh');
  });

  it('names file, line and column of a bad number', () => {
    const e = inputError(() => parseVisitsCsv(`${HEADER}\nA,0,1,50\n\nA,x,4,0\n`, { source: 'v.csv' }));
    expect([e.field, e.value]).toEqual(['v.csv:4 arrival_h', 'x']);
  });

  it('names the line of a visit that leaves before it arrives', () => {
    const e = inputError(() => parseVisitsCsv(`${HEADER}\nA,0,1,50\nA,5,4,0\n`, { source: 'v.csv' }));
    expect([e.field, e.value]).toEqual(['v.csv:3 departure_h', 4]);
  });

  it('rejects a bus at two visits at once', () => {
    const e = inputError(() => parseVisitsCsv(`${HEADER}\nA,0,2,50\nA,1,4,0\n`, { source: 'v.csv' }));
    expect(e.field).toBe('v.csv:3 arrival_h');
  });

  it('rejects negative discharge and SOC rules outside the battery', () => {
    expect(inputError(() => parseVisitsCsv(`${HEADER}\nA,0,2,-5\n`)).field).toBe('visits.csv:2 discharge_after_kWh');
    expect(inputError(() => parseVisitsCsv(`${HEADER}\nA,0,2,5\n`, { minSocFraction: 0.95 })).field).toBe('buses[0].initialSocKWh');
  });
});

describe('JSON instance', () => {
  it('expands charger counts and keeps costs', () => {
    const inst = parseInstanceJson(
      JSON.stringify({
        name: 'two',
        horizonH: 10,
        buses: [{ id: 'x', batteryKWh: 100, initialSocKWh: 80, minSocKWh: 20, finalSocKWh: 50 }],
        visits: [{ bus: 0, arrivalH: 1, departureH: 3, dischargeAfterKWh: 0 }],
        chargers: [{ type: 'slow', powerKW: 10, count: 2 }, { type: 'fast', powerKW: 100 }],
        costs: { energyPerKWh: 0.2, chargerPerUnit: { fast: 50 } },
      }),
    );
    expect(inst.chargers.map((c) => c.id)).toEqual(['slow-0', 'slow-1', 'fast-0']);
    expect(inst.costs).toEqual({ energyPerKWh: 0.2, demandPerKW: 10000, demandWindowH: 0.25, capacityPerKW: 0, chargerPerUnit: { slow: 1000, fast: 50 } });
  });

  it('rejects bad JSON, a missing list and an unknown charger type in costs', () => {
    expect(inputError(() => parseInstanceJson('{')).field).toBe('instance.json');
    expect(inputError(() => parseInstanceJson('{"buses": []}')).field).toBe('visits');
    const e = inputError(() =>
      buildInstance({
        name: 'x',
        horizonH: 24,
        buses: [{ id: 'b', batteryKWh: 100, initialSocKWh: 90, minSocKWh: 10, finalSocKWh: 10 }],
        visits: [{ bus: 0, arrivalH: 0, departureH: 1, dischargeAfterKWh: 0 }],
        chargers: [{ id: 'c', type: 'slow', powerKW: 10 }],
        costs: { chargerPerUnit: { turbo: 5 } },
      }),
    );
    expect([e.field, e.value]).toEqual(['costs.chargerPerUnit.turbo', 5]);
  });

  it('rejects a visit of an unknown bus and a charger without power', () => {
    const base = { name: 'x', horizonH: 24, buses: [{ id: 'b', batteryKWh: 100, initialSocKWh: 90, minSocKWh: 10, finalSocKWh: 10 }] };
    expect(inputError(() => buildInstance({ ...base, visits: [{ bus: 1, arrivalH: 0, departureH: 1, dischargeAfterKWh: 0 }], chargers: [{ id: 'c', type: 's', powerKW: 1 }] })).field).toBe('visits[0].bus');
    expect(inputError(() => buildInstance({ ...base, visits: [{ bus: 0, arrivalH: 0, departureH: 1, dischargeAfterKWh: 0 }], chargers: [{ id: 'c', type: 's', powerKW: 0 }] })).field).toBe('chargers[0].powerKW');
  });
});
