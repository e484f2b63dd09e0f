import { GridHaulError, InputError } from '@gridhaul/common';
import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../test-cases';
import { readMatpower } from './read-matpower';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as GridHaulError).tag).toBe('INVALID_INPUT');
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const sumPd = (n: { buses: readonly { pdMW: number }[] }) =>
  n.buses.reduce((s, b) => s + b.pdMW, 0);

describe('readMatpower on the reference files', () => {
  // Counts and total load as profiled in test/data/matpower/SOURCE.md ("Quick profile" table).
  it.each([
    ['matpower/case5.m', 5, 5, 6, 1000],
    ['matpower/case9.m', 9, 3, 9, 315],
    ['matpower/case14.m', 14, 5, 20, 259],
    ['matpower/case30.m', 30, 6, 41, 189.2],
    ['matpower/case39.m', 39, 10, 46, 6254.23],
    ['matpower/case57.m', 57, 7, 80, 1250.8],
    ['matpower/case118.m', 118, 54, 186, 4242],
    ['matpower/case300.m', 300, 69, 411, 23525.85],
    ['matpower/case3012wp.m', 3012, 502, 3572, 27169.68],
    ['matpower/case33bw.m', 33, 1, 37, 3.715],
    ['matpower/case69.m', 69, 1, 68, 3.8021],
  ])('%s has %i buses, %i gens, %i branches and %f MW of load', (file, nb, ng, nl, pd) => {
    const n = loadCase(file);
    expect([n.buses.length, n.generators.length, n.branches.length]).toEqual([nb, ng, nl]);
    expectClose(sumPd(n), pd, { abs: 1e-6 }, `${file} total Pd`);
  });

  it('reads a version-1 file (t_case9_opf): bus 30, PWL and linear costs, default angle limits', () => {
    const n = loadCase('matpower/t_case9_opf.m');
    expect(n.baseMVA).toBe(100);
    expect(n.buses.map((b) => b.id)).toEqual([1, 2, 30, 4, 5, 6, 7, 8, 9]);
    expect(n.generators[0]?.cost).toEqual({
      kind: 'piecewiseLinear',
      pointsMW: [0, 100, 200, 250],
      costsPerHour: [0, 2500, 5500, 7250],
    });
    expect(n.generators[1]?.cost).toEqual({
      kind: 'piecewiseLinear',
      pointsMW: [0, 200, 300],
      costsPerHour: [0, 3000, 5000],
    });
    expect(n.generators[2]?.cost).toEqual({ kind: 'polynomial', coefficients: [24.035, -403.5] });
    expect(n.branches[4]).toMatchObject({
      from: 6,
      to: 7,
      rateAMVA: 40,
      tapRatio: 1,
      angMinDeg: -360,
      angMaxDeg: 360,
    });
  });

  it('applies the Ω→p.u. and kW→MW conversions case33bw does in MATLAB code', () => {
    const n = loadCase('matpower/case33bw.m');
    const zBase = 12.66 ** 2 / 10; // Vbase² / Sbase in kV²/MVA = 16.0276 Ω (matpower/SOURCE.md)
    expectClose(n.branches[0]?.rPu ?? NaN, 0.0922 / zBase, { rel: 1e-12 }, 'branch 1-2 r');
    expectClose(n.branches[0]?.xPu ?? NaN, 0.047 / zBase, { rel: 1e-12 }, 'branch 1-2 x');
    expect(n.buses[1]).toMatchObject({ pdMW: 0.1, qdMVAr: 0.06 });
    expect(n.branches.filter((b) => !b.inService)).toHaveLength(5);
    expect(n.notes.some((s) => s.includes('case33bw.m:125'))).toBe(true);
  });

  it('reads PGLib files and both halves of a gencost with reactive rows (PowerModels case5)', () => {
    expect(loadCase('pglib-opf/pglib_opf_case3012wp_k.m').buses).toHaveLength(3012);
    const pm = loadCase('powermodels/case5.m');
    // NCOST = 3 clips the fourth number (2.0) off each row, as PowerModels' header says
    expect(pm.generators[0]?.cost).toEqual({ kind: 'polynomial', coefficients: [0, 14, 0] });
    expect(pm.buses[2]?.type).toBe(2); // type 0 corrected: bus 3 has a generator
    expect(pm.notes.join('\n')).toMatch(/reactive-power costs/);
    expect(loadCase('powermodels/case5_db.m').dcLines[0]).toMatchObject({
      from: 3,
      to: 5,
      pmaxMW: 100,
      loss0MW: 0,
      loss1: 0,
    });
  });
});

const tiny = (busRows: string, extra = '') => `function mpc = tiny
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
${busRows}
];
mpc.gen = [
\t1\t10\t0\t10\t-10\t1\t100\t1\t50\t0;
];
mpc.branch = [
\t1\t2\t0\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;
];
${extra}`;
const BUS1 = '\t1\t3\t0\t0\t0\t0\t1\t1\t0\t230\t1\t1.1\t0.9;';
const BUS2 = '\t2\t1\t10\t0\t0\t0\t1\t1\t0\t230\t1\t1.1\t0.9;';

describe('readMatpower syntax', () => {
  it('accepts comments, commas, continuation lines and scalar code', () => {
    const text = tiny(
      `${BUS1} % slack\n\t2, 1, 10, 0, 0, 0, 1, 1, 0, ...\n  230, 1, 1.1, 0.9;`,
      'mpc.gencost = [ 2 0 0 2 15 0 ]; # cost\nk = 2 * (3 + 1) ^ 2 / 4;\nmpc.baseMVA = k * 12.5;',
    );
    const n = readMatpower(text, 'tiny.m');
    expect(n.buses[1]).toMatchObject({ id: 2, pdMW: 10, baseKV: 230, vminPu: 0.9 });
    expect(n.baseMVA).toBe(100);
    expect(n.generators[0]?.cost).toEqual({ kind: 'polynomial', coefficients: [15, 0] });
  });

  it('names the line and what was expected for a non-number', () => {
    const e = inputError(() =>
      readMatpower(tiny(`${BUS1}\n\t2\t1\tten\t0\t0\t0\t1\t1\t0\t230\t1\t1.1\t0.9;`), 'bad.m'),
    );
    expect(e.field).toBe('bad.m:6');
    expect(e.value).toBe('ten');
    expect(e.expected).toMatch(/number/);
  });

  it('names the line of a row with the wrong number of columns', () => {
    const e = inputError(() =>
      readMatpower(tiny(`${BUS1}\n\t2\t1\t10\t0\t0\t0\t1\t1\t0\t230\t1\t1.1;`), 'bad.m'),
    );
    expect(e.field).toBe('bad.m:6');
    expect(e.expected).toMatch(/13 columns.*line 5/);
  });

  it('names the line and column of a branch to an unknown bus', () => {
    const e = inputError(() => readMatpower(tiny(BUS1), 'bad.m'));
    expect(e.field).toBe('bad.m:11 mpc.branch(1, T_BUS)');
    expect(e.value).toBe(2);
  });

  it('rejects unsupported MATLAB code with its line', () => {
    const e = inputError(() =>
      readMatpower(tiny(`${BUS1}\n${BUS2}`, 'if true\nmpc.baseMVA = 10;'), 'bad.m'),
    );
    expect(e.field).toBe('bad.m:14');
  });

  it('rejects a gencost row shorter than its NCOST, and a missing table', () => {
    const e = inputError(() =>
      readMatpower(tiny(`${BUS1}\n${BUS2}`, 'mpc.gencost = [\n 2 0 0 3 1 2 ];'), 'bad.m'),
    );
    expect(e.field).toBe('bad.m:15 gencost');
    expect(e.expected).toMatch(/7 columns/);
    const missing = inputError(() =>
      readMatpower(
        'function mpc = x\nmpc.baseMVA = 100;\nmpc.bus = [\n' + BUS1 + '\n];',
        'nogen.m',
      ),
    );
    expect(missing.field).toBe('nogen.m: mpc.gen');
  });

  it('rejects an index past the end of a matrix in conversion code', () => {
    const e = inputError(() =>
      readMatpower(tiny(`${BUS1}\n${BUS2}`, 'x = mpc.bus(3, 1);'), 'bad.m'),
    );
    expect(e.field).toBe('bad.m:14');
    expect(e.expected).toMatch(/1\.\.2/);
  });
});
