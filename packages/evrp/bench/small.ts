import { solveByEnumeration, solveByMilp, checkSolution, rulesFor, type Variant } from '../src/index';
import { loadInstance, SMALL_INSTANCES } from '../src/testing/fixtures';
import { fmt, log, markdownTable } from './common';

// Optima of Schneider, Stenger & Goeke (2014, Table 3; full recharge, vehicles then distance). The
// 5-customer values are restated in test/data/evrptw/CATALDO-DIAZ.md; the 10- and 15-customer
// values as restated in public code that cites the same table.
export const PUBLISHED_FULL_RECHARGE: Readonly<Record<string, readonly [number, number]>> = {
  c101C5: [2, 257.75], c103C5: [1, 176.05], c206C5: [1, 242.56], c208C5: [1, 158.48], r104C5: [2, 136.69], r105C5: [2, 156.08],
  r202C5: [1, 128.78], r203C5: [1, 179.06], rc105C5: [2, 241.3], rc108C5: [2, 253.93], rc204C5: [1, 176.39], rc208C5: [1, 167.98],
  c101C10: [3, 393.76], c104C10: [2, 273.93], c202C10: [1, 304.06], c205C10: [2, 228.28], r102C10: [3, 249.19], r103C10: [2, 207.05],
  r201C10: [1, 241.51], r203C10: [1, 218.21], rc102C10: [4, 423.51], rc108C10: [3, 345.93], rc201C10: [1, 412.86], rc205C10: [2, 325.98],
  c103C15: [3, 384.29], c106C15: [3, 275.13], c202C15: [2, 383.62], c208C15: [2, 300.55], r102C15: [5, 413.93], r105C15: [4, 336.15],
  r202C15: [2, 358.0], r209C15: [1, 313.24], rc103C15: [4, 397.67], rc108C15: [3, 370.25], rc202C15: [2, 394.39], rc204C15: [1, 384.86],
};

interface Row {
  name: string;
  method: 'enumeration' | 'milp';
  status: string;
  vehicles: number | null;
  objective: number | null;
  gap: number | null;
  seconds: number;
  checked: boolean;
}

/**
 * Small instances (5/10/15 customers), vehicles then distance: time to proven optimality of the
 * route enumeration + set partitioning and of the arc-flow MILP (the baseline), per variant.
 */
export async function benchSmall(opts: { sets: string[]; variants: Variant[]; methods: Array<'enumeration' | 'milp'>; capSec: number; names?: string[] }): Promise<string> {
  const sections: string[] = [];
  for (const variant of opts.variants) {
    const rules = rulesFor(variant, 'distance');
    const names = opts.names ?? opts.sets.flatMap((s) => [...SMALL_INSTANCES[Number(s) as 5]]);
    const rows: Row[] = [];
    for (const name of names) {
      const instance = loadInstance(name);
      for (const method of opts.methods) {
        log(`[small ${variant}] ${name} ${method} (cap ${opts.capSec} s)`);
        let last = 0;
        if (method === 'enumeration') {
          const r = solveByEnumeration(instance, rules, { timeLimitSec: opts.capSec, onProgress: (m) => log(`    ${m}`) });
          const check = r.solution ? checkSolution(instance, rules, r.solution) : null;
          rows.push({ name, method, status: r.status, vehicles: r.solution?.vehicles ?? null, objective: r.solution?.objective ?? null, gap: r.status === 'optimal' ? 0 : null, seconds: r.timeSec, checked: check?.feasible ?? false });
        } else {
          const r = await solveByMilp(instance, rules, {
            timeLimitSec: opts.capSec,
            onProgress: (fleet, p) => {
              if (p.timeSec - last < 10) return;
              last = p.timeSec;
              log(`    milp ${fleet}: incumbent ${fmt(p.incumbent)}, bound ${fmt(p.bound)}, ${p.timeSec.toFixed(0)} s`);
            },
          });
          const check = r.solution ? checkSolution(instance, rules, r.solution) : null;
          rows.push({ name, method, status: r.status, vehicles: r.solution?.vehicles ?? null, objective: r.solution?.objective ?? null, gap: r.status === 'optimal' ? 0 : (r.gap ?? null), seconds: r.timeSec, checked: check?.feasible ?? false });
        }
        const row = rows[rows.length - 1]!;
        log(`    → ${row.status}, ${row.vehicles ?? '–'} / ${fmt(row.objective)}, ${row.seconds.toFixed(2)} s, checked ${row.checked}`);
      }
    }
    sections.push(`### Variant (${variant}), vehicles then distance, cap ${opts.capSec} s per solve\n\n${smallTable(variant, names, rows, opts.methods)}`);
  }
  return sections.join('\n\n');
}

function smallTable(variant: Variant, names: string[], rows: Row[], methods: Array<'enumeration' | 'milp'>): string {
  const header = ['instance', ...(variant === 'a' ? ['published'] : [])];
  for (const m of methods) header.push(`${m}: status`, `${m}: veh / objective`, `${m}: gap`, `${m}: s`);
  if (methods.length === 2) header.push('time ratio MILP / enumeration');
  const body = names.map((name) => {
    const cells = [name];
    if (variant === 'a') {
      const p = PUBLISHED_FULL_RECHARGE[name];
      cells.push(p ? `${p[0]} / ${p[1].toFixed(2)}` : '–');
    }
    for (const m of methods) {
      const r = rows.find((x) => x.name === name && x.method === m)!;
      cells.push(r.checked ? r.status : r.status === 'infeasible' ? 'infeasible (proven)' : `${r.status} (no checked solution)`, `${r.vehicles ?? '–'} / ${fmt(r.objective)}`, r.gap === null ? '–' : `${(100 * r.gap).toFixed(2)} %`, r.seconds.toFixed(3));
    }
    if (methods.length === 2) {
      const e = rows.find((x) => x.name === name && x.method === 'enumeration')!;
      const m = rows.find((x) => x.name === name && x.method === 'milp')!;
      const capped = m.status !== 'optimal' || e.status !== 'optimal';
      cells.push(`${capped ? '≥ ' : ''}${(m.seconds / Math.max(e.seconds, 1e-3)).toFixed(1)}`);
    }
    return cells;
  });
  const solved = methods
    .map((m) => {
      const done = rows.filter((r) => r.method === m);
      const infeasible = done.filter((r) => r.status === 'infeasible').length;
      return `${m}: ${done.filter((r) => r.status === 'optimal').length}/${names.length} proven optimal${infeasible > 0 ? `, ${infeasible} proven infeasible` : ''}, total ${done.reduce((t, r) => t + r.seconds, 0).toFixed(1)} s`;
    })
    .join('; ');
  const agree = variant === 'a' ? `; matches published: ${names.filter((n) => { const r = rows.find((x) => x.name === n && x.method === methods[0]); const p = PUBLISHED_FULL_RECHARGE[n]; return r && p && r.vehicles === p[0] && Math.abs((r.objective ?? 0) - p[1]) < 0.005; }).length}/${names.length}` : '';
  return `${markdownTable(header, body)}\n\n${solved}${agree}`;
}
