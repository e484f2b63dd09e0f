/**
 * The co-simulation's data. Energies in MWh, powers in MW, prices in $/MWh, SOC as fractions of
 * capacity; period t lasts `stepH` hours and SOC values are at the end of each period.
 */

/** A storage unit (one MESS, or a hub's pool of them) that charges at one grid bus. */
export interface StorageUnit {
  readonly name: string;
  readonly bus: number;
  readonly capacityMWh: number;
  readonly maxChargeMW: number;
  /** Power it may feed back to the grid; 0: it only charges. */
  readonly maxDischargeMW: number;
  readonly chargeEfficiency: number;
  readonly dischargeEfficiency: number;
  readonly socMin: number;
  readonly socMax: number;
  readonly initialSoc: number;
  /** SOC it must end the horizon with, at least. */
  readonly finalSoc: number;
  /** The demand it covers off the grid (its construction site's draw) per period, MW, drawn through the discharge efficiency. */
  readonly demandMW: readonly number[];
  /** Wear cost per MWh charged or discharged. */
  readonly wearUsdPerMWh: number;
}

export interface UnitSchedule {
  readonly name: string;
  readonly bus: number;
  readonly chargeMW: readonly number[];
  readonly dischargeMW: readonly number[];
  /** Stored energy at the end of each period. */
  readonly socMWh: readonly number[];
}

/** Net storage load at a bus per period (charging +, discharging −), MW: what the grid sees. */
export interface BusSchedule {
  readonly bus: number;
  readonly mw: readonly number[];
}

export interface BusPrices {
  readonly bus: number;
  readonly usdPerMWh: readonly number[];
}

/** The grid's answer to a storage schedule: LMPs at every bus and the generation cost, checked. */
export interface PricedGrid {
  readonly prices: readonly BusPrices[];
  /** Generation cost over the horizon, $. */
  readonly generationCostUsd: number;
}

/**
 * One co-simulation iteration: the schedule the grid was priced with, the prices it got, and how far
 * the two agree. Iteration 0 prices the grid without storage (the baseline).
 */
export interface CosimIteration {
  readonly iteration: number;
  readonly prices: readonly BusPrices[];
  readonly generationCostUsd: number;
  readonly schedule: readonly BusSchedule[];
  /** The units' schedules behind `schedule`; empty at iteration 0. */
  readonly units: readonly UnitSchedule[];
  /** What the schedule costs at these prices (energy at the LMP plus wear), $. */
  readonly objective: number;
  /** Largest LMP change from the previous iteration; null at iteration 0. */
  readonly maxPriceChangeUsdPerMWh: number | null;
  /** Largest change of a bus's storage load from the previous iteration; null at iteration 0. */
  readonly maxScheduleChangeMW: number | null;
  /**
   * What re-planning against these prices would save, per MWh the schedule moves through storage:
   * 0 when the schedule is already the best answer to the prices it causes. Null at iteration 0.
   */
  readonly gapUsdPerMWh: number | null;
}

export interface CosimResult {
  readonly converged: boolean;
  /** Why it stopped: 'converged', 'iteration cap' or 'time limit'. */
  readonly stoppedBecause: 'converged' | 'iteration cap' | 'time limit';
  readonly toleranceUsdPerMWh: number;
  readonly maxIterations: number;
  /** Iterations run (and reported), iteration 0 included. */
  readonly iterations: number;
  /** The last iteration: its schedule and the prices that schedule causes. */
  readonly final: CosimIteration;
  /** The storage plan against the last prices (the schedule the loop would have moved towards). */
  readonly lastPlan: readonly UnitSchedule[];
}
