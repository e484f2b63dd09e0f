import { InputError } from '@gridhaul/common';
import type { CoOptCase, CoOptSite } from './data';
import type { CoOptSettings } from './settings';

/** A MESS exchange a site needs: service must start in [earliestH, latestH]. */
export interface ExchangeRequest {
  readonly id: number;
  readonly site: number;
  /** k-th exchange at this site (1-based). */
  readonly ordinal: number;
  readonly earliestH: number;
  readonly latestH: number;
}

/**
 * Energy a site's MESS gives its excavators, cumulated at each slot boundary from startH to
 * demandEndH (kWh). The notebooks' site rules without their noise (shared/notes/co-opt-mess.md
 * §2.6): each excavator uses consumption·Δ; at or below the trigger SOC it is charged towards the
 * target at the excavator charging power from the site MESS; a step without transfer costs the MESS
 * the idle loss. The MESS is assumed never to run short (exchanges come in time).
 */
export function siteDrawKWh(site: CoOptSite, s: CoOptSettings): number[] {
  const steps = Math.round((s.demandEndH - s.startH) / s.slotH);
  const soc = site.excavators.map(() => 1);
  const out = [0];
  let total = 0;
  for (let k = 0; k < steps; k++) {
    let transferred = 0;
    site.excavators.forEach((e, i) => {
      let x = soc[i]! - (e.consumptionKWhPerH * s.slotH) / e.batteryKWh;
      x = Math.max(0, x);
      if (x <= s.excavatorTriggerSoc + 1e-12) {
        const energy = Math.min((s.excavatorTargetSoc - x) * e.batteryKWh, s.excavatorChargeKW * s.slotH);
        x += energy / e.batteryKWh;
        transferred += energy;
      }
      soc[i] = x;
    });
    total += transferred > 0 ? transferred : s.messIdleLossKWhPerH * s.slotH;
    out.push(total);
  }
  return out;
}

/**
 * The exchanges each site needs during the day. The first unit starts at the site's SOC; it must be
 * exchanged by the slot at which it reaches replaceSoc (latestH), at the earliest requestWindowH
 * before. The next unit is taken to arrive at deliverySoc at the earliest time of that window (the
 * worst case: it starts depleting soonest), which fixes the next window, and so on until demandEndH.
 * Windows are thereby independent of when the plan actually exchanges.
 */
export function exchangeRequests(c: CoOptCase, s: CoOptSettings): ExchangeRequest[] {
  const requests: ExchangeRequest[] = [];
  for (const site of c.sites) {
    const draw = siteDrawKWh(site, s);
    const cap = site.messCapacityKWh;
    let startPoint = 0;
    let energy = (site.initialSocPct / 100) * cap;
    for (let ordinal = 1; ; ordinal++) {
      let hit = -1;
      for (let k = startPoint; k < draw.length; k++) {
        if (energy - (draw[k]! - draw[startPoint]!) <= s.replaceSoc * cap + 1e-9) {
          hit = k;
          break;
        }
      }
      if (hit < 0) break;
      const latestH = Math.min(s.startH + hit * s.slotH, site.windowEndH);
      const earliestH = Math.max(site.windowStartH, s.startH, latestH - s.requestWindowH);
      requests.push({ id: requests.length, site: site.node, ordinal, earliestH, latestH });
      const next = Math.round((earliestH - s.startH) / s.slotH);
      if (ordinal > 1 && next <= startPoint) throw new InputError('requestWindowH', s.requestWindowH, `a window shorter than a unit delivered at ${s.deliverySoc} SOC lasts at site ${site.node}`);
      startPoint = next;
      energy = s.deliverySoc * cap;
    }
  }
  return requests.sort((a, b) => a.latestH - b.latestH || a.site - b.site).map((r, id) => ({ ...r, id }));
}
