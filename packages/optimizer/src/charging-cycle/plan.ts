/** One MESS swap trip of the truck: hub → site, swap, site → hub. Times in hours from midnight. */
export interface SwapTrip {
  readonly siteId: number;
  readonly departH: number;
  readonly arrivalH: number;
  /** The fresh MESS is in place (end of the swap). */
  readonly finishH: number;
  readonly returnH: number;
  readonly distanceKm: number;
  /** The site MESS counts as the fresh unit from the start of this step on. */
  readonly resetStep: number;
}

/**
 * A charging-cycle plan on a time grid: step t covers [startH + t·stepH, startH + (t+1)·stepH).
 * Excavator charging power is constant within a step.
 */
export interface ChargingCyclePlan {
  readonly method: string;
  readonly startH: number;
  readonly stepH: number;
  readonly steps: number;
  /** chargingKW[e][t]: power into excavator e (instance order) during step t (kW). */
  readonly chargingKW: readonly (readonly number[])[];
  readonly swaps: readonly SwapTrip[];
}
