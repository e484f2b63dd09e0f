import { createBatterySpec, cycleCostUsd, cycleLifeModel, schmalstieg2014Nmc, throughputCostUsdPerKWh, wang2011Lfp } from '@gridhaul/battery';
import type { CoOptSettings } from './settings';

/** Degradation cost of moving the carried MESS from one SOC to another (USD). */
export interface WearModel {
  readonly chemistry: CoOptSettings['chemistry'];
  readonly description: string;
  transitionUsd(socFrom: number, socTo: number): number;
}

/**
 * Wear of the 350 kWh unit from @gridhaul/battery's models:
 * - 'generalized': cycle life vs depth N(δ) = 4901·δ^−1.98·e^(0.016(1−δ)) (Lee & Kim form, Co-OPT
 *   Models 1/3); discharging from s_a to s_b costs Φ(1 − s_b) − Φ(1 − s_a), Φ(δ) = one cycle of depth δ
 *   (shared/notes/degradation.md §5); charging costs nothing.
 * - 'nmc': Schmalstieg 2014; 'lfp': Wang 2011 (the LFP law behind Co-OPT Model 2): throughput cost
 *   linearised at the settings' age, depth and temperature (degradation.md §6b), charged on every kWh
 *   moved in or out.
 * Calendar ageing is left out: a day's plan does not change how long the unit exists.
 */
export function wearModel(capacityKWh: number, s: CoOptSettings): WearModel {
  const spec = createBatterySpec({
    chemistry: s.chemistry === 'generalized' ? 'generic' : s.chemistry,
    nominalEnergyKWh: capacityKWh,
    socMin: 0,
    socMax: 1,
    maxChargePowerKW: s.chargerKW,
    maxDischargePowerKW: s.chargerKW,
    roundTripEfficiency: 1,
    replacementCostUsdPerKWh: s.messReplacementUsd / capacityKWh,
    endOfLifeCapacityFraction: s.endOfLifeFraction,
    temperatureC: s.wearTempC,
  });
  if (s.chemistry === 'generalized') {
    const model = cycleLifeModel(s.endOfLifeFraction);
    const phi = (depth: number): number => (depth <= 0 ? 0 : cycleCostUsd(spec, model, { depth: Math.min(1, depth) }));
    return {
      chemistry: s.chemistry,
      description: 'cycle life vs DoD (Lee & Kim form, Co-OPT parameters), depth from full',
      transitionUsd: (a, b) => (b < a ? Math.max(0, phi(1 - b) - phi(1 - a)) : 0),
    };
  }
  const model = s.chemistry === 'nmc' ? schmalstieg2014Nmc : wang2011Lfp;
  const perKWh = throughputCostUsdPerKWh(spec, model, { depth: s.wearDepth, meanSoc: 0.5, ageEfc: s.wearAgeEfc, tempC: s.wearTempC });
  return {
    chemistry: s.chemistry,
    description: `${model.title}: ${perKWh.toFixed(4)} USD per kWh of throughput (age ${s.wearAgeEfc} EFC, depth ${s.wearDepth}, ${s.wearTempC} °C)`,
    transitionUsd: (a, b) => Math.abs(b - a) * capacityKWh * perKWh,
  };
}
