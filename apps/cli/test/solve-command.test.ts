import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectClose } from '@gridhaul/common/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './spawn-gridhaul';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gridhaul-solve-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface SolveJson {
  status: string;
  objective: number | null;
  costs: Record<string, number>;
  gap: number | null;
  seed: number;
  timeLimitSec: number | null;
  check: { feasible: boolean; objective: number | null; problems: string[] };
  solution: Record<string, unknown>;
}

// Each case starts the real executable: the exit code is what a shell script sees.
describe('gridhaul solve <scenario.json>', { timeout: 180_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('solves the example scenarios in-process to their published numbers, checked, exit 0', async () => {
    const [delivery, cycle, evrp] = await Promise.all([
      runCli(['solve', example('mess-delivery-7-node.json'), '--json']),
      runCli(['solve', example('charging-cycle-skagerak.json'), '--json', '--seed', '7', '--time-limit', '60']),
      runCli(['solve', example('evrp-c101C5.json')]),
    ]);
    // The published heuristic on the 7-node case: 840 km, NOK 44,598.18 under the notebook's cost rule
    // (shared/data/mess-routing/expected-results.json, optimal_routing_7node).
    expect(delivery.code).toBe(0);
    const d = JSON.parse(delivery.stdout) as SolveJson;
    expect(d).toMatchObject({ status: 'heuristic', gap: null, seed: 1, timeLimitSec: null, check: { feasible: true, problems: [] } });
    expect(d.costs['distanceKm']).toBe(840);
    expectClose(d.costs['publishedRuleNOK'] ?? NaN, 44_598.18, { abs: 0.005 }, 'published total, 7-node heuristic');
    expect(d.solution['skippedSites']).toEqual([2, 4]);
    // The charging cycle at the published run's 224.0 NOK (expected-results.json, optimal_charging_cycle),
    // every limit kept; quantity strings ("550 kWh", "30 min") in the document; the flags override it.
    expect(cycle.code).toBe(0);
    const c = JSON.parse(cycle.stdout) as SolveJson;
    expect(c).toMatchObject({ status: 'optimal', objective: 224, gap: 0, seed: 7, timeLimitSec: 60, check: { feasible: true, objective: 224, problems: [] } });
    expect(c.costs).toMatchObject({ distanceDayKm: 64, swaps: 3 });
    expect(cycle.stderr).toContain('Skagerak charging cycle, exact: charging-cycle, seed 7, time limit 60 s');
    // c101C5 (a): distance 257.75 (Schneider et al. 2014); text output with the cost table.
    expect(evrp.code).toBe(0);
    expectClose(Number(/objective ([\d.]+)/.exec(evrp.stdout)?.[1]), 257.75, { abs: 0.005 }, 'c101C5 (a) distance');
    expect(evrp.stdout).toContain('checked: feasible');
    expect(evrp.stdout).toMatch(/costs\n {2}objective +257\.7475\n {2}distance +257\.7475\n {2}vehicles +2\n/);
    expect(evrp.stderr).toContain('time limit 120 s'); // "2 min" in the document
  });

  it('a JSON syntax error names the file and the line; an unknown problem type and bad fields are listed by path; exit 2', async () => {
    const broken = file('broken.json', '{\n  "name": "x",\n  "problemType": "lp"\n  "problem": {}\n}\n');
    const unknown = file('unknown.json', JSON.stringify({ name: 'x', problemType: 'warp-drive', problem: {} }));
    const document = JSON.parse(readFileSync(example('mess-delivery-7-node.json'), 'utf8')) as { problem: Record<string, unknown> };
    const invalid = file('invalid.json', JSON.stringify({ ...document, timeLimitSec: '5 kWh', problem: { ...document.problem, policy: 'greedy', amounts: 'all' } }));
    const [syntax, type, fields, missing] = await Promise.all([
      runCli(['solve', broken]),
      runCli(['solve', unknown, '--json']),
      runCli(['solve', invalid]),
      runCli(['solve', join(dir, 'nope.json')]),
    ]);
    expect(syntax).toMatchObject({ code: 2, stdout: '' });
    expect(syntax.stderr).toContain(`${broken}:4:3: invalid JSON`);
    expect(type).toMatchObject({ code: 2, stdout: '' });
    expect(type.stderr).toContain(`${unknown}: not a valid scenario (1 problem):\n  problemType: unknown problem type "warp-drive"; known: lp, lmp, evrp, bus-charging, mess-delivery, charging-cycle, coopt`);
    expect(fields).toMatchObject({ code: 2, stdout: '' });
    expect(fields.stderr).toContain(`${invalid}: not a valid scenario (3 problems):`);
    expect(fields.stderr).toContain('  timeLimitSec: expected a quantity in s (e.g. "550 s"), got "5 kWh"');
    expect(fields.stderr).toContain('  problem.policy: Invalid option: expected one of "exact"|"heuristic"');
    expect(fields.stderr).toContain('  problem.amounts: Invalid option: expected one of "ceil"|"nearest"');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read scenario file "${join(dir, 'nope.json')}": ENOENT`);
  });

  it('stored network ids are reported as needing a server, next to the problems found offline; exit 2', async () => {
    const lmp = file('stored-grid.json', JSON.stringify({ name: 'day prices', problemType: 'lmp', gridNetworkId: 'grid-1', problem: { profile: { periods: 0 } } }));
    const road = file('stored-road.json', JSON.stringify({ ...JSON.parse(readFileSync(example('mess-delivery-7-node.json'), 'utf8')), roadNetworkId: 'road-1' }));
    const [grid, roads] = await Promise.all([runCli(['solve', lmp]), runCli(['solve', road])]);
    // The lmp network would come from the stored grid: offline only the document's own fields are checked.
    expect(grid).toMatchObject({ code: 2, stdout: '' });
    expect(grid.stderr).toContain(`${lmp}: not a valid scenario (2 problems):\n  problem.profile.periods: `);
    expect(grid.stderr).toContain(`  gridNetworkId: needs a server: "grid-1" names a stored grid network, which is in the server's database;`);
    expect(grid.stderr).not.toContain('problem.network');
    expect(roads).toMatchObject({ code: 2, stdout: '' });
    expect(roads.stderr).toContain(`${road}: not a valid scenario (1 problem):\n  roadNetworkId: needs a server: "road-1" names a stored road network`);
  });

  it('bad data inside the problem names the file and the field; a plan the checker rejects exits 1', async () => {
    const document = JSON.parse(readFileSync(example('mess-delivery-7-node.json'), 'utf8')) as { problem: { instance: Record<string, string> } };
    const instance = { ...document.problem.instance, distanceCsv: document.problem.instance['distanceCsv']!.replace('Depot,0,100', 'Depot,0,NaN') };
    const nan = file('nan.json', JSON.stringify({ ...document, problem: { ...document.problem, instance } }));
    // The published rounding leaves site 5 with 150 of its 160 kWh: judged by full demand, the checker rejects the plan.
    const short = file('short.json', JSON.stringify({ ...document, problem: { ...document.problem, amounts: 'ceil' } }));
    const [bad, rejected] = await Promise.all([runCli(['solve', nan]), runCli(['solve', short, '--json'])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('  problem.instance.distanceCsv: distanceCsv:2 column 3: expected a number, got "NaN"');
    expect(rejected.code).toBe(1);
    expect((JSON.parse(rejected.stdout) as SolveJson).check).toMatchObject({ feasible: false, problems: ['demand-not-met vehicle 2 site 5: 150 vs limit 160'] });
  });
});
