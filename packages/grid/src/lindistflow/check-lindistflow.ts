import type { CheckReport } from '../dc/check-dcopf';
import type { Network } from '../network';
import type { FeederOptions } from './feeder';
import type { LinDistFlowResult } from './solve-lindistflow';

/**
 * Independent check of a LinDistFlow result against the raw network (own tree walk, own sweeps):
 * each reported branch flow must equal the net load of the buses it feeds (backward sweep), the
 * voltages must follow from the flows (forward sweep, lossless DistFlow), limits must hold, the
 * cost must be recomputed exactly, the DLMP parts must add up, and a source strictly inside its
 * limits must be priced at its marginal cost.
 */
export function checkLinDistFlow(
  network: Network,
  options: FeederOptions,
  r: LinDistFlowResult,
  tol = 1e-6,
): CheckReport {
  const v: string[] = [];
  const near = (a: number, b: number, t = tol) =>
    Math.abs(a - b) <= t * Math.max(1, Math.abs(a), Math.abs(b));
  const busById = new Map(network.buses.map((b) => [b.id, b]));
  const injection = new Map<number, { p: number; q: number }>();
  for (const b of network.buses)
    if (b.type !== 4) injection.set(b.id, { p: -(b.pdMW + b.gsMW), q: -(b.qdMVAr - b.bsMVAr) });
  const resources = options.resources ?? [];
  const genSources = network.generators.filter((g) => g.inService);
  r.sources.forEach((s, k) => {
    const inj = injection.get(s.bus);
    if (inj) {
      inj.p += s.pgMW;
      inj.q += s.qgMVAr;
    }
    const g = genSources[k];
    const res = resources[k - genSources.length];
    const [pmin, pmax, qmin, qmax] = g
      ? [g.pminMW, g.pmaxMW, g.qminMVAr, g.qmaxMVAr]
      : [res?.pminMW ?? 0, res?.pmaxMW ?? 0, res?.qminMVAr ?? 0, res?.qmaxMVAr ?? 0];
    if (
      s.pgMW < pmin - tol ||
      s.pgMW > pmax + tol ||
      s.qgMVAr < qmin - tol ||
      s.qgMVAr > qmax + tol
    )
      v.push(`${s.label}: (${s.pgMW} MW, ${s.qgMVAr} MVAr) outside its limits`);
  });

  const children = new Map<number, LinDistFlowResult['branches'][number][]>();
  for (const br of r.branches) children.set(br.from, [...(children.get(br.from) ?? []), br]);
  const subtreeNet = (bus: number): { p: number; q: number } => {
    const own = injection.get(bus) ?? { p: 0, q: 0 };
    let p = -own.p;
    let q = -own.q;
    for (const br of children.get(bus) ?? []) {
      const below = subtreeNet(br.to);
      p += below.p;
      q += below.q;
      if (!near(br.pMW, below.p) || !near(br.qMVAr, below.q))
        v.push(
          `branch ${br.branch}: flow (${br.pMW}, ${br.qMVAr}) but it feeds a net load of (${below.p}, ${below.q})`,
        );
    }
    return { p, q };
  };
  const rootBus = network.buses.find((b) => b.type === 3);
  if (!rootBus) return { ok: false, violations: ['no substation (type-3) bus'] };
  const total = subtreeNet(rootBus.id);
  if (Math.abs(total.p) > 1e-5 || Math.abs(total.q) > 1e-5)
    v.push(`substation balance off by (${total.p}, ${total.q})`);

  const vOf = new Map(r.buses.map((b) => [b.bus, b.vPu]));
  const sweep = (bus: number, vsq: number) => {
    const reported = vOf.get(bus) ?? NaN;
    if (!near(reported * reported, vsq))
      v.push(`bus ${bus}: v² ${reported * reported} but the flows give ${vsq}`);
    const b = busById.get(bus);
    if (b && b.type !== 3) {
      const lo = options.vminPu ?? b.vminPu;
      const hi = options.vmaxPu ?? b.vmaxPu;
      if (reported < lo - tol || reported > hi + tol)
        v.push(`bus ${bus}: ${reported} p.u. outside [${lo}, ${hi}]`);
    }
    for (const br of children.get(bus) ?? []) {
      const line = network.branches[br.branch - 1];
      if (!line) continue;
      sweep(br.to, vsq - (2 * (line.rPu * br.pMW + line.xPu * br.qMVAr)) / network.baseMVA);
      const limit = Math.min(
        line.rateAMVA > 0 ? line.rateAMVA : Infinity,
        options.lineLimitsMVA?.[br.branch] ?? Infinity,
      );
      const worst = Math.max(
        Math.abs(br.pMW),
        Math.abs(br.qMVAr),
        (Math.abs(br.pMW) + Math.abs(br.qMVAr)) / Math.SQRT2,
      );
      if (worst > limit * (1 + tol) + tol)
        v.push(`branch ${br.branch}: (${br.pMW}, ${br.qMVAr}) beyond ${limit} MVA`);
    }
  };
  sweep(rootBus.id, rootBus.vmPu * rootBus.vmPu);

  let cost = 0;
  const price = new Map(r.buses.map((b) => [b.bus, b.dlmp]));
  r.sources.forEach((s, k) => {
    const g = genSources[k];
    const res = resources[k - genSources.length];
    let marginal: number | undefined;
    if (g && g.cost.kind === 'polynomial') {
      const c = g.cost.coefficients;
      cost += c.reduce((acc, x) => acc * s.pgMW + x, 0);
      const n = c.length - 1;
      marginal = c.reduce((acc, x, i) => (i < n ? acc * s.pgMW + x * (n - i) : acc), 0);
    } else if (g && g.cost.kind === 'piecewiseLinear') {
      const { pointsMW: x, costsPerHour: y } = g.cost;
      let j = 0;
      while (j < x.length - 2 && s.pgMW > (x[j + 1] as number)) j++;
      const slope =
        ((y[j + 1] as number) - (y[j] as number)) / ((x[j + 1] as number) - (x[j] as number));
      cost += (y[j] as number) + slope * (s.pgMW - (x[j] as number));
    } else if (res) {
      cost += res.costPerMWh * s.pgMW;
      marginal = res.costPerMWh;
    }
    const [pmin, pmax] = g ? [g.pminMW, g.pmaxMW] : [res?.pminMW ?? 0, res?.pmaxMW ?? 0];
    if (
      marginal !== undefined &&
      s.pgMW > pmin + 1e-5 &&
      s.pgMW < pmax - 1e-5 &&
      !near(marginal, price.get(s.bus) ?? NaN, 1e-5)
    ) {
      v.push(`${s.label}: marginal cost ${marginal} ≠ DLMP ${price.get(s.bus)} at bus ${s.bus}`);
    }
  });
  if (!near(cost, r.objective, 1e-8))
    v.push(`objective: reported ${r.objective}, recomputed ${cost}`);
  for (const b of r.buses) {
    if (!near(b.energy + b.congestion + b.voltage + b.loss, b.dlmp, 1e-5))
      v.push(
        `bus ${b.bus}: energy ${b.energy} + congestion ${b.congestion} + voltage ${b.voltage} ≠ DLMP ${b.dlmp}`,
      );
  }
  return { ok: v.length === 0, violations: v };
}
