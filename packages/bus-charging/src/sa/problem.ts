import type { ChargingCurve } from '@gridhaul/battery';
import { chargingCurve } from '../charging';
import type { Instance } from '../instance';
import { MIN_SESSION_H } from '../instance';
import type { ChargingModel } from '../schedule';

/** The instance flattened into typed arrays for the annealer's inner loop. */
export interface SaProblem {
  readonly instance: Instance;
  readonly model: ChargingModel;
  readonly nV: number;
  readonly nB: number;
  readonly nC: number;
  readonly arrival: Float64Array;
  readonly departure: Float64Array;
  readonly discharge: Float64Array;
  readonly busOf: Int32Array;
  /** Visits of bus b are chain[chainStart[b] .. chainStart[b + 1] − 1], in time order. */
  readonly chainStart: Int32Array;
  readonly chain: Int32Array;
  readonly posInChain: Int32Array;
  readonly kappa: Float64Array;
  readonly socInit: Float64Array;
  readonly socMin: Float64Array;
  readonly socFinal: Float64Array;
  readonly power: Float64Array;
  readonly chargerType: Int32Array;
  readonly chargerCost: Float64Array;
  /** Visits long enough to hold a session. */
  readonly chargeable: Int32Array;
  readonly isChargeable: Uint8Array;
  /** Chargers of each type, in index order. */
  readonly chargersOfType: readonly Int32Array[];
  readonly binH: number;
  readonly nBins: number;
  /** Bins per demand window. */
  readonly windowBins: number;
  /** Bins between the starts of consecutive demand windows (1: any window; windowBins: billing periods). */
  readonly windowStride: number;
  readonly energyPerKWh: number;
  readonly demandPerKW: number;
  readonly capacityPerKW: number;
  /**
   * Weight of Σ_bins max(0, cover − overlapFromKW)² · binH (kW²·h), a search-only term that breaks
   * the plateaus of the capacity maximum (removing one of several equal peaks lowers it). Not part
   * of the reported cost.
   */
  readonly overlapWeight: number;
  /** Power above which simultaneous sessions count as overlap: the largest charger's. */
  readonly overlapFromKW: number;
  readonly windowH: number;
  /** Charging curve of charger c on bus b: curves[c * nB + b]. */
  readonly curves: readonly ChargingCurve[];
  /** Cost per kWh of SOC below a bound, summed over every arrival and the end of the day. */
  readonly penaltyPerKWh: number;
}

export interface SaProblemOptions {
  readonly model: ChargingModel;
  readonly demand: 'sliding' | 'aligned';
  /** Bins per demand window (30 → 30-s bins for 15-minute windows). */
  readonly binsPerWindow: number;
  readonly penaltyPerKWh?: number;
  readonly overlapWeight?: number;
}

export function buildSaProblem(instance: Instance, options: SaProblemOptions): SaProblem {
  const nV = instance.visits.length;
  const nB = instance.buses.length;
  const nC = instance.chargers.length;
  const arrival = Float64Array.from(instance.visits, (v) => v.arrivalH);
  const departure = Float64Array.from(instance.visits, (v) => v.departureH);
  const discharge = Float64Array.from(instance.visits, (v) => v.dischargeAfterKWh);
  const busOf = Int32Array.from(instance.visits, (v) => v.bus);
  const chainStart = new Int32Array(nB + 1);
  const chain = new Int32Array(nV);
  const posInChain = new Int32Array(nV);
  let p = 0;
  instance.visitsOfBus.forEach((visits, b) => {
    chainStart[b] = p;
    for (const i of visits) {
      chain[p] = i;
      posInChain[i] = p;
      p++;
    }
  });
  chainStart[nB] = p;
  const costs = instance.costs;
  const chargeableList = instance.visits.filter((v) => v.dwellH >= MIN_SESSION_H).map((v) => v.index);
  const isChargeable = new Uint8Array(nV);
  for (const i of chargeableList) isChargeable[i] = 1;
  const windowH = costs.demandWindowH;
  const maxPower = Math.max(...instance.chargers.map((c) => c.powerKW));
  const binH = windowH / options.binsPerWindow;
  const nBins = Math.ceil(instance.horizonH / binH - 1e-9);
  const windowBins = options.binsPerWindow;
  const windowStride = options.demand === 'aligned' ? windowBins : 1;
  const shared = new Map<string, ChargingCurve>();
  const curves: ChargingCurve[] = [];
  for (const c of instance.chargers) {
    for (const b of instance.buses) {
      const key = `${c.powerKW}/${b.batteryKWh}`;
      if (!shared.has(key)) shared.set(key, chargingCurve(options.model, c.powerKW, b.batteryKWh));
      curves.push(shared.get(key) as ChargingCurve);
    }
  }
  return {
    instance,
    curves,
    model: options.model,
    nV,
    nB,
    nC,
    arrival,
    departure,
    discharge,
    busOf,
    chainStart,
    chain,
    posInChain,
    kappa: Float64Array.from(instance.buses, (b) => b.batteryKWh),
    socInit: Float64Array.from(instance.buses, (b) => b.initialSocKWh),
    socMin: Float64Array.from(instance.buses, (b) => b.minSocKWh),
    socFinal: Float64Array.from(instance.buses, (b) => b.finalSocKWh),
    power: Float64Array.from(instance.chargers, (c) => c.powerKW),
    chargerType: Int32Array.from(instance.chargers, (c) => c.typeIndex),
    chargerCost: Float64Array.from(instance.chargers, (c) => costs.chargerPerUnit[c.type] ?? 0),
    chargeable: Int32Array.from(chargeableList),
    isChargeable,
    chargersOfType: instance.chargerTypes.map((_, t) => Int32Array.from(instance.chargers.filter((c) => c.typeIndex === t).map((c) => c.index))),
    binH,
    nBins,
    windowBins,
    windowStride,
    energyPerKWh: costs.energyPerKWh,
    demandPerKW: costs.demandPerKW,
    capacityPerKW: costs.capacityPerKW,
    overlapWeight: options.overlapWeight ?? costs.capacityPerKW * 1e-5,
    overlapFromKW: maxPower,
    windowH,
    // A kWh short must cost more than anything it could save: the demand of delivering it inside one
    // window (1 kWh / windowH kW), its energy, a whole charger's capacity charge, the dearest charger.
    penaltyPerKWh:
      options.penaltyPerKWh ??
      10 * (costs.demandPerKW / windowH + costs.energyPerKWh + costs.capacityPerKW * maxPower) + Math.max(0, ...Object.values(costs.chargerPerUnit)),
  };
}
