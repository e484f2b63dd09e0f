import { GridHaulError, InputError } from '@gridhaul/common';
import { ErrorTag } from '../errors';
import type { ProblemType } from './problem-type';
import { busChargingProblem } from './problems/bus-charging';
import { chargingCycleProblem } from './problems/charging-cycle';
import { coOptProblem } from './problems/coopt';
import { cosimProblem } from './problems/cosim';
import { evrpProblem } from './problems/evrp';
import { lmpProblem } from './problems/lmp';
import { lpProblem } from './problems/lp';
import { messDeliveryProblem } from './problems/mess-delivery';

/**
 * Problem type → solver. Each domain package's solver is added here as it lands (grid's LMPs,
 * optimizer's MESS models, evrp, bus-charging); the API, queues and workers need no other change.
 */
const problems: ReadonlyArray<ProblemType> = [
  lpProblem,
  lmpProblem,
  evrpProblem,
  busChargingProblem,
  messDeliveryProblem,
  chargingCycleProblem,
  coOptProblem,
  cosimProblem,
] as unknown as ProblemType[];

export const problemTypes: ReadonlyMap<string, ProblemType> = new Map(problems.map((p) => [p.name, p]));

export function problemType(name: string): ProblemType {
  const p = problemTypes.get(name);
  if (!p) throw new GridHaulError(ErrorTag.unknownProblemType, `unknown problem type "${name}"; known: ${[...problemTypes.keys()].join(', ')}`);
  return p;
}

/** Validates a job's input against its problem type's schema; the first problem becomes an InputError. */
export function parseProblemInput(name: string, input: unknown, field = 'input'): unknown {
  const parsed = problemType(name).input.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue ? [field, ...issue.path.map(String)].join('.') : field;
  throw new InputError(path, undefined, issue?.message ?? 'valid input');
}
