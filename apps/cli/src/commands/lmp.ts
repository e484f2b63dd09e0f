import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { MATPOWER_CASES, matpowerCaseText, type MatpowerCaseName } from '@gridhaul/datasets';
import {
  DC_CONVENTIONS,
  DC_FORMULATIONS,
  networkFromJson,
  readMatpower,
  solveDcOpf,
  type DcConvention,
  type DcFormulation,
  type DcOpfResult,
  type Network,
} from '@gridhaul/grid';
import { ExitCode, printJson, progress } from '../output';
import { UsageError, withCommonOptions, type CommonOptions } from '../program';

interface LmpOptions extends CommonOptions {
  convention: DcConvention;
  formulation: DcFormulation;
}

/** `gridhaul lmp <case.m>`: DC OPF of a MATPOWER case (or a gridhaul.network JSON file) and its LMPs. */
export function registerLmp(program: Command): void {
  withCommonOptions(
    program
      .command('lmp')
      .description(
        'DC optimal power flow of a MATPOWER case: objective, dispatch and the LMP ($/MWh) at every bus',
      )
      .argument(
        '<case>',
        `MATPOWER case file (.m), GridHaul network JSON (.json), or a bundled case: ${MATPOWER_CASES.join(', ')}`,
      )
      .addOption(
        new Option('--convention <name>', 'DC network model')
          .choices([...DC_CONVENTIONS])
          .default('matpower'),
      )
      .addOption(
        new Option(
          '--formulation <name>',
          'B-θ (angles), PTDF (injections) or copperplate (no network)',
        )
          .choices([...DC_FORMULATIONS])
          .default('btheta'),
      ),
  ).action(async (file: string, options: LmpOptions) => {
    const network = readNetwork(file);
    if (!options.json)
      progress(
        `${network.name}: ${network.buses.length} buses, ${network.generators.length} generators, ${network.branches.length} branches (${options.convention}, ${options.formulation})`,
      );
    const result = await solveDcOpf(network, {
      convention: options.convention,
      formulation: options.formulation,
      solver: options.timeLimit !== undefined ? { timeLimitSec: options.timeLimit } : {},
    });
    if (options.json) printJson(toJson(file, result));
    else printTables(result);
    if (result.status !== 'optimal') process.exitCode = ExitCode.noSolution;
  });
}

const isBundledCase = (name: string): name is MatpowerCaseName =>
  (MATPOWER_CASES as readonly string[]).includes(name);

/** A file when one exists at `file`, else the bundled MATPOWER case of that name. */
function readNetwork(file: string): Network {
  if (!existsSync(file) && isBundledCase(file))
    return readMatpower(matpowerCaseText(file), `${file}.m`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read case file "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)} (bundled cases: ${MATPOWER_CASES.join(', ')})`,
    );
  }
  if (file.endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    return networkFromJson(value);
  }
  return readMatpower(text, basename(file));
}

function toJson(file: string, r: DcOpfResult) {
  const p = r.periods[0];
  return {
    case: file,
    convention: r.convention,
    formulation: r.formulation,
    status: r.status,
    objective: r.status === 'optimal' ? r.objective : null,
    units: { objective: '$/h', lmp: '$/MWh', pg: 'MW', flow: 'MW', angle: 'deg' },
    lmpSign:
      'lmp = d(total cost)/d(load at the bus) = dual of the bus balance; PowerModels lam_kcl_r is its negative',
    lmp: (p?.buses ?? []).map((b) => ({
      bus: b.bus,
      lmp: b.lmp,
      energy: b.energy,
      congestion: b.congestion,
      loss: b.loss,
      angleDeg: b.angleDeg,
    })),
    dispatch: (p?.generators ?? []).map((g) => ({
      generator: g.generator,
      bus: g.bus,
      pgMW: g.pgMW,
    })),
    flows: (p?.branches ?? []).map((b) => ({
      branch: b.branch,
      from: b.from,
      to: b.to,
      flowMW: b.flowMW,
      rateMW: b.rateMW,
      flowLimitPrice: b.flowLimitPrice,
    })),
    binding: p?.bindingBranches ?? [],
    solveSec: r.solveSec,
    notes: r.notes,
  };
}

function printTables(r: DcOpfResult): void {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`status     ${r.status}`);
  const p = r.periods[0];
  if (!p) return;
  out(`objective  ${r.objective.toFixed(4)} $/h`);
  out('');
  out('gen    bus        Pg (MW)');
  for (const g of p.generators)
    out(`${pad(g.generator, 5)}  ${pad(g.bus, 5)}  ${pad(g.pgMW.toFixed(3), 13)}`);
  out('');
  out('bus      LMP ($/MWh)   energy   congestion');
  for (const b of p.buses)
    out(
      `${pad(b.bus, 5)}  ${pad(b.lmp.toFixed(4), 13)}  ${pad(b.energy.toFixed(4), 9)}  ${pad(b.congestion.toFixed(4), 11)}`,
    );
  out('');
  const binding = p.branches.filter((b) => p.bindingBranches.includes(b.branch));
  if (binding.length === 0) out('no binding branch limits');
  for (const b of binding)
    out(
      `binding: branch ${b.branch} (${b.from}-${b.to}) ${b.flowMW.toFixed(2)} MW of ${b.rateMW ?? '∞'}, shadow price ${b.flowLimitPrice.toFixed(4)} $/MWh`,
    );
}

function pad(v: string | number, width: number): string {
  return String(v).padStart(width);
}
