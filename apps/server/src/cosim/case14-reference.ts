/**
 * Closed-form economics of MATPOWER case14 for the co-simulation tests, from the case file's own
 * data (MATPOWER/matpower case14.m: 259 MW of load, no line limits, gencost 0.0430292599·P² + 20·P
 * at bus 1 and 0.25·P² + 20·P at bus 2, 0.01·P² + 40·P at buses 3, 6, 8). Below 40 $/MWh only the
 * first two run, so the DC-OPF price is uniform and linear in the total load L:
 *   λ(L) = 20 + L / (1/(2·0.0430292599) + 1/(2·0.25)),
 * which gives PowerModels' published 39.02 $/MWh at L = 259 MW (lanl-ansi/PowerModels.jl
 * test/output.jl, "14 bus - kcl duals"). Valid while λ < 40 $/MWh, i.e. L < 272.4 MW.
 */
const A1 = 0.0430292599;
const A2 = 0.25;
export const CASE14_LOAD_MW = 259;
/** dλ/dL, $/MWh per MW. */
export const CASE14_PRICE_SLOPE = 1 / (1 / (2 * A1) + 1 / (2 * A2));

export function case14Lmp(loadMW: number): number {
  if (!(loadMW < 272.4)) throw new Error(`case14 closed form holds below 272.4 MW, got ${loadMW}`);
  return 20 + loadMW * CASE14_PRICE_SLOPE;
}

/** Generation cost at total load L, $/h: both units at marginal cost λ(L). */
export function case14CostPerHour(loadMW: number): number {
  const excess = case14Lmp(loadMW) - 20;
  const p1 = excess / (2 * A1);
  const p2 = excess / (2 * A2);
  return A1 * p1 * p1 + 20 * p1 + A2 * p2 * p2 + 20 * p2;
}

/**
 * IEEE Reliability Test System (1979), Table 4: winter weekday hourly load, % of the daily peak
 * (the server demo's day).
 */
export const RTS79_WINTER_WEEKDAY_PCT = [67, 63, 60, 59, 59, 60, 74, 86, 95, 96, 96, 95, 95, 95, 93, 94, 99, 100, 100, 96, 91, 83, 73, 63];

/**
 * The least-cost way to charge `energyMWh` (lossless, at most `maxMW` per hour, SOC never binding)
 * on top of hourly loads: valley filling, charge_t = clip(W − load_t, 0, maxMW) with the level W
 * found by bisection. With a price rising in the load this is also the schedule that is the best
 * answer to the prices it causes, the point the co-simulation should reach.
 */
export function valleyFill(loadsMW: readonly number[], energyMWh: number, maxMW: number): number[] {
  const charged = (level: number) => loadsMW.reduce((sum, l) => sum + Math.min(maxMW, Math.max(0, level - l)), 0);
  let lo = Math.min(...loadsMW);
  let hi = Math.max(...loadsMW) + maxMW;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (charged(mid) < energyMWh) lo = mid;
    else hi = mid;
  }
  return loadsMW.map((l) => Math.min(maxMW, Math.max(0, hi - l)));
}
