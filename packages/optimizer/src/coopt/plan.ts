/** What a truck does, in time order (hours from midnight). */
export type CoOptAction =
  | { readonly kind: 'start'; readonly atH: number; readonly untilH: number }
  | { readonly kind: 'drive'; readonly from: number; readonly to: number; readonly atH: number; readonly untilH: number }
  | { readonly kind: 'wait'; readonly node: number; readonly atH: number; readonly untilH: number }
  | { readonly kind: 'charge'; readonly node: number; readonly atH: number; readonly untilH: number; readonly kWh: number }
  | { readonly kind: 'swap'; readonly node: number; readonly request: number; readonly atH: number; readonly untilH: number }
  | { readonly kind: 'depot-swap'; readonly atH: number; readonly untilH: number }
  | { readonly kind: 'end'; readonly atH: number };

export interface CoOptTruckPlan {
  readonly truckId: number;
  readonly actions: readonly CoOptAction[];
}

export interface CoOptPlan {
  readonly method: string;
  /** Trucks that work; idle trucks are left out. */
  readonly trucks: readonly CoOptTruckPlan[];
}
