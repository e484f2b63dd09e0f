import type { UnitSchedule } from './types';

/**
 * Method of successive averages: the schedule of iteration k+1 is the mean of the plans of
 * iterations 0…k, s(k+1) = s(k) + (plan(k) − s(k)) / (k + 1). A price-taking plan jumps between the
 * cheapest hours and never settles by itself; the average does, to the schedule that is the best
 * answer to the prices it causes. The mean of feasible schedules is feasible (the limits are
 * linear), and it is checked again anyway.
 */
export function successiveAverage(current: readonly UnitSchedule[] | null, plan: readonly UnitSchedule[], k: number): UnitSchedule[] {
  if (current === null) return plan.map((p) => ({ ...p, chargeMW: [...p.chargeMW], dischargeMW: [...p.dischargeMW], socMWh: [...p.socMWh] }));
  const step = 1 / (k + 1);
  const mix = (a: readonly number[], b: readonly number[]) => a.map((x, t) => x + step * ((b[t] as number) - x));
  return current.map((s, u) => {
    const p = plan[u] as UnitSchedule;
    return { name: s.name, bus: s.bus, chargeMW: mix(s.chargeMW, p.chargeMW), dischargeMW: mix(s.dischargeMW, p.dischargeMW), socMWh: mix(s.socMWh, p.socMWh) };
  });
}
