import { rainflow } from '../rainflow';

export interface PricedCycle {
  readonly depth: number;
  /** 1 for a full cycle or a discharging half cycle, 0 for a charging half cycle. */
  readonly weight: number;
}

/**
 * Exact cycle-depth cost of a SOC trajectory: rainflow (ASTM E1049) cycles priced with Φ(depth).
 * Full cycles cost Φ; a half cycle costs Φ if it is a discharge and nothing if it is a charge, the
 * booking of cycle-depth cost models that charge wear when energy leaves the battery.
 */
export function exactCycleDepthCost(
  soc: readonly number[],
  costPerCycle: (depth: number) => number,
): { costUsd: number; cycles: PricedCycle[] } {
  const c = rainflow(soc);
  const cycles: PricedCycle[] = [];
  let costUsd = 0;
  for (let i = 0; i < c.length; i++) {
    const depth = c.range[i] as number;
    const discharge = (soc[c.to[i] as number] as number) < (soc[c.from[i] as number] as number);
    const weight = c.count[i] === 1 || discharge ? 1 : 0;
    if (weight === 0 || depth <= 0) continue;
    cycles.push({ depth, weight });
    costUsd += weight * costPerCycle(depth);
  }
  return { costUsd, cycles };
}
