import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { messRoutingText } from '@gridhaul/datasets';
import { readChargingCycleData, readCoOptData, readDeliveryData } from './files';

describe('reading the CLI data argument', () => {
  it('a scenario JSON with relative paths gives the same instance as the bundled case', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mess-'));
    for (const f of ['Customer_demand_data_with_time_window_in_KWH.csv', 'Distance_matrix_between_the_nodes.csv', 'vehicles.json'] as const) writeFileSync(join(dir, f), messRoutingText(f));
    writeFileSync(join(dir, 'case.json'), JSON.stringify({ name: '7-node', demand: 'Customer_demand_data_with_time_window_in_KWH.csv', distances: 'Distance_matrix_between_the_nodes.csv', vehicles: 'vehicles.json' }));
    const fromJson = readDeliveryData(join(dir, 'case.json'));
    expect(fromJson).toEqual(readDeliveryData('7-node'));
    expect(readDeliveryData(dir).distanceKm).toEqual(fromJson.distanceKm);
  });

  it('charging cycle and co-opt by name, folder or file; a missing file is an InputError naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-'));
    writeFileSync(join(dir, 'charging-cycle.json'), messRoutingText('charging-cycle.json'));
    expect(readChargingCycleData(join(dir, 'charging-cycle.json'))).toEqual(readChargingCycleData('skagerak'));
    expect(readChargingCycleData(dir)).toEqual(readChargingCycleData('skagerak'));
    expect(readCoOptData('large').sites).toHaveLength(10);
    expect(() => readChargingCycleData('/nope/charging-cycle.json')).toThrow(InputError);
  });
});
