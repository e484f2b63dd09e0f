import { Rng } from '@gridhaul/common';
import { Model, type Var } from '../src/index';

/**
 * Cornuéjols & Dawande (1999) market-split instances: m equality rows over n binaries with random
 * coefficients in [0, 99] and right-hand sides half the row sums. Tiny, and hard for branch and
 * bound, so they exercise time limits, progress and cancellation. Slack variables keep them feasible.
 */
export function marketSplit(m: number, n: number, seed: number): { model: Model; x: Var[] } {
  const rng = new Rng(seed);
  const model = new Model(`market-split-${m}x${n}-${seed}`);
  const x = model.addVars(n, (j) => ({ name: `x[j=${j}]`, type: 'binary' }));
  const slack: Array<[Var, number]> = [];
  for (let i = 0; i < m; i++) {
    const a = Array.from({ length: n }, () => rng.int(0, 99));
    const d = Math.floor(a.reduce((s, v) => s + v, 0) / 2);
    const plus = model.addVar({ name: `s[i=${i},side=+]` });
    const minus = model.addVar({ name: `s[i=${i},side=-]` });
    slack.push([plus, 1], [minus, 1]);
    model.addConstraint([...x.map((v, j): [Var, number] => [v, a[j] as number]), [plus, 1], [minus, -1]], '=', d, `split[i=${i}]`);
  }
  model.minimize(slack);
  return { model, x };
}

/**
 * A market-split instance without slacks, made feasible by planting a random 0/1 point `planted`
 * (right-hand sides d = A·planted), with random costs 1..20 to minimise. Finding any feasible point is
 * as hard as for the original instances, so a solver stopped at the root has no incumbent of its own.
 */
export function plantedMarketSplit(m: number, n: number, seed: number): { model: Model; x: Var[]; planted: number[]; plantedCost: number } {
  const rng = new Rng(seed);
  const model = new Model(`planted-market-split-${m}x${n}-${seed}`);
  const x = model.addVars(n, (j) => ({ name: `x[j=${j}]`, type: 'binary' }));
  const planted = x.map(() => rng.int(0, 1));
  for (let i = 0; i < m; i++) {
    const a = x.map(() => rng.int(0, 99));
    const d = a.reduce((s, v, j) => s + v * (planted[j] as number), 0);
    model.addConstraint(x.map((v, j): [Var, number] => [v, a[j] as number]), '=', d, `split[i=${i}]`);
  }
  const cost = x.map(() => rng.int(1, 20));
  model.minimize(x.map((v, j): [Var, number] => [v, cost[j] as number]));
  return { model, x, planted, plantedCost: planted.reduce((s, v, j) => s + v * (cost[j] as number), 0) };
}
