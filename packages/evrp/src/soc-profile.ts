/**
 * The states a vehicle can be in at one point of a fixed route, as "the highest SOC it can have by
 * time t": −∞ before t0, s0 at t0, rising linearly (slope 1/g, charging) to s1 at t1, flat after.
 *
 * With linear charging this shape is closed under every step of a route: travelling shifts it,
 * a time window cuts it, and a partial-recharge station turns it into "arrive as early as possible
 * and charge until leaving", because no part of the profile rises faster than charging does.
 * So one profile per position decides feasibility of partial recharge exactly in O(1) per node,
 * including routes that must charge more than the minimum early (SOURCE.md, r101).
 * Times in time units, SOC in energy units.
 */
export interface SocProfile {
  readonly t0: number;
  readonly s0: number;
  readonly t1: number;
  readonly s1: number;
}

const EPS = 1e-9;

export function flatProfile(t: number, soc: number): SocProfile {
  return { t0: t, s0: soc, t1: t, s1: soc };
}

/** Highest SOC by time t (−∞ before t0). */
export function socBy(p: SocProfile, t: number): number {
  if (t < p.t0 - EPS) return -Infinity;
  if (t >= p.t1) return p.s1;
  if (t <= p.t0) return p.s0;
  return p.s0 + ((t - p.t0) * (p.s1 - p.s0)) / (p.t1 - p.t0);
}

/** Travelling: everything happens `time` later with `energy` less. */
export function travel(p: SocProfile, time: number, energy: number): SocProfile {
  return { t0: p.t0 + time, s0: p.s0 - energy, t1: p.t1 + time, s1: p.s1 - energy };
}

/** Keeps the states with SOC ≥ minSoc (null if none). */
export function requireSoc(p: SocProfile, minSoc: number): SocProfile | null {
  if (p.s1 < minSoc - EPS) return null;
  if (p.s0 >= minSoc || p.s1 <= p.s0) return p;
  const t = p.t0 + ((minSoc - p.s0) * (p.t1 - p.t0)) / (p.s1 - p.s0);
  return { t0: t, s0: minSoc, t1: p.t1, s1: p.s1 };
}

/** Keeps the states reached by `latest` (arrival no later than the due date); later it stays flat. */
export function closeBy(p: SocProfile, latest: number): SocProfile | null {
  if (p.t0 > latest + EPS) return null;
  if (p.t1 <= latest) return p;
  const t = Math.max(latest, p.t0);
  return { t0: p.t0, s0: p.s0, t1: t, s1: socBy(p, t) };
}

/** Service cannot start before `earliest`: waiting until then (the vehicle may also charge longer earlier). */
export function openAt(p: SocProfile, earliest: number): SocProfile {
  if (p.t0 >= earliest) return p;
  if (p.t1 <= earliest) return flatProfile(earliest, p.s1);
  return { t0: earliest, s0: socBy(p, earliest), t1: p.t1, s1: p.s1 };
}

export function delay(p: SocProfile, time: number): SocProfile {
  return time === 0 ? p : { t0: p.t0 + time, s0: p.s0, t1: p.t1 + time, s1: p.s1 };
}

/**
 * Partial recharge after a set-up time: leaving by t with min(cap, s0 + (t − t0 − setup)/g).
 * Null if the vehicle arrives above the cap (it could not leave a station at most at the cap).
 */
export function chargePartially(p: SocProfile, setupTime: number, inverseRate: number, cap: number): SocProfile | null {
  if (p.s0 > cap + EPS) return null;
  const start = p.t0 + setupTime;
  const s0 = Math.min(p.s0, cap);
  return { t0: start, s0, t1: start + inverseRate * (cap - s0), s1: cap };
}

/** Full recharge: arrive as early as possible and charge to capacity. */
export function chargeFully(p: SocProfile, setupTime: number, inverseRate: number, capacity: number): SocProfile {
  const done = p.t0 + setupTime + inverseRate * Math.max(0, capacity - p.s0);
  return flatProfile(done, capacity);
}
