import { bundledCoOptCase } from './src/bundled';
import { planCoOpt } from './src/coopt/solve';
for (const name of ['small', 'large'] as const) {
  const c = bundledCoOptCase(name);
  const t = performance.now();
  const r = await planCoOpt(c, { settings: { socGridPct: 5 }, timeLimitSec: 600 });
  console.log(name, r.status, r.objective.toFixed(2), r.gap, r.size, r.requests.length, ((performance.now()-t)/1000).toFixed(1), 's', r.check.feasible, r.check.trucksUsed);
}
process.exit(0);
