import type { NodeKind } from './instance';
import type { ObjectiveKind, Variant } from './rules';

/**
 * One stop of a route. Times in time units, SOC and charge in energy units, load in load units.
 * Times follow the earliest-start convention: arrival = previous departure + travel time,
 * start = max(arrival, ready time), departure = start + service (customers) or
 * start + set-up + g · charge (stations).
 */
export interface Visit {
  readonly id: string;
  readonly kind: NodeKind;
  readonly arrival: number;
  readonly start: number;
  readonly departure: number;
  /** Cargo on board when arriving (before serving this customer). */
  readonly loadOnArrival: number;
  readonly socOnArrival: number;
  /** Energy charged here (0 except at stations). */
  readonly charge: number;
  readonly socOnDeparture: number;
}

export interface EvrpRoute {
  /** Depot first and last. */
  readonly visits: readonly Visit[];
  readonly distance: number;
  /** This route's part of the objective (distance, or the paper's time). */
  readonly cost: number;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'noSolution';

export interface EvrpSolution {
  readonly instance: string;
  readonly variant: Variant;
  readonly objectiveKind: ObjectiveKind;
  /** Total distance (objective `distance`) or the paper's total time (objective `paper`). */
  readonly objective: number;
  readonly vehicles: number;
  readonly distance: number;
  readonly routes: readonly EvrpRoute[];
}
