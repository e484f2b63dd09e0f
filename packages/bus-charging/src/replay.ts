import { InputError } from '@gridhaul/common';
import type { Instance } from './instance';
import type { ChargingSession, Schedule } from './schedule';

/**
 * Reads a schedule in Brown's result format (`*-schedule.csv`: per bus b the columns `charger<b>`,
 * `u<b>` and `s<b>` or `p<b>`, charger indices without idle queues, times in hours) and matches each
 * session to the visit of bus b whose window holds it. Rows are not trusted to be in our visit order
 * (the Rust SA breaks arrival-time ties differently).
 */
export function scheduleFromBrownCsv(instance: Instance, text: string, source = 'schedule.csv', toleranceH = 1e-4): Schedule {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const groups = new Map<number, { charger: number; u: number; s: number }>();
  header.forEach((name, col) => {
    const m = /^(charger|u|s|p)(\d+)$/.exec(name);
    if (!m) return;
    const bus = Number(m[2]);
    const g = groups.get(bus) ?? { charger: -1, u: -1, s: -1 };
    if (m[1] === 'charger') g.charger = col;
    else if (m[1] === 'u') g.u = col;
    else g.s = col;
    groups.set(bus, g);
  });
  const sessions: ChargingSession[] = [];
  for (let k = 1; k < lines.length; k++) {
    const cells = (lines[k] as string).split(',');
    for (const [bus, g] of groups) {
      const charger = Number(cells[g.charger]);
      if (Number.isNaN(charger)) continue;
      const startH = Number(cells[g.u]);
      const durationH = Number(cells[g.s]);
      if (!Number.isFinite(startH) || !Number.isFinite(durationH)) throw new InputError(`${source}:${k + 1} u${bus}`, cells[g.u], 'a start and a duration in hours');
      if (durationH <= 0) continue;
      if (!Number.isInteger(charger) || charger < 0 || charger >= instance.chargers.length) throw new InputError(`${source}:${k + 1} charger${bus}`, charger, `a charger index in [0, ${instance.chargers.length - 1}]`);
      const chain = instance.visitsOfBus[bus];
      if (!chain) throw new InputError(`${source}:1 charger${bus}`, bus, `a bus index in [0, ${instance.buses.length - 1}]`);
      const endH = startH + durationH;
      const visit = chain.find((i) => {
        const v = instance.visits[i];
        return v !== undefined && v.arrivalH - toleranceH <= startH && endH <= v.departureH + toleranceH && v.dwellH > 0;
      });
      if (visit === undefined) throw new InputError(`${source}:${k + 1} u${bus}`, [startH, endH], `a session inside one of bus ${bus}'s visits`);
      const v = instance.visits[visit];
      if (!v) continue;
      // Clip float32 rounding at the window ends.
      sessions.push({ visit, charger, startH: Math.max(startH, v.arrivalH), endH: Math.min(endH, v.departureH) });
    }
  }
  return { sessions };
}

/**
 * Energy as Brown's plotting scripts book it: the depot's instantaneous power sampled `samples` times
 * `stepH` apart from t = 0 and summed as a Riemann sum (1000 samples, 0.024 h). The published SA
 * energies (4295.66 kWh, 4428.67 kWh) are this number, not the energy the batteries receive.
 */
export function riemannEnergyKWh(
  pieces: readonly { startH: number; endH: number; powerKW: number; decayPerH: number }[],
  samples = 1000,
  stepH = 0.024,
  firstH = 0,
  spacingH = stepH,
): number {
  let e = 0;
  for (let k = 0; k < samples; k++) {
    const t = firstH + k * spacingH;
    for (const p of pieces) if (p.startH <= t && t < p.endH) e += p.powerKW * Math.exp(-p.decayPerH * (t - p.startH)) * stepH;
  }
  return e;
}
