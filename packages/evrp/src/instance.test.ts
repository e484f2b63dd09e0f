import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { parseInstance } from './instance';
import { listInstances, loadInstance } from './testing/fixtures';

const HEADER = 'StringID   Type       x          y          demand     ReadyTime  DueDate    ServiceTime';
const PARAMS = ['Q Vehicle fuel tank capacity /77.75/', 'C Vehicle load capacity /200.0/', 'r fuel consumption rate /1.0/', 'g inverse refueling rate /3.47/', 'v average Velocity /1.0/'];
const TINY = [HEADER, 'D0 d 40.0 50.0 0.0 0.0 1236.0 0.0  ', 'S0 f 40.0 50.0 0.0 0.0 1236.0 0.0', 'C30 c 20.0 55.0 10.0 355.0 407.0 90.0', '', ...PARAMS].join('\n');

function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseInstance', () => {
  it('reads c101C5: depot, 3 stations, 5 customers and the parameters (SOURCE.md)', () => {
    const inst = loadInstance('c101C5');
    expect(inst.nodes[0]!.id).toBe('D0');
    expect(inst.stations.map((i) => inst.nodes[i]!.id)).toEqual(['S0', 'S5', 'S15']);
    expect(inst.customers.map((i) => inst.nodes[i]!.id)).toEqual(['C30', 'C12', 'C100', 'C85', 'C64']);
    expect([inst.batteryCapacity, inst.loadCapacity, inst.consumptionRate, inst.inverseRechargeRate, inst.velocity]).toEqual([77.75, 200, 1, 3.47, 1]);
    const c12 = inst.nodes[inst.indexOf('C12')]!;
    expect([c12.x, c12.y, c12.demand, c12.readyTime, c12.dueDate, c12.serviceTime]).toEqual([25, 85, 20, 176, 228, 90]);
    // Unrounded Euclidean distance: D0 (40,50) to C30 (20,55) is √425.
    expectClose(inst.distance(0, inst.indexOf('C30')), Math.sqrt(425), { abs: 1e-12 }, 'd(D0,C30)');
  });

  it('reads all 92 files with the counts and parameters SOURCE.md lists', () => {
    const names = listInstances();
    expect(names).toHaveLength(92);
    for (const name of names) {
      const inst = loadInstance(name);
      expect(inst.nodes[inst.stations[0]!]!.id, name).toBe('S0');
      expect([inst.consumptionRate, inst.velocity], name).toEqual([1, 1]);
      const small = /C(5|10|15)$/.exec(name);
      if (small) {
        expect(inst.customers.length, name).toBe(Number(small[1]));
        expect(inst.batteryCapacity, name).toBe(name.startsWith('r') && !name.startsWith('rc') ? 60.63 : 77.75);
      } else {
        expect([inst.customers.length, inst.stations.length], name).toEqual([100, 21]);
      }
    }
  });

  it('accepts trailing blanks and builds a tiny instance', () => {
    const inst = parseInstance(TINY, 'tiny');
    expect(inst.nodes.map((n) => n.kind)).toEqual(['depot', 'station', 'customer']);
  });

  it('names the line and field of a bad number', () => {
    const e = inputErrorOf(() => parseInstance(TINY.replace('355.0', 'soon'), 'tiny'));
    expect(e.field).toBe('tiny:4 (ReadyTime)');
    expect(e.value).toBe('soon');
  });

  it('rejects an unknown node type, a missing parameter and a window that closes before it opens', () => {
    expect(inputErrorOf(() => parseInstance(TINY.replace('C30 c', 'C30 x'), 'tiny')).field).toBe('tiny:4 (Type)');
    expect(inputErrorOf(() => parseInstance(TINY.replace('g inverse refueling rate /3.47/', ''), 'tiny')).field).toBe('tiny (g)');
    expect(inputErrorOf(() => parseInstance(TINY.replace('355.0 407.0', '500.0 407.0'), 'tiny')).field).toBe('tiny (C30.DueDate)');
    expect(inputErrorOf(() => parseInstance(TINY.replace('/200.0/', '/-1/'), 'tiny')).field).toBe('tiny:7 (C)');
    expect(inputErrorOf(() => parseInstance('hello', 'tiny')).field).toBe('tiny:1');
  });

  it('names an unknown node id', () => {
    expect(inputErrorOf(() => loadInstance('c101C5').indexOf('C999')).value).toBe('C999');
  });
});
