import { z } from 'zod';
import { Model, solve, type Constraint, type Var } from '@gridhaul/lp';
import { defineProblem } from '../problem-type';

const finite = z.number();
const name = z.string().min(1).max(200);

/** A linear or mixed-integer program written out as data (variables, rows, objective). */
export const lpInput = z
  .object({
    sense: z.enum(['min', 'max']),
    variables: z
      .array(
        z.object({
          name,
          lb: finite.default(0),
          ub: z.number().or(z.literal('inf')).default('inf'),
          type: z.enum(['continuous', 'integer', 'binary']).default('continuous'),
          obj: finite.default(0),
        }),
      )
      .min(1)
      .max(200_000),
    constraints: z
      .array(
        z.object({
          name,
          terms: z.array(z.object({ var: name, coef: finite })).max(200_000),
          sense: z.enum(['<=', '>=', '=']),
          rhs: finite,
        }),
      )
      .max(200_000),
    mipRelGap: z.number().min(0).max(1).optional(),
  })
  .superRefine((lp, ctx) => {
    const names = new Set<string>();
    lp.variables.forEach((v, i) => {
      if (names.has(v.name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `duplicate variable name "${v.name}"` });
      names.add(v.name);
      if (v.ub !== 'inf' && v.ub < v.lb) ctx.addIssue({ code: 'custom', path: ['variables', i, 'ub'], message: `upper bound ${v.ub} is below lower bound ${v.lb}` });
    });
    lp.constraints.forEach((c, i) =>
      c.terms.forEach((t, k) => {
        if (!names.has(t.var)) ctx.addIssue({ code: 'custom', path: ['constraints', i, 'terms', k, 'var'], message: `unknown variable "${t.var}"` });
      }),
    );
  });

export type LpInput = z.output<typeof lpInput>;

interface LpPlan {
  values: Record<string, number>;
  /** Row duals (∂objective/∂rhs), LPs only. */
  duals: Record<string, number> | null;
}

export const lpProblem = defineProblem({
  name: 'lp',
  description: 'A linear or mixed-integer program given as variables, rows and an objective, solved with @gridhaul/lp (HiGHS).',
  input: lpInput,
  async solve(lp, ctx) {
    const m = new Model('job');
    const vars = new Map<string, Var>();
    for (const v of lp.variables) {
      vars.set(v.name, m.addVar({ name: v.name, lb: v.lb, ub: v.ub === 'inf' ? Infinity : v.ub, type: v.type }));
    }
    const rows: Array<[string, Constraint]> = lp.constraints.map((c) => [
      c.name,
      m.addConstraint(c.terms.map((t) => [vars.get(t.var) as Var, t.coef] as [Var, number]), c.sense, c.rhs, c.name),
    ]);
    m.setObjective(lp.sense, lp.variables.map((v) => [vars.get(v.name) as Var, v.obj] as [Var, number]));
    const r = await solve(m, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress({ timeSec: p.timeSec, incumbent: p.incumbent, bound: p.bound, gap: p.gap, iteration: p.nodes }),
      randomSeed: ctx.seed,
      ...(ctx.timeLimitSec !== undefined ? { timeLimitSec: ctx.timeLimitSec } : {}),
      ...(lp.mipRelGap !== undefined ? { mipRelGap: lp.mipRelGap } : {}),
    });
    const plan: LpPlan = {
      values: r.hasSolution ? Object.fromEntries([...vars].map(([n, v]) => [n, r.value(v)])) : {},
      duals: r.hasDuals ? Object.fromEntries(rows.map(([n, c]) => [n, r.dual(c)])) : null,
    };
    return {
      status: r.status,
      objective: r.hasSolution ? (r.objective ?? null) : null,
      costs: r.hasSolution && r.objective !== undefined ? { objective: r.objective } : {},
      plan,
    };
  },
  check: checkLpSolution,
});

/**
 * Re-evaluates a returned point against the data alone: bounds, integrality, every row, and the
 * objective recomputed from the coefficients. Tolerances: 1e-6 relative to the row's scale.
 */
export function checkLpSolution(lp: LpInput, outcome: { objective: number | null; plan: unknown }) {
  const values = (outcome.plan as LpPlan).values;
  const problems: string[] = [];
  if (outcome.objective === null || Object.keys(values).length === 0) return { feasible: false, objective: null, problems: ['no solution to check'] };
  const tol = (scale: number) => 1e-6 * Math.max(1, Math.abs(scale));
  let objective = 0;
  for (const v of lp.variables) {
    const x = values[v.name];
    if (x === undefined || !Number.isFinite(x)) {
      problems.push(`${v.name}: no value`);
      continue;
    }
    if (x < v.lb - tol(v.lb)) problems.push(`${v.name} = ${x} is below its lower bound ${v.lb}`);
    if (v.ub !== 'inf' && x > v.ub + tol(v.ub)) problems.push(`${v.name} = ${x} is above its upper bound ${v.ub}`);
    if (v.type !== 'continuous' && Math.abs(x - Math.round(x)) > 1e-6) problems.push(`${v.name} = ${x} is not integral`);
    objective += v.obj * x;
  }
  for (const c of lp.constraints) {
    let lhs = 0;
    let scale = Math.abs(c.rhs);
    for (const t of c.terms) {
      const term = t.coef * (values[t.var] ?? NaN);
      lhs += term;
      scale = Math.max(scale, Math.abs(term));
    }
    const slack = lhs - c.rhs;
    const ok = c.sense === '<=' ? slack <= tol(scale) : c.sense === '>=' ? slack >= -tol(scale) : Math.abs(slack) <= tol(scale);
    if (!ok) problems.push(`${c.name}: ${lhs} ${c.sense} ${c.rhs} is violated by ${Math.abs(slack)}`);
  }
  if (Math.abs(objective - outcome.objective) > tol(objective)) problems.push(`objective recomputed as ${objective}, solver reported ${outcome.objective}`);
  return { feasible: problems.length === 0, objective, problems };
}
