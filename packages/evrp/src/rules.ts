import { InputError } from '@gridhaul/common';

/**
 * The four variants of Cataldo-Díaz, Linfati & Escobar (2022): (a) full recharge at every station
 * visit; (b) partial recharge; (c) partial, SOC never below 25 % of Q; (d) partial, SOC never below
 * 25 %, never charged above 85 % of Q.
 */
export type Variant = 'a' | 'b' | 'c' | 'd';

/**
 * `distance`: the literature's objective (Schneider et al. 2014): fewest vehicles, then total
 * distance; station→station arcs allowed; no set-up time at stations.
 * `paper`: Cataldo-Díaz et al. (2022): travel + service + charging time + 10 time units per station
 * visit (the set-up also runs on the clock); no station→station arcs.
 */
export type ObjectiveKind = 'distance' | 'paper';

/** Everything that differs between variants and objectives, as numbers the models and the checker read. */
export interface EvrpRules {
  readonly variant: Variant;
  readonly objective: ObjectiveKind;
  /** Every station visit charges to Q (variant a). */
  readonly fullRecharge: boolean;
  /** Lowest SOC on arrival at customers and stations, fraction of Q (0.25 in c, d). Not applied on the final arrival at the depot. */
  readonly minSocFraction: number;
  /** Highest SOC on leaving a station, fraction of Q (0.85 in d). */
  readonly maxChargeFraction: number;
  /** Time units spent per station visit besides charging (10 in the paper's objective). */
  readonly stationSetupTime: number;
  /** Cost added to the objective per station visit (10 in the paper's objective). */
  readonly stationVisitCost: number;
  readonly stationToStation: boolean;
}

export const VARIANTS: readonly Variant[] = ['a', 'b', 'c', 'd'];

/** Cataldo-Díaz et al. (2022): the station set-up time, time units. */
export const PAPER_STATION_SETUP_TIME = 10;

export function rulesFor(variant: Variant, objective: ObjectiveKind): EvrpRules {
  if (!VARIANTS.includes(variant)) throw new InputError('variant', variant, 'one of a, b, c, d');
  if (objective !== 'distance' && objective !== 'paper') throw new InputError('objective', objective, 'distance or paper');
  const paper = objective === 'paper';
  return Object.freeze({
    variant,
    objective,
    fullRecharge: variant === 'a',
    minSocFraction: variant === 'c' || variant === 'd' ? 0.25 : 0,
    maxChargeFraction: variant === 'd' ? 0.85 : 1,
    stationSetupTime: paper ? PAPER_STATION_SETUP_TIME : 0,
    stationVisitCost: paper ? PAPER_STATION_SETUP_TIME : 0,
    stationToStation: !paper,
  });
}
