import type { ChargingCycleResult } from './charging-cycle/solve';
import type { CoOptResult } from './coopt/solve';
import type { DeliveryResult } from './delivery/solve';

const hhmm = (h: number): string => {
  const m = Math.round(h * 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** JSON for the API: the result with Maps turned into plain objects. */
export function resultToJson(result: DeliveryResult | ChargingCycleResult | CoOptResult): unknown {
  return JSON.parse(JSON.stringify(result, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
}

export function deliveryText(r: DeliveryResult): string {
  const c = r.check;
  const lines = [`delivery (${r.policy}, ${r.method}, ${r.status}${r.gap > 0 ? `, gap ${(100 * r.gap).toFixed(2)} %` : ''}): ${c.feasible ? 'feasible' : `${c.violations.length} broken limits`}`];
  for (const route of r.plan.routes) {
    const v = c.perVehicle.find((x) => x.vehicleId === route.vehicleId);
    const stops = route.stops.map((s) => `${s.node} ${hhmm(s.serviceStartH)} (+${s.deliveredKWh}/−${s.pickedUpKWh} kWh)`).join(' → ');
    lines.push(`  vehicle ${route.vehicleId}: start ${hhmm(route.startH)}, depot → ${stops} → depot ${hhmm(route.returnH)}; ${v?.distanceKm ?? 0} km, NOK ${money(v?.totalNOK ?? 0)}`);
  }
  lines.push(`  cost NOK ${money(c.cost.totalNOK)} = fuel ${money(c.cost.fuelNOK)} + maintenance ${money(c.cost.maintenanceNOK)} + tolls ${money(c.cost.tollNOK)} + wages ${money(c.cost.wagesNOK)}`);
  lines.push(`  ${c.cost.distanceKm} km, ${c.deliveredKWh} kWh delivered, ${c.pickedUpKWh} kWh picked up, NOK ${money(r.costPerKWhDeliveredNOK)} per kWh delivered`);
  if (r.heuristic) lines.push(`  published cost rule: NOK ${money(r.heuristic.totalPublishedCostNOK)}; skipped sites ${r.heuristic.skipped.join(', ') || 'none'}`);
  for (const v of c.violations) lines.push(`  ! ${v.kind}${v.vehicleId === undefined ? '' : ` vehicle ${v.vehicleId}`}${v.node === undefined ? '' : ` site ${v.node}`}: ${v.value} vs limit ${v.limit}`);
  return lines.join('\n');
}

export function chargingCycleText(r: ChargingCycleResult, excavatorIds: readonly number[], siteIds: readonly number[]): string {
  const c = r.check;
  const lines = [`charging cycle (${r.policy}, ${r.status}, ${r.plan.stepH * 60}-min steps): ${c.feasible ? 'every limit kept' : `${c.violations.length} broken limits`}`];
  for (const s of r.plan.swaps) lines.push(`  swap site ${s.siteId}: leave ${hhmm(s.departH)}, arrive ${hhmm(s.arrivalH)}, done ${s.finishH.toFixed(2)} h, back ${hhmm(s.returnH)} (${s.distanceKm} km)`);
  lines.push(`  travel NOK ${money(c.travelCostNOK)} (${c.distanceDayKm} km day, ${c.distanceNightKm} km night); hub energy ${c.hubEnergyKWh.toFixed(0)} kWh${c.hubEnergyCostNOK > 0 ? `, NOK ${money(c.hubEnergyCostNOK)}` : ''}`);
  const every = Math.max(1, Math.round(1 / r.plan.stepH));
  const hours = c.excavatorSoc[0]!.map((_, t) => t).filter((t) => t % every === 0);
  lines.push(`  SOC %   ${hours.map((t) => hhmm(r.plan.startH + t * r.plan.stepH)).join(' ')}`);
  excavatorIds.forEach((id, i) => lines.push(`  E${id}      ${hours.map((t) => (100 * c.excavatorSoc[i]![t]!).toFixed(0).padStart(5)).join(' ')}`));
  siteIds.forEach((id, i) => lines.push(`  MESS ${id}  ${hours.map((t) => (100 * c.messSoc[i]![t]!).toFixed(0).padStart(5)).join(' ')}`));
  for (const v of c.violations) lines.push(`  ! ${v.kind} ${v.subject}: from ${hhmm(v.firstH)}, worst ${v.worst.toFixed(3)} vs ${v.limit} (${v.count}×)`);
  return lines.join('\n');
}

export function coOptText(r: CoOptResult, nodeNames: readonly string[]): string {
  const c = r.check;
  const k = c.components;
  const lines = [
    `co-optimization (${r.policy}, ${r.method}${r.plan.method === r.method ? '' : `, plan by ${r.plan.method}`}, ${r.status}${r.gap > 0 ? `, gap ${(100 * r.gap).toFixed(2)} %` : ''}, ${r.settings.chemistry}): ${r.requests.length} exchanges, ${c.trucksUsed} trucks, ${c.feasible ? 'feasible' : `${c.violations.length} broken limits`}`,
  ];
  for (const t of r.plan.trucks) {
    const trace = c.socTrace.get(t.truckId) ?? [];
    lines.push(`  truck ${t.truckId}:`);
    for (const a of t.actions) {
      const soc = trace.find((x) => x.atH === ('untilH' in a ? a.untilH : a.atH));
      const s = soc && Number.isFinite(soc.soc) ? ` → SOC ${(100 * soc.soc).toFixed(1)} %` : '';
      if (a.kind === 'drive') lines.push(`    ${hhmm(a.atH)}–${hhmm(a.untilH)} drive ${nodeNames[a.from]} → ${nodeNames[a.to]}${s}`);
      else if (a.kind === 'charge') {
        const ev = c.charges.find((x) => x.truckId === t.truckId && x.atH === a.atH);
        lines.push(`    ${hhmm(a.atH)}–${hhmm(a.untilH)} charge ${a.kWh.toFixed(1)} kWh at ${nodeNames[a.node]} (bus ${ev?.bus}, ${(100 * (ev?.priceUsdPerKWh ?? NaN)).toFixed(2)} ¢/kWh, USD ${(ev?.costUsd ?? NaN).toFixed(2)})${s}`);
      }
      else if (a.kind === 'swap') lines.push(`    ${hhmm(a.atH)}–${hhmm(a.untilH)} exchange at ${nodeNames[a.node]} (request ${a.request})${s}`);
      else if (a.kind === 'wait') lines.push(`    ${hhmm(a.atH)}–${hhmm(a.untilH)} wait at ${nodeNames[a.node]}`);
      else if (a.kind === 'start') lines.push(`    ${hhmm(a.atH)}–${hhmm(a.untilH)} load a charged unit at the depot${s}`);
      else if (a.kind === 'depot-swap') lines.push(`    ${hhmm(a.atH)}–${hhmm(a.untilH)} exchange the unit at the depot${s}`);
      else lines.push(`    ${hhmm(a.atH)} off duty`);
    }
  }
  lines.push(`  USD ${money(c.totalUsd)} = wages ${money(k.wages)} + tolls ${money(k.tolls)} + maintenance ${money(k.maintenance)} + energy at LMP ${money(k.energyLmp)} + depot refill ${money(k.energyDepot)} + degradation ${money(k.degradation)}`);
  lines.push(`  ${c.distanceKm.toFixed(0)} km, ${c.deliveredKWh.toFixed(0)} kWh delivered, ${c.boughtKWh.toFixed(0)} kWh bought en route; USD ${(c.totalUsd / c.distanceKm).toFixed(2)}/km, ${(c.totalUsd / c.deliveredKWh).toFixed(3)}/kWh delivered`);
  const counts = new Map<string, number>();
  for (const v of c.violations) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
  for (const [kind, n] of counts) lines.push(`  ! ${kind} × ${n}: ${c.violations.find((v) => v.kind === kind)!.detail}`);
  return lines.join('\n');
}
