import type { Network } from '../network';
import type { DcOpfResult, PeriodResult } from './results';

/**
 * Independent check of a DC-OPF result against the raw network: written apart from the model code
 * (own susceptances, own cost evaluation). Checks primal feasibility (limits, flows consistent
 * with angles, Kirchhoff's current law), the objective, the LMP decomposition, and the prices:
 * every generator strictly inside its limits must have marginal cost = LMP at its bus (KKT).
 */
export interface CheckReport {
  readonly ok: boolean;
  readonly violations: readonly string[];
}

export interface CheckOptions {
  /** Absolute tolerance in MW (scaled up by magnitude). */
  mwTol?: number;
  /** Tolerance on $/MWh comparisons (scaled up by magnitude). */
  priceTol?: number;
}

export function checkDcOpf(
  network: Network,
  result: DcOpfResult,
  options: CheckOptions = {},
): CheckReport {
  const mwTol = options.mwTol ?? 1e-5;
  const priceTol = options.priceTol ?? 1e-4;
  const v: string[] = [];
  const near = (a: number, b: number, tol: number) =>
    Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
  const susceptance = branchSusceptances(network, result.convention);
  let total = 0;

  result.periods.forEach((period, t) => {
    const tag = result.periods.length > 1 ? ` (t=${t})` : '';
    const injection = new Map<number, number>();
    const add = (bus: number, mw: number) => injection.set(bus, (injection.get(bus) ?? 0) + mw);
    for (const bp of period.buses) add(bp.bus, -bp.loadMW);

    for (const g of period.generators) {
      const gen = network.generators[g.generator - 1];
      if (!gen) {
        v.push(`generator ${g.generator}${tag}: not in the network`);
        continue;
      }
      if (
        g.pgMW < gen.pminMW - mwTol * Math.max(1, Math.abs(gen.pminMW)) ||
        g.pgMW > gen.pmaxMW + mwTol * Math.max(1, Math.abs(gen.pmaxMW))
      ) {
        v.push(
          `generator ${g.generator}${tag}: ${g.pgMW} MW outside [${gen.pminMW}, ${gen.pmaxMW}]`,
        );
      }
      add(gen.bus, g.pgMW);
    }

    const angle = new Map(period.buses.map((b) => [b.bus, (b.angleDeg * Math.PI) / 180]));
    for (const f of period.branches) {
      const br = network.branches[f.branch - 1];
      if (!br) continue;
      const dTheta = (angle.get(br.from) ?? NaN) - (angle.get(br.to) ?? NaN);
      const shift = result.convention === 'matpower' ? (br.shiftDeg * Math.PI) / 180 : 0;
      const expected = network.baseMVA * (susceptance[f.branch - 1] ?? NaN) * (dTheta - shift);
      if (!near(f.flowMW, expected, mwTol * 10))
        v.push(`branch ${f.branch}${tag}: flow ${f.flowMW} MW but angles give ${expected} MW`);
      if (br.rateAMVA > 0 && Math.abs(f.flowMW) > br.rateAMVA * (1 + mwTol) + mwTol)
        v.push(`branch ${f.branch}${tag}: |flow| ${f.flowMW} MW above RATE_A ${br.rateAMVA}`);
      const [lo, hi] = angleLimitsDeg(br.angMinDeg, br.angMaxDeg, result.convention);
      const diffDeg = (dTheta * 180) / Math.PI;
      if (diffDeg < lo - 1e-6 || diffDeg > hi + 1e-6)
        v.push(`branch ${f.branch}${tag}: angle difference ${diffDeg}° outside [${lo}, ${hi}]`);
      add(br.from, -f.flowMW);
      add(br.to, f.flowMW);
    }
    for (const d of period.dcLines) {
      const line = network.dcLines[d.dcLine - 1];
      if (!line) continue;
      add(line.from, -d.flowMW);
      add(line.to, d.flowMW - line.loss0MW - line.loss1 * d.flowMW);
    }
    if (result.formulation === 'copperplate') {
      // no network: only the system (island) balance must hold, and one price per island
      const net = [...injection.values()].reduce((a, b) => a + b, 0);
      if (Math.abs(net) > mwTol * 100) v.push(`system${tag}: power balance off by ${net} MW`);
    } else {
      for (const [bus, net] of injection) {
        if (Math.abs(net) > mwTol * 100) v.push(`bus ${bus}${tag}: power balance off by ${net} MW`);
      }
    }

    const lmpAt = new Map(period.buses.map((b) => [b.bus, b.lmp]));
    for (const b of period.buses) {
      if (!near(b.energy + b.congestion + b.loss, b.lmp, priceTol))
        v.push(
          `bus ${b.bus}${tag}: energy ${b.energy} + congestion ${b.congestion} + loss ${b.loss} ≠ LMP ${b.lmp}`,
        );
    }
    for (const g of period.generators) {
      const gen = network.generators[g.generator - 1];
      if (!gen || g.pgMW <= gen.pminMW + 1e-4 || g.pgMW >= gen.pmaxMW - 1e-4) continue;
      const mc = marginalCost(gen.cost, g.pgMW);
      const lmp = lmpAt.get(gen.bus);
      if (mc !== undefined && lmp !== undefined && !near(mc, lmp, priceTol))
        v.push(
          `generator ${g.generator}${tag}: marginal cost ${mc} $/MWh ≠ LMP ${lmp} at bus ${gen.bus}`,
        );
    }
    const cost = periodCost(network, period);
    if (!near(cost, period.costPerHour, 1e-7))
      v.push(`period cost${tag}: reported ${period.costPerHour} $/h, recomputed ${cost}`);
    total += cost;
  });
  if (!near(total, result.objective, 1e-6))
    v.push(`objective: reported ${result.objective}, recomputed ${total}`);
  return { ok: v.length === 0, violations: v };
}

function branchSusceptances(network: Network, convention: DcOpfResult['convention']): number[] {
  const earlier = new Set<string>();
  return network.branches.map((br) => {
    if (convention === 'matpower') return 1 / (br.xPu * br.tapRatio);
    const flipped = earlier.has(`${br.to}>${br.from}`);
    if (!flipped) earlier.add(`${br.from}>${br.to}`);
    const s = flipped ? br.tapRatio * br.tapRatio : 1;
    const r = br.rPu * s;
    const x = br.xPu * s;
    return r === 0 && x === 0 ? 0 : x / (r * r + x * x);
  });
}

function angleLimitsDeg(
  lo: number,
  hi: number,
  convention: DcOpfResult['convention'],
): [number, number] {
  if (convention === 'matpower')
    return [lo === 0 || lo <= -360 ? -Infinity : lo, hi === 0 || hi >= 360 ? Infinity : hi];
  const pad = (1.0472 * 180) / Math.PI;
  if (lo === 0 && hi === 0) return [-pad, pad];
  return [lo <= -90 ? -pad : lo, hi >= 90 ? pad : hi];
}

function periodCost(network: Network, period: PeriodResult): number {
  let sum = 0;
  for (const g of period.generators) {
    const gen = network.generators[g.generator - 1];
    if (gen) sum += costAt(gen.cost, g.pgMW);
  }
  return sum;
}

function costAt(cost: Network['generators'][number]['cost'], p: number): number {
  if (cost.kind === 'polynomial') return cost.coefficients.reduce((acc, c) => acc * p + c, 0);
  const { pointsMW: x, costsPerHour: y } = cost;
  let k = 0;
  while (k < x.length - 2 && p > (x[k + 1] as number)) k++;
  while (k < x.length - 2 && x[k + 1] === x[k]) k++;
  const x0 = x[k] as number;
  const x1 = x[k + 1] as number;
  const y0 = y[k] as number;
  const y1 = y[k + 1] as number;
  return x1 === x0 ? y0 : y0 + ((y1 - y0) * (p - x0)) / (x1 - x0);
}

/** dC/dP at p, or undefined at a PWL breakpoint (where the price may be anywhere between slopes). */
function marginalCost(cost: Network['generators'][number]['cost'], p: number): number | undefined {
  if (cost.kind === 'polynomial') {
    const n = cost.coefficients.length - 1;
    return cost.coefficients.reduce((acc, c, i) => (i < n ? acc * p + c * (n - i) : acc), 0);
  }
  const { pointsMW: x, costsPerHour: y } = cost;
  for (let k = 0; k + 1 < x.length; k++) {
    if (Math.abs(p - (x[k] as number)) < 1e-4 || Math.abs(p - (x[k + 1] as number)) < 1e-4)
      return undefined;
    if (p > (x[k] as number) && p < (x[k + 1] as number))
      return ((y[k + 1] as number) - (y[k] as number)) / ((x[k + 1] as number) - (x[k] as number));
  }
  return undefined;
}
