/** Bus `visit`'s battery is on `charger` from `startH` to `endH` (hours from the start of the day). */
export interface ChargingSession {
  readonly visit: number;
  readonly charger: number;
  readonly startH: number;
  readonly endH: number;
}

/** A charger schedule: visits without a session wait (Brown's zero-rate idle queue of their bus). */
export interface Schedule {
  readonly sessions: readonly ChargingSession[];
}

/**
 * How a battery takes charge. `linear`: the charger's rated power until the battery is full.
 * `cccv`: constant power up to `cvStartSoc`, then a constant-voltage tail whose power decays
 * exponentially from the rated power, dE/dt = c(κ − E) with c = P / (κ (1 − cvStartSoc))
 * (notes/beb-charging.md §5.4).
 */
export type ChargingModel = { readonly kind: 'linear' } | { readonly kind: 'cccv'; readonly cvStartSoc: number };

export const LINEAR_CHARGING: ChargingModel = { kind: 'linear' };
/** Constant current to 80 % SOC, the knee of SimBA's example bus charging curves. */
export const CCCV_CHARGING: ChargingModel = { kind: 'cccv', cvStartSoc: 0.8 };
