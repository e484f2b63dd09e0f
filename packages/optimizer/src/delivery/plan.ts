/** One site visit of a delivery route. Times in hours from midnight. */
export interface DeliveryStop {
  readonly node: number;
  readonly arrivalH: number;
  readonly serviceStartH: number;
  readonly deliveredKWh: number;
  readonly pickedUpKWh: number;
}

/**
 * One vehicle's tour: the driver starts at `startH` (loading at the depot), leaves at `departH`,
 * serves the stops in order and is back at the depot at `returnH`.
 */
export interface DeliveryRoute {
  readonly vehicleId: number;
  readonly startH: number;
  readonly departH: number;
  readonly stops: readonly DeliveryStop[];
  readonly returnH: number;
}

export interface DeliveryPlan {
  readonly instance: string;
  /** What produced it, e.g. 'published-heuristic', 'milp', 'dp'. */
  readonly method: string;
  /** Routes of the vehicles that drive; idle vehicles are left out. */
  readonly routes: readonly DeliveryRoute[];
}

/**
 * How a plan is priced.
 * - 'published': the notebook's rule — each leg into a served site costs d·(fuel + maintenance) +
 *   wage × (clock time of arrival) + toll; the leg home costs d·(fuel + maintenance) + wage × shift
 *   start + toll (shared/notes/mess-routing.md §4.2 rule 3–4).
 * - 'duration': the corrected rule — d·(fuel + maintenance) + toll per leg, plus wage × (return − start).
 */
export type DeliveryCostModel = 'published' | 'duration';
