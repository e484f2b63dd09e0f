import { Model, type Constraint, type Var } from '../src/index';

/** A small model with published (or analytically derived) answers, used against every back-end. */
export interface Reference {
  id: string;
  source: string;
  build(): { model: Model; vars: Record<string, Var>; rows: Record<string, Constraint> };
  status: 'optimal' | 'infeasible' | 'unbounded';
  objective?: number;
  values?: Record<string, number>;
  /** ∂objective/∂rhs per row (LPs only). */
  duals?: Record<string, number>;
}

export const references: Reference[] = [
  {
    id: 'wyndor',
    source: 'Hillier & Lieberman, Introduction to Operations Research (10th ed.), §3.1 and §4.7: Z* = 36 at (2, 6); shadow prices 0, 1.5, 1',
    build() {
      const m = new Model('wyndor');
      const x1 = m.addVar({ name: 'x[j=1]' });
      const x2 = m.addVar({ name: 'x[j=2]' });
      const p1 = m.addConstraint([[x1, 1]], '<=', 4, 'plant[i=1]');
      const p2 = m.addConstraint([[x2, 2]], '<=', 12, 'plant[i=2]');
      const p3 = m.addConstraint([[x1, 3], [x2, 2]], '<=', 18, 'plant[i=3]');
      m.maximize([[x1, 3], [x2, 5]]);
      return { model: m, vars: { x1, x2 }, rows: { p1, p2, p3 } };
    },
    status: 'optimal',
    objective: 36,
    values: { x1: 2, x2: 6 },
    duals: { p1: 0, p2: 1.5, p3: 1 },
  },
  {
    id: 'vanderbei-2.1',
    source: 'Vanderbei, Linear Programming (5th ed.), §2.1: ζ* = 13 at x = (2, 0, 1); dual y* = (1, 0, 1) (§5.1)',
    build() {
      const m = new Model('vanderbei');
      const [a, b, c] = m.addVars(3, (i) => ({ name: `x[j=${i + 1}]` })) as [Var, Var, Var];
      const r1 = m.addConstraint([[a, 2], [b, 3], [c, 1]], '<=', 5, 'r[i=1]');
      const r2 = m.addConstraint([[a, 4], [b, 1], [c, 2]], '<=', 11, 'r[i=2]');
      const r3 = m.addConstraint([[a, 3], [b, 4], [c, 2]], '<=', 8, 'r[i=3]');
      m.maximize([[a, 5], [b, 4], [c, 3]]);
      return { model: m, vars: { a, b, c }, rows: { r1, r2, r3 } };
    },
    status: 'optimal',
    objective: 13,
    values: { a: 2, b: 0, c: 1 },
    duals: { r1: 1, r2: 0, r3: 1 },
  },
  {
    id: 'radiation-therapy',
    source:
      'Hillier & Lieberman §3.4 (Mary\'s radiation therapy): min 0.4x1 + 0.5x2, optimum (7.5, 4.5), Z* = 5.25; duals by complementary slackness: −0.5 (≤ row), 1.1 (= row), 0 (≥ row); y·b = 5.25',
    build() {
      const m = new Model('radiation');
      const x1 = m.addVar({ name: 'x[j=1]' });
      const x2 = m.addVar({ name: 'x[j=2]' });
      const healthy = m.addConstraint([[x1, 0.3], [x2, 0.1]], '<=', 2.7, 'healthy');
      const tumor = m.addConstraint([[x1, 0.5], [x2, 0.5]], '=', 6, 'tumor');
      const center = m.addConstraint([[x1, 0.6], [x2, 0.4]], '>=', 6, 'center');
      m.minimize([[x1, 0.4], [x2, 0.5]]);
      return { model: m, vars: { x1, x2 }, rows: { healthy, tumor, center } };
    },
    status: 'optimal',
    objective: 5.25,
    values: { x1: 7.5, x2: 4.5 },
    duals: { healthy: -0.5, tumor: 1.1, center: 0 },
  },
  {
    id: 'beale-cycling',
    source: 'Beale (1955), the degenerate LP on which Dantzig\'s rule cycles: optimum −5/4 at x4 = 1, x6 = 1 (Chvátal 1983, ch. 3)',
    build() {
      const m = new Model('beale');
      const [x4, x5, x6, x7] = m.addVars(4, (i) => ({ name: `x[j=${i + 4}]` })) as [Var, Var, Var, Var];
      const r1 = m.addConstraint([[x4, 0.25], [x5, -8], [x6, -1], [x7, 9]], '<=', 0, 'r[i=1]');
      const r2 = m.addConstraint([[x4, 0.5], [x5, -12], [x6, -0.5], [x7, 3]], '<=', 0, 'r[i=2]');
      const r3 = m.addConstraint([[x6, 1]], '<=', 1, 'r[i=3]');
      m.minimize([[x4, -0.75], [x5, 20], [x6, -0.5], [x7, 6]]);
      return { model: m, vars: { x4, x5, x6, x7 }, rows: { r1, r2, r3 } };
    },
    status: 'optimal',
    objective: -1.25,
    values: { x4: 1, x6: 1, x7: 0 },
  },
  {
    id: 'free-variable',
    source: 'analytic: min y − x, x free, y ≥ 0, x − y = −3, x + 2y ≤ 1 → x = y − 3, objective 3 for every y in [0, 4/3]; x at its least, −3, when y = 0',
    build() {
      const m = new Model('free');
      const x = m.addVar({ name: 'x', lb: -Infinity });
      const y = m.addVar({ name: 'y' });
      const link = m.addConstraint([[x, 1], [y, -1]], '=', -3, 'link');
      const cap = m.addConstraint([[x, 1], [y, 2]], '<=', 1, 'cap');
      m.minimize([[y, 1], [x, -1]]);
      return { model: m, vars: { x, y }, rows: { link, cap } };
    },
    status: 'optimal',
    objective: 3,
    duals: { link: -1, cap: 0 },
  },
  {
    id: 'ranged-with-constant',
    source: 'analytic: max x + y + 10 with 1 <= x + 2y <= 4, x <= 3: optimum x = 3, y = 0.5, objective 13.5; range dual 0.5 (upper side binding)',
    build() {
      const m = new Model('ranged');
      const x = m.addVar({ name: 'x', ub: 3 });
      const y = m.addVar({ name: 'y' });
      const band = m.addRange(1, [[x, 1], [y, 2]], 4, 'band');
      m.maximize([[x, 1], [y, 1]]);
      m.objectiveConstant = 10;
      return { model: m, vars: { x, y }, rows: { band } };
    },
    status: 'optimal',
    objective: 13.5,
    values: { x: 3, y: 0.5 },
    duals: { band: 0.5 },
  },
  {
    id: 'california-manufacturing',
    source: 'Hillier & Lieberman §12.1 (California Manufacturing Co., BIP): Z* = 14 at x = (1, 1, 0, 0)',
    build() {
      const m = new Model('california');
      const x = m.addVars(4, (i) => ({ name: `x[j=${i + 1}]`, type: 'binary' })) as [Var, Var, Var, Var];
      const budget = m.addConstraint([[x[0], 6], [x[1], 3], [x[2], 5], [x[3], 2]], '<=', 10, 'budget');
      m.addConstraint([[x[2], 1], [x[3], 1]], '<=', 1, 'oneWarehouse');
      m.addConstraint([[x[0], -1], [x[2], 1]], '<=', 0, 'warehouseNeedsFactory[city=LA]');
      m.addConstraint([[x[1], -1], [x[3], 1]], '<=', 0, 'warehouseNeedsFactory[city=SF]');
      m.maximize([[x[0], 9], [x[1], 5], [x[2], 6], [x[3], 4]]);
      return { model: m, vars: { x1: x[0], x2: x[1], x3: x[2], x4: x[3] }, rows: { budget } };
    },
    status: 'optimal',
    objective: 14,
    values: { x1: 1, x2: 1, x3: 0, x4: 0 },
  },
  {
    id: 'integer-rounding-trap',
    // y >= x + 1/2 and y <= 0.8x + 1.3: integer points (0,1), (1,2) only; LP corner (4, 4.5).
    source: 'analytic (enumeration): max x + y s.t. −2x + 2y ≥ 1, −8x + 10y ≤ 13; LP relaxation 8.5 at (4, 4.5), integer optimum 3 at (1, 2): rounding the LP fails',
    build() {
      const m = new Model('rounding');
      const x = m.addVar({ name: 'x', type: 'integer', ub: 10 });
      const y = m.addVar({ name: 'y', type: 'integer', ub: 10 });
      m.addConstraint([[x, -2], [y, 2]], '>=', 1, 'lower');
      m.addConstraint([[x, -8], [y, 10]], '<=', 13, 'upper');
      m.maximize([[x, 1], [y, 1]]);
      return { model: m, vars: { x, y }, rows: {} };
    },
    status: 'optimal',
    objective: 3,
    values: { x: 1, y: 2 },
  },
  {
    id: 'infeasible',
    source: 'analytic: x <= 2 and x >= 5',
    build() {
      const m = new Model('infeasible');
      const x = m.addVar({ name: 'x' });
      m.addConstraint([[x, 1]], '<=', 2, 'supply[i=1]');
      m.addConstraint([[x, 1]], '>=', 5, 'demand[j=1]');
      m.minimize([[x, 1]]);
      return { model: m, vars: { x }, rows: {} };
    },
    status: 'infeasible',
  },
  {
    id: 'unbounded',
    source: 'analytic: max x + y with x − y <= 1',
    build() {
      const m = new Model('unbounded');
      const x = m.addVar({ name: 'x' });
      const y = m.addVar({ name: 'y' });
      m.addConstraint([[x, 1], [y, -1]], '<=', 1, 'r');
      m.maximize([[x, 1], [y, 1]]);
      return { model: m, vars: { x, y }, rows: {} };
    },
    status: 'unbounded',
  },
];
