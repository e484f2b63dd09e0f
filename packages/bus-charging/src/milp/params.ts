import { InputError } from '@gridhaul/common';
import type { Instance } from '../instance';
import { MIN_SESSION_H } from '../instance';

/** A visit long enough to charge in, with the billing periods its window overlaps. */
export interface ChargeableVisit {
  readonly visit: number;
  readonly bus: number;
  readonly arrivalH: number;
  readonly departureH: number;
  readonly periods: readonly number[];
}

/** Chargers of one power: the demand rows weigh their charging time by this power. */
export interface PowerGroup {
  readonly powerKW: number;
  readonly chargers: readonly number[];
}

/** Everything the model builder needs, extracted from the instance without a solver. */
export interface MilpParams {
  readonly instance: Instance;
  readonly chargeable: readonly ChargeableVisit[];
  /** Position of a visit in `chargeable`, or −1. */
  readonly chargeableIndex: readonly number[];
  /** Pairs (positions in `chargeable`, a < b) of different buses whose windows overlap. */
  readonly pairs: readonly (readonly [number, number])[];
  /** Queue numbering of the paper: idle queue of bus b = b, charger c = nB + c. */
  readonly nQueues: number;
  readonly periodH: number;
  readonly nPeriods: number;
  readonly groups: readonly PowerGroup[];
}

export function extractMilpParams(instance: Instance): MilpParams {
  if (instance.costs.capacityPerKW > 0) {
    throw new InputError('costs.capacityPerKW', instance.costs.capacityPerKW, '0 for the MILP, which prices the demand window only');
  }
  const periodH = instance.costs.demandWindowH;
  const nPeriods = Math.ceil(instance.horizonH / periodH - 1e-9);
  const chargeable: ChargeableVisit[] = [];
  const chargeableIndex = instance.visits.map(() => -1);
  for (const v of instance.visits) {
    if (v.dwellH < MIN_SESSION_H) continue;
    const periods: number[] = [];
    for (let k = Math.floor(v.arrivalH / periodH); k < nPeriods && k * periodH < v.departureH; k++) {
      if (Math.min(v.departureH, (k + 1) * periodH) - Math.max(v.arrivalH, k * periodH) > 0) periods.push(k);
    }
    chargeableIndex[v.index] = chargeable.length;
    chargeable.push({ visit: v.index, bus: v.bus, arrivalH: v.arrivalH, departureH: v.departureH, periods });
  }
  const pairs: [number, number][] = [];
  for (let a = 0; a < chargeable.length; a++) {
    const va = chargeable[a] as ChargeableVisit;
    for (let b = a + 1; b < chargeable.length; b++) {
      const vb = chargeable[b] as ChargeableVisit;
      if (va.bus !== vb.bus && Math.max(va.arrivalH, vb.arrivalH) < Math.min(va.departureH, vb.departureH)) pairs.push([a, b]);
    }
  }
  const powers = [...new Set(instance.chargers.map((c) => c.powerKW))].sort((x, y) => x - y);
  const groups = powers.map((powerKW) => ({ powerKW, chargers: instance.chargers.filter((c) => c.powerKW === powerKW).map((c) => c.index) }));
  return { instance, chargeable, chargeableIndex, pairs, nQueues: instance.buses.length + instance.chargers.length, periodH, nPeriods, groups };
}
